import type { PlannedSubprocessor, Site } from '@/lib/content/schema';
import { scopeTitles } from '@/lib/timeline/scopes';
import { Notes } from './prose';

/** `scopes`: site.yaml's, on the full list, to show which scopes each planned entry is limited to. */
type Props = { planned: PlannedSubprocessor[]; noticeDays: number; scopes?: Site['scopes'] };

/** Tentative future subprocessors: disclosed early, never part of the authoritative list. */
export function PlannedList({ planned, noticeDays, scopes }: Props) {
  if (planned.length === 0) return null;
  return (
    <section aria-labelledby="planned" className="mt-10">
      <h2 id="planned" className="text-2xl font-semibold text-slate-900">
        Planned subprocessors (tentative)
      </h2>
      <p className="mt-2 text-slate-700">
        These are not in use yet and are not part of the list above. We will announce each one at least {noticeDays} days before
        it starts processing personal data.
      </p>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">Subprocessor</th>
              <th scope="col" className="py-2 pr-4">Purpose and data</th>
              <th scope="col" className="py-2">Expected</th>
            </tr>
          </thead>
          <tbody>
            {planned.map((entry) => (
              <tr key={entry.slug} id={entry.slug} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-2 pr-4 font-semibold">
                  {entry.name}
                  {/* No badge for an entry in every scope, as in the list above. */}
                  {(scopeTitles({ scopes }, entry.scopes).length === scopes?.length ? [] : scopeTitles({ scopes }, entry.scopes)).map((title) => (
                    <span key={title} className="badge">
                      {title}
                    </span>
                  ))}
                </th>
                <td className="py-2 pr-4" data-label="Purpose and data">
                  <p>{entry.purpose}</p>
                  <p className="text-slate-700">Data: {entry.data.join(' \u00b7 ')}</p>
                  {entry.condition && <p className="text-slate-700">Applies: {entry.condition}</p>}
                  <Notes markdown={entry.notes} slug={entry.slug} className="text-sm" />
                </td>
                <td className="py-2" data-label="Expected">{entry.planned}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
