import type { Scope } from '@/lib/content/schema';
import { TRANSFER_SHORT, TRANSFER_SPELLED } from '@/lib/publish/labels';
import { href } from '@/lib/publish/urls';
import type { EntryAsOf } from '@/lib/timeline/timeline';

type Props = { categories: { entries: EntryAsOf[] }[]; scopes?: readonly Scope[] };

/** Under the list: the safeguard abbreviations it uses, spelled out; what a missing scope badge means; the list by data. */
export function ListLegend({ categories, scopes }: Props) {
  const used = new Set<string>(categories.flatMap(({ entries }) => entries.flatMap((entry) => entry.transfers ?? [])));
  const abbreviations = Object.keys(TRANSFER_SHORT).filter((transfer) => used.has(transfer) && TRANSFER_SPELLED[transfer]);
  return (
    <div className="mt-4 space-y-1 text-sm text-slate-800">
      {abbreviations.length > 0 && (
        <p data-testid="abbreviations">
          <span className="font-semibold">Transfer safeguards: </span>
          {abbreviations.map((transfer, index) => (
            <span key={transfer}>
              {index > 0 && '; '}
              <abbr title={TRANSFER_SPELLED[transfer]}>{TRANSFER_SHORT[transfer]}</abbr>: {TRANSFER_SPELLED[transfer]}
            </span>
          ))}
          .
        </p>
      )}
      {scopes && <p>An entry without a scope badge applies in every scope ({scopes.map((scope) => scope.title).join(', ')}).</p>}
      <p className="print:hidden">
        <a href={href('/subprocessors/by-data')}>Which subprocessors process each kind of data</a>
      </p>
    </div>
  );
}
