import { EntryRows, type EntryRow } from './entry-rows';
import { Prose } from './prose';
import { htmlText } from '@/lib/html';
import { FIELD_LABELS as L, formatLocation, TRANSFER_SHORT } from '@/lib/labels';
import type { Category } from '@/lib/schema';
import type { EntryAsOf } from '@/lib/timeline';

/** A row's values as HTML; slugs need no escaping (validated as lowercase letters, digits and dashes). */
const row = (entry: EntryAsOf): EntryRow => [
  entry.slug,
  htmlText(entry.name),
  htmlText(entry.entity),
  entry.affiliate === true,
  htmlText(entry.purpose),
  htmlText(entry.condition ?? ''),
  htmlText(entry.data.join(', ')),
  htmlText(entry.locations.map(formatLocation).join('; ')),
  htmlText((entry.transfers ?? []).map((transfer) => TRANSFER_SHORT[transfer]).join(', ')),
];

type Props = { category: Category & { descriptionHtml?: string }; entries: EntryAsOf[] };

/** One category of the list; each entry's anchor is its slug, so `/subprocessors#slug` links to it. */
export function CategorySection({ category, entries }: Props) {
  return (
    <section aria-labelledby={`category-${category.id}`} className="mt-8">
      <h3 id={`category-${category.id}`} className="text-xl font-semibold text-slate-900">
        {category.title}
      </h3>
      {category.descriptionHtml && <Prose html={category.descriptionHtml} className="mt-2" />}
      {entries.length === 0 ? (
        <p className="mt-2 text-slate-700">We currently use no subprocessors in this category.</p>
      ) : (
        <table className="entries">
          <thead>
            <tr>
              <th scope="col">Subprocessor</th>
              <th scope="col">Purpose</th>
              <th scope="col">{L.data}</th>
              <th scope="col">Locations and transfer safeguards</th>
            </tr>
          </thead>
          <EntryRows rows={entries.map(row)} />
        </table>
      )}
    </section>
  );
}
