import Link from 'next/link';
import { FormattedDate } from './formatted-date';
import { EntryFields } from './entry-fields';
import type { IsoDate } from '@/lib/dates';
import type { EntryAsOf } from '@/lib/timeline';
import { entryPath } from '@/lib/urls';

type Props = { entry: EntryAsOf; since?: IsoDate };

/** One subprocessor on the list; its anchor is its slug, so `/subprocessors#slug` links here. */
export function EntryCard({ entry, since }: Props) {
  return (
    <article id={entry.slug} aria-labelledby={`${entry.slug}-name`} className="scroll-mt-4 border-t border-slate-200 py-5">
      <h4 id={`${entry.slug}-name`} className="text-lg font-semibold text-slate-900">
        {entry.name}
        {entry.affiliate && <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-sm font-normal text-slate-700">Affiliate</span>}
      </h4>
      <p className="mb-3 text-slate-700">
        {entry.entity}
        {since && (
          <>
            {' · on the list since '}
            <FormattedDate date={since} />
          </>
        )}
      </p>
      <EntryFields entry={entry} />
      <p className="mt-3 print:hidden">
        <Link href={entryPath(entry.slug)}>
          {entry.name}: details and history
        </Link>
      </p>
    </article>
  );
}
