import { FormattedDate } from './formatted-date';
import { htmlText } from '@/lib/content/html';
import type { IsoDate } from '@/lib/content/dates';
import type { Scope } from '@/lib/content/schema';
import { afterEffectNote, deadlineLine } from '@/lib/timeline/deadline';
import { CHANGE_LABELS, eventSummary } from '@/lib/publish/labels';
import { eventKey } from '@/lib/timeline/history';
import { scopeTitles } from '@/lib/timeline/scopes';
import type { UpcomingChange } from '@/lib/timeline/timeline';
import { fieldChanges, shortChange, shortDate, shortDeadline } from '@/lib/publish/upcoming';
import { ObjectLink, type ObjectSite } from './object-link';
import { entryPath, href } from '@/lib/publish/urls';
import { objectionHref } from '@/lib/publish/objection';

/**
 * `scopes`: site.yaml's, on a full list with scopes, to say which scopes each change concerns.
 * `compact`: one line each (the list page): what, when, object by, how.
 */
type Props = { changes: UpcomingChange[]; site: ObjectSite; date: IsoDate; scopes?: readonly Scope[]; compact?: boolean };

/** Text that may hold characters beyond Latin-1 (an arrow, a dash), as references: see lib/content/html.ts. */
const Text = ({ text }: { text: string }) => <span dangerouslySetInnerHTML={{ __html: htmlText(text) }} />;

/** What is about to change, and urgent changes still open to objection (see openChanges), and until when a customer can object. */
export function UpcomingChanges({ changes, site, date, scopes, compact = false }: Props) {
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="upcoming" className={`rounded-lg border-2 border-amber-600 bg-amber-50 px-4 ${compact ? 'mt-3 py-2' : 'mt-4 py-3'}`}>
      <h2 id="upcoming" className={compact ? 'font-semibold text-slate-900' : 'text-lg font-semibold text-slate-900'}>
        {changes.some(({ event }) => event.effective <= date) ? 'Upcoming and urgent changes' : 'Upcoming changes'}
      </h2>
      <ul className={compact ? 'mt-1 space-y-1' : 'mt-1 space-y-3'}>
        {changes.map((change) => (compact ? <Line key={eventKey(change.entry, change.event)} change={change} {...{ site, date, scopes }} /> : <Item key={eventKey(change.entry, change.event)} change={change} {...{ site, date, scopes }} />))}
      </ul>
    </section>
  );
}

type ItemProps = { change: UpcomingChange; site: Props['site']; date: IsoDate; scopes?: readonly Scope[] };


/** The scopes a change concerns, on a full list: none when it concerns every scope. */
function Badges({ entry, scopes }: { entry: UpcomingChange['entry']; scopes?: readonly Scope[] }) {
  const titles = scopes ? scopeTitles({ scopes: [...scopes] }, entry.scopes) : [];
  if (!scopes || titles.length === scopes.length) return null;
  return titles.map((title) => <span key={title} className="badge">{title}</span>);
}

/** One line on the list page: what (the entry, and what an update changes), when, object by, how; the rest is on the entry's page. */
function Line({ change, site, date, scopes }: ItemProps) {
  const { entry, event, objectionDeadline } = change;
  const what = shortChange(entry, event, scopes);
  return (
    <li data-testid="upcoming-change">
      <strong>{CHANGE_LABELS[event.change]}: </strong>
      <a href={href(entryPath(entry.slug))}>{entry.name}</a>
      <Badges entry={entry} scopes={scopes} />
      {what && (
        <>
          {'\u00a0\u00b7 '}
          <Text text={what} />
        </>
      )}
      {event.effective > date ? '\u00a0\u00b7 from ' : '\u00a0\u00b7 urgent, in effect since '}
      <time dateTime={event.effective}>{shortDate(event.effective)}</time>
      {objectionDeadline && (
        <>
          {'\u00a0\u00b7 '}
          <strong>
            object by <Text text={shortDeadline(objectionDeadline, site.timezone, date)} />
          </strong>
          {'\u00a0\u00b7 '}
          <ObjectLink change={change} site={site} date={date} label="Object" mail="How to object" />
        </>
      )}
    </li>
  );
}

/** On an entry's own page: the deadline first, then what changes from when. */
function Item({ change, site, date, scopes }: ItemProps) {
  const { entry, event, objectionDeadline } = change;
  const changes = fieldChanges(entry, event, scopes);
  return (
    <li>
      {objectionDeadline && (
        <p className="text-lg font-bold text-slate-900" data-testid="objection-deadline">
          <Text text={deadlineLine(objectionDeadline, site.timezone, date)} />
          <span className="font-normal">
            {'\u00a0\u00b7 '}
            <ObjectLink change={change} site={site} date={date} label="Object to this change" mail={`email ${site.contact.objections}`} />
          </span>
          {objectionHref(site, change.entry, event) && <span className="block text-sm font-normal">Questions about objecting: <a href={`mailto:${site.contact.objections}`}>{site.contact.objections}</a></span>}
        </p>
      )}
      <p>
        <strong>{CHANGE_LABELS[event.change]}: </strong>
        <a href={href(entryPath(entry.slug))}>{entry.name}</a>
        <Badges entry={entry} scopes={scopes} />
        {'\u00a0\u00b7 '}
        <Text text={eventSummary(entry.name, event)} />
      </p>
      {changes.map(({ label, before, after }) => (
        <p key={label} data-testid="upcoming-field">
          From <FormattedDate date={event.effective} />: <strong>{label}:</strong> <Text text={`${before} \u2192 ${after}`} />
        </p>
      ))}
      <p className="text-slate-800">
        {event.effective > date ? 'Takes effect' : 'An urgent change, in effect since'} <FormattedDate date={event.effective} />; announced <FormattedDate date={event.announced} />.
      </p>
      {objectionDeadline && afterEffectNote(objectionDeadline, event.effective) && <p className="text-slate-800">{afterEffectNote(objectionDeadline, event.effective)}</p>}
    </li>
  );
}
