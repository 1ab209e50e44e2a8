import { EntryRows, type EntryRow } from './entry-rows';
import { Prose } from './prose';
import { htmlText } from '@/lib/html';
import { FIELD_LABELS as L, formatLocation, TRANSFER_SHORT } from '@/lib/labels';
import type { Category } from '@/lib/schema';
import type { EntryAsOf } from '@/lib/timeline';

/**
 * One table's rows and the terms they refer to, as `EntryRows` takes them. Slugs need no
 * escaping (validated as lowercase letters, digits and dashes).
 */
function tableRows(entries: EntryAsOf[]): { rows: EntryRow[]; terms: string[] } {
  const positions = new Map<string, number>();
  const position = (term: string) => {
    const known = positions.get(term);
    if (known !== undefined) return known;
    positions.set(term, positions.size);
    return positions.size - 1;
  };
  const rows = entries.map((entry): EntryRow => {
    const condition = htmlText(entry.condition ?? '');
    const row: EntryRow = [
      entry.slug,
      htmlText(entry.name),
      htmlText(entry.entity),
      htmlText(entry.purpose),
      entry.data.map(position),
      entry.locations.map(formatLocation).map(position),
      (entry.transfers ?? []).map((transfer) => position(TRANSFER_SHORT[transfer])),
    ];
    if (entry.affiliate === true) row.push(condition, 1);
    else if (condition) row.push(condition);
    return row;
  });
  return { rows, terms: [...positions.keys()].map(htmlText) };
}

type Props = { category: Category & { descriptionHtml?: string }; entries: EntryAsOf[]; empty?: string };

/** One category of the list; each entry's anchor is its slug, so `/subprocessors#slug` links to it. */
export function CategorySection({ category, entries, empty = 'We currently use no subprocessors in this category.' }: Props) {
  return (
    <section aria-labelledby={`category-${category.id}`} className="mt-8">
      <h3 id={`category-${category.id}`} className="text-xl font-semibold text-slate-900">
        {category.title}
      </h3>
      {category.descriptionHtml && <Prose html={category.descriptionHtml} className="mt-2" />}
      {entries.length === 0 ? (
        <p className="mt-2 text-slate-700">{empty}</p>
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
          <EntryRows {...tableRows(entries)} />
        </table>
      )}
    </section>
  );
}
