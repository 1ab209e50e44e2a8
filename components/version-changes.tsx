import { eventKey, type VersionChange } from '@/lib/history';
import { CHANGE_LABELS, eventSummary, FIELD_LABELS, formatFieldValue } from '@/lib/labels';
import { entryPath, href } from '@/lib/urls';

type Props = { changes: VersionChange[] };

/** What a version changed compared with the one before: additions, removals, and updates field by field. */
export function VersionChanges({ changes }: Props) {
  return (
    <ul className="mt-3 space-y-4">
      {changes.map(({ entry, event, fields }) => (
        <li key={eventKey(entry, event)}>
          <p>
            <strong>{CHANGE_LABELS[event.change]}: </strong>
            <a href={href(entryPath(entry.slug))}>{entry.name}</a> · {eventSummary(entry.name, event)}
          </p>
          {event.change === 'updated' &&
            (fields ? (
              <div className="mt-2 overflow-x-auto">
                <table className="w-full border-collapse text-left text-sm">
                  <caption className="sr-only">Changes to {entry.name}</caption>
                  <thead>
                    <tr className="border-b border-slate-300">
                      <th scope="col" className="py-1 pr-4">Field</th>
                      <th scope="col" className="py-1 pr-4">Before</th>
                      <th scope="col" className="py-1">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    {fields.map(({ field, before, after }) => (
                      <tr key={field} className="border-b border-slate-200 align-top">
                        <th scope="row" className="py-1 pr-4 font-semibold">{FIELD_LABELS[field]}</th>
                        <td className="py-1 pr-4">{formatFieldValue(field, before)}</td>
                        <td className="py-1">{formatFieldValue(field, after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="mt-1 text-slate-700">The former values were not recorded.</p>
            ))}
        </li>
      ))}
    </ul>
  );
}
