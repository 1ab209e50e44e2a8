import type { ObjectSite } from './object-link';
import { FormattedDate } from './formatted-date';
import { UpcomingChanges } from './upcoming-changes';
import type { IsoDate } from '@/lib/content/dates';
import { CHANGE_LABELS } from '@/lib/publish/labels';
import type { ChangeEvent, Scope, Subprocessor } from '@/lib/content/schema';
import type { UpcomingChange } from '@/lib/timeline/timeline';
import { href } from '@/lib/publish/urls';

type Props = {
  count: number;
  date: IsoDate;
  listChanged: IsoDate;
  latestAnnouncement?: { entry: Subprocessor; event: ChangeEvent; key: string };
  upcoming: UpcomingChange[];
  site: ObjectSite;
  /** site.yaml's, on a full list with scopes: upcoming changes say which scopes they concern. */
  scopes?: readonly Scope[];
  children?: React.ReactNode;
};

/**
 * What a reviewer needs first, in a few lines right under the title: how many, since when, what
 * is announced (one line per change), and where to go next; `children` (the compact
 * subscription form) goes on the line of links.
 */
export function ListSummary({ count, date, listChanged, latestAnnouncement, upcoming, site, scopes, children }: Props) {
  return (
    <section aria-label="Summary" className="mt-2">
      <ul className="link-row text-slate-800">
        <li>
          <strong>{count === 1 ? '1 subprocessor' : `${count} subprocessors`}</strong>
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
        {upcoming.length === 0 && <li className="font-semibold">No changes announced.</li>}
      </ul>
      <UpcomingChanges changes={upcoming} site={site} date={date} scopes={scopes} compact />
      <div className="mt-2 flex flex-wrap items-center gap-x-6 gap-y-1 print:hidden">
        <nav aria-label="About this list">
          <ul className="link-row">
            <li><a href={href('/subprocessors/changes')}>All changes and past versions</a></li>
            <li><a href={href('/subprocessors/annex')}>Annex for a DPA (print or PDF)</a></li>
            <li><a href={href('/subprocessors/feed.xml')}>Atom feed</a></li>
            <li><a href={href('/subprocessors/changes.ics')}>Calendar</a></li>
            <li><a href={href('/subprocessors.json')}>JSON</a></li>
            <li><a href={href('/subprocessors.csv')}>CSV</a></li>
          </ul>
        </nav>
        {children}
      </div>
    </section>
  );
}
