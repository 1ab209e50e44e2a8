import { FormattedDate } from './formatted-date';
import { UpcomingChanges } from './upcoming-changes';
import type { IsoDate } from '@/lib/content/dates';
import { CHANGE_LABELS } from '@/lib/publish/labels';
import type { ChangeEvent, Subprocessor } from '@/lib/content/schema';
import type { UpcomingChange } from '@/lib/timeline/timeline';
import { href } from '@/lib/publish/urls';

type Props = {
  count: number;
  date: IsoDate;
  listChanged: IsoDate;
  latestAnnouncement?: { entry: Subprocessor; event: ChangeEvent; key: string };
  upcoming: UpcomingChange[];
  objectionsEmail: string;
  timeZone: string;
};

/** What a reviewer needs first, right under the title: how many, since when, what is announced, and where to go next. */
export function ListSummary({ count, date, listChanged, latestAnnouncement, upcoming, objectionsEmail, timeZone }: Props) {
  return (
    <section aria-label="Summary" className="mt-3">
      <ul className="link-row text-slate-800">
        <li>
          <strong>{count} subprocessors</strong>
        </li>
        <li>
          List in force since{' '}
          <a href={href(`/subprocessors/history/${listChanged}`)}>
            <FormattedDate date={listChanged} />
          </a>
        </li>
        <li>
          Latest announcement:{' '}
          {latestAnnouncement ? (
            <a href={href(`/subprocessors/changes#${latestAnnouncement.key}`)}>
              <FormattedDate date={latestAnnouncement.event.announced} /> ({CHANGE_LABELS[latestAnnouncement.event.change].toLowerCase()} {latestAnnouncement.entry.name})
            </a>
          ) : (
            'none since the list was published'
          )}
        </li>
      </ul>
      {upcoming.length === 0 && <p className="mt-2 font-semibold">No changes announced.</p>}
      <UpcomingChanges changes={upcoming} objectionsEmail={objectionsEmail} date={date} timeZone={timeZone} />
      <nav aria-label="About this list" className="mt-3 print:hidden">
        <ul className="link-row">
          <li><a href={href('/subprocessors/changes')}>All changes and past versions</a></li>
          <li><a href={href('/subprocessors/annex')}>Annex for a DPA (print or PDF)</a></li>
          <li><a href={href('/subprocessors/feed.xml')}>Atom feed</a></li>
          <li><a href={href('/subprocessors/changes.ics')}>Calendar</a></li>
          <li><a href={href('/subprocessors.json')}>JSON</a></li>
          <li><a href={href('/subprocessors.csv')}>CSV</a></li>
        </ul>
      </nav>
    </section>
  );
}
