import type { IsoDate } from '@/lib/content/dates';
import { href } from '@/lib/publish/urls';

type Props = { date: IsoDate };

/** Ways to follow the list without visiting it, and its past versions. */
export function FollowLinks({ date }: Props) {
  return (
    <section aria-labelledby="follow" className="mt-10 border-t border-slate-200 pt-6 print:hidden">
      <h2 id="follow" className="text-xl font-semibold">
        History and updates
      </h2>
      {/* Centred: "Link to this version" is a 44 px target, taller than a line. */}
      <ul className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2">
        <li><a href={href('/subprocessors/changes')}>All changes and past versions</a></li>
        <li><a href={href(`/subprocessors/history/${date}`)} className="copy-link">Link to this version</a></li>
        <li><a href={href('/subprocessors/annex')}>Annex for a data processing agreement (print or PDF)</a></li>
        <li><a href={href('/subprocessors/feed.xml')}>Atom feed</a></li>
        <li><a href={href('/subprocessors/changes.ics')}>Calendar of changes and objection deadlines</a></li>
        <li><a href={href('/subprocessors.json')}>JSON</a></li>
        <li><a href={href('/subprocessors.csv')}>CSV (spreadsheet)</a></li>
      </ul>
    </section>
  );
}
