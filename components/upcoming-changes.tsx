import { FormattedDate } from './formatted-date';
import { formatDate, type IsoDate } from '@/lib/dates';
import { CHANGE_LABELS, eventSummary } from '@/lib/labels';
import { eventKey } from '@/lib/history';
import type { UpcomingChange } from '@/lib/timeline';
import { entryPath, href } from '@/lib/urls';

type Props = { changes: UpcomingChange[]; objectionsEmail: string; date: IsoDate };

/** What is about to change and until when a customer can object. */
export function UpcomingChanges({ changes, objectionsEmail, date }: Props) {
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="upcoming" className="mt-8 rounded-lg border-2 border-amber-600 bg-amber-50 p-4 sm:p-6">
      <h2 id="upcoming" className="text-xl font-semibold text-slate-900">
        Upcoming changes
      </h2>
      <ul className="mt-3 space-y-4">
        {changes.map(({ entry, event, objectionDeadline }) => {
          const subject = `Objection: ${entry.name} — effective ${formatDate(event.effective)}`;
          return (
            <li key={eventKey(entry, event)}>
              <p>
                <strong>{CHANGE_LABELS[event.change]}: </strong>
                <a href={href(entryPath(entry.slug))}>
                  {entry.name}
                </a>
                {` · ${eventSummary(entry.name, event)}`}
              </p>
              <p className="text-slate-800">
                Takes effect <FormattedDate date={event.effective} />.
                {objectionDeadline && objectionDeadline < date && (
                  <>
                    {' '}The period for objections ended on <FormattedDate date={objectionDeadline} />.
                  </>
                )}
                {objectionDeadline && objectionDeadline >= date && (
                  <>
                    {' '}Object by <FormattedDate date={objectionDeadline} />:{' '}
                    <a href={`mailto:${objectionsEmail}?subject=${encodeURIComponent(subject)}`}>email {objectionsEmail}</a>.
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
