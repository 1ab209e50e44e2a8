import { FormattedDate } from './formatted-date';
import { htmlText } from '@/lib/content/html';
import type { IsoDate } from '@/lib/content/dates';
import type { Scope } from '@/lib/content/schema';
import { deadlineLine } from '@/lib/timeline/deadline';
import { eventKey, type EntryEvent } from '@/lib/timeline/history';
import type { UpcomingChange } from '@/lib/timeline/timeline';
import { CHANGE_LABELS, eventSummary } from '@/lib/publish/labels';
import { fieldChanges } from '@/lib/publish/upcoming';
import { ObjectLink, type ObjectSite } from './object-link';
import { entryPath, href } from '@/lib/publish/urls';

type Props = {
  events: EntryEvent[];
  date: IsoDate;
  versionOf: (effective: IsoDate) => IsoDate | undefined;
  emailed?: (announced: IsoDate) => IsoDate | undefined;
  /** Changes not yet in effect, by event key (see changesView). */
  upcoming: ReadonlyMap<string, UpcomingChange>;
  site: ObjectSite;
  /** site.yaml's, on a full list with scopes: an update's scope changes are named by title. */
  scopes?: readonly Scope[];
};

/** Text with characters beyond Latin-1 (an arrow, a dash) as references: see lib/content/html.ts. */
const Text = ({ text }: { text: string }) => <span dangerouslySetInnerHTML={{ __html: htmlText(text) }} />;

/** Public events, each with the version of the list it produced; an upcoming one with its deadline and the way to object. */
export function ChangeList({ events, date, versionOf, emailed, upcoming, site, scopes }: Props) {
  if (events.length === 0) return <p className="mt-4">No changes match.</p>;
  return (
    <ol className="mt-4 space-y-5">
      {events.map(({ entry, event }) => {
        const key = eventKey(entry, event);
        const version = versionOf(event.effective);
        const sentOn = emailed?.(event.announced);
        const coming = upcoming.get(key);
        return (
          <li key={key} id={key} className="border-l-4 border-slate-300 pl-4">
            <p className="font-semibold">
              {CHANGE_LABELS[event.change]}: <a href={href(entryPath(entry.slug))}>{entry.name}</a>
              {event.effective > date && <span className="badge bg-amber-100 text-amber-900">upcoming</span>}
              {event.urgent && <span className="badge bg-red-100 text-red-900">urgent</span>}
            </p>
            <p className="text-sm text-slate-700">
              Announced <FormattedDate date={event.announced} /> · effective <FormattedDate date={event.effective} />
            </p>
            {coming?.objectionDeadline && (
              <p className="mt-1 font-semibold" data-testid="objection-deadline">
                <Text text={deadlineLine(coming.objectionDeadline, site.timezone, date)} />
                <span className="font-normal">
                  {'\u00a0\u00b7 '}
                  <ObjectLink change={coming} site={site} date={date} label="Object to this change" mail={`To object, email ${site.contact.objections}`} />
                </span>
              </p>
            )}
            <p className="mt-1">{eventSummary(entry.name, event)}</p>
            {coming &&
              fieldChanges(coming.entry, event, scopes).map(({ label, before, after }) => (
                <p key={label} className="mt-1">
                  <strong>{label}:</strong> <Text text={`${before} \u2192 ${after}`} />
                </p>
              ))}
            {event.reason && (
              <p className={event.urgent ? 'mt-1 font-semibold text-red-900' : 'mt-1 text-slate-700'}>
                {event.urgent ? 'Urgent change, made without the usual notice period: ' : 'Reason: '}
                {event.reason}
              </p>
            )}
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
