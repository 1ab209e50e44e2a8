import { FormattedDate } from './formatted-date';
import type { IsoDate } from '@/lib/content/dates';
import { eventKey, type EntryEvent } from '@/lib/timeline/history';
import { CHANGE_LABELS, eventSummary } from '@/lib/publish/labels';
import { entryPath, href } from '@/lib/publish/urls';

type Props = { events: EntryEvent[]; date: IsoDate; versionOf: (effective: IsoDate) => IsoDate | undefined; emailed?: (announced: IsoDate) => IsoDate | undefined };

/** Public events, each with the version of the list it produced. */
export function ChangeList({ events, date, versionOf, emailed }: Props) {
  if (events.length === 0) return <p className="mt-4">No changes match.</p>;
  return (
    <ol className="mt-4 space-y-5">
      {events.map(({ entry, event }) => {
        const version = versionOf(event.effective);
        const sentOn = emailed?.(event.announced);
        return (
          <li key={eventKey(entry, event)} id={eventKey(entry, event)} className="border-l-4 border-slate-300 pl-4">
            <p className="font-semibold">
              {CHANGE_LABELS[event.change]}: <a href={href(entryPath(entry.slug))}>{entry.name}</a>
              {event.effective > date && <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-sm font-normal text-amber-900">upcoming</span>}
            </p>
            <p className="text-sm text-slate-700">
              Announced <FormattedDate date={event.announced} /> · effective <FormattedDate date={event.effective} />
            </p>
            <p className="mt-1">{eventSummary(entry.name, event)}</p>
            {event.reason && <p className="mt-1 text-slate-700">{event.urgent ? 'Urgent change, made without the usual notice period: ' : 'Reason: '}{event.reason}</p>}
            {sentOn && (
              <p className="mt-1 text-sm text-slate-700">
                E-mailed to subscribers on <FormattedDate date={sentOn} />
              </p>
            )}
            {version && (
              <p className="mt-1 text-sm">
                <a href={href(`/subprocessors/history/${version}`)}>
                  The list as of <FormattedDate date={version} />
                </a>
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
