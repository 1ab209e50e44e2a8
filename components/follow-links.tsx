import Link from 'next/link';
import type { IsoDate } from '@/lib/dates';

type Props = { date: IsoDate };

/** Ways to follow the list without visiting it, and its past versions. */
export function FollowLinks({ date }: Props) {
  return (
    <section aria-labelledby="follow" className="mt-12 border-t border-slate-200 pt-6 print:hidden">
      <h2 id="follow" className="text-xl font-semibold">
        History and updates
      </h2>
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
        <li><Link href="/subprocessors/changes">All changes and past versions</Link></li>
        <li><Link href={`/subprocessors/history/${date}`}>Link to this version</Link></li>
        <li><a href="/subprocessors/feed.xml">Atom feed</a></li>
        <li><a href="/subprocessors/changes.ics">Calendar of changes and objection deadlines</a></li>
        <li><a href="/subprocessors.json">JSON</a></li>
        <li><a href="/subprocessors.csv">CSV (spreadsheet)</a></li>
      </ul>
    </section>
  );
}
