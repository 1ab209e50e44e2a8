import { FormattedDate } from './formatted-date';
import { htmlText } from '@/lib/content/html';
import { formatDate, type IsoDate } from '@/lib/content/dates';
import { afterEffectNote, deadlineLine } from '@/lib/timeline/deadline';
import { CHANGE_LABELS, eventSummary } from '@/lib/publish/labels';
import { eventKey } from '@/lib/timeline/history';
import type { UpcomingChange } from '@/lib/timeline/timeline';
import { entryPath, href } from '@/lib/publish/urls';

type Props = { changes: UpcomingChange[]; objectionsEmail: string; date: IsoDate; timeZone: string };

/** What is about to change and until when a customer can object: the deadline is each change's first line. */
export function UpcomingChanges({ changes, objectionsEmail, date, timeZone }: Props) {
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="upcoming" className="mt-4 rounded-lg border-2 border-amber-600 bg-amber-50 px-4 py-3">
      <h2 id="upcoming" className="text-lg font-semibold text-slate-900">
        Upcoming changes
      </h2>
      <ul className="mt-1 space-y-3">
        {changes.map(({ entry, event, objectionDeadline }) => {
          const subject = `Objection: ${entry.name} — effective ${formatDate(event.effective)}`;
          return (
            <li key={eventKey(entry, event)}>
              {objectionDeadline && (
                <p className="text-lg font-bold text-slate-900" data-testid="objection-deadline">
                  {/* The dash as a character reference: pages keep to Latin-1 (see lib/content/html.ts). */}
                  <span dangerouslySetInnerHTML={{ __html: htmlText(deadlineLine(objectionDeadline, timeZone, date)) }} />
                  {objectionDeadline >= date && (
                    <span className="font-normal">
                      {' · '}
                      <a href={`mailto:${objectionsEmail}?subject=${encodeURIComponent(subject)}`}>email {objectionsEmail}</a>
                    </span>
                  )}
                </p>
              )}
              <p>
                <strong>{CHANGE_LABELS[event.change]}: </strong>
                <a href={href(entryPath(entry.slug))}>{entry.name}</a>
                {` · ${eventSummary(entry.name, event)}`}
              </p>
              <p className="text-slate-800">
                Takes effect <FormattedDate date={event.effective} />; announced <FormattedDate date={event.announced} />.
              </p>
              {objectionDeadline && afterEffectNote(objectionDeadline, event.effective) && <p className="text-slate-800">{afterEffectNote(objectionDeadline, event.effective)}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
