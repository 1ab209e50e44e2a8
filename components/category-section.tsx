import { EntryRows, type EntryRow } from './entry-rows';
import { Prose } from './prose';
import { htmlText } from '@/lib/content/html';
import { href } from '@/lib/publish/urls';
import { FIELD_LABELS as L, formatLocation, TRANSFER_SHORT, TRANSFER_SPELLED } from '@/lib/publish/labels';
import type { Category, Scope } from '@/lib/content/schema';
import type { EntryAsOf } from '@/lib/timeline/timeline';
import { scopeTitleMap } from '@/lib/timeline/scopes';

/**
 * One table's rows and the terms they refer to, as `EntryRows` takes them. Slugs need no
 * escaping (validated as lowercase letters, digits and dashes).
 */
function tableRows(entries: EntryAsOf[], scopes: readonly Scope[] = []): { rows: EntryRow[]; terms: string[] } {
  const titles = scopeTitleMap(scopes);
  // Each term's HTML by a key: a safeguard is an abbreviation, spelled out in its title.
  const positions = new Map<string, [number, string]>();
  const position = (term: string, key = term, html = htmlText(term)) => {
    const known = positions.get(key);
    if (known !== undefined) return known[0];
    positions.set(key, [positions.size, html]);
    return positions.size - 1;
  };
  const safeguard = (transfer: string) => {
    const spelled = TRANSFER_SPELLED[transfer];
    return position(TRANSFER_SHORT[transfer], `transfer:${transfer}`, spelled ? `<abbr title="${htmlText(spelled)}">${htmlText(TRANSFER_SHORT[transfer])}</abbr>` : undefined);
  };
  // One rule for an entry in every scope, however it is written (no `scopes`, or all of them): no badge.
  const limited = (ids?: readonly string[]) => (ids && scopes.some((scope) => !ids.includes(scope.id)) ? ids : []);
  const rows = entries.map((entry): EntryRow => {
    const condition = htmlText(entry.condition ?? '');
    const row: EntryRow = [
      entry.slug,
      htmlText(entry.name),
      htmlText(entry.entity),
      htmlText(entry.purpose),
      entry.data.map((item) => position(item)),
      entry.locations.map((location) => position(formatLocation(location, titles))),
      (entry.transfers ?? []).map(safeguard),
    ];
    const badges = limited(entry.scopes).map((id) => position(titles.get(id) ?? id, `scope:${id}`));
    if (badges.length) row.push(condition, entry.affiliate === true ? 1 : 0, badges);
    else if (entry.affiliate === true) row.push(condition, 1);
    else if (condition) row.push(condition);
    return row;
  });
  return { rows, terms: [...positions.values()].map(([, html]) => html) };
}

/** `scopes`: site.yaml's, on the full list, to show which scopes each entry and location is limited to. */
type Props = { category: Category & { descriptionHtml?: string }; entries: EntryAsOf[]; empty?: string; scopes?: readonly Scope[] };

/** One category of the list; each entry's anchor is its slug, so `/subprocessors#slug` links to it. */
export function CategorySection({ category, entries, empty = 'We currently use no subprocessors in this category.', scopes }: Props) {
  return (
    <section aria-labelledby={`category-${category.id}`} className="mt-6">
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
          <EntryRows {...tableRows(entries, scopes)} pages={href('/subprocessors/')} />
        </table>
      )}
    </section>
  );
}
