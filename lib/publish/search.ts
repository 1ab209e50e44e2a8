import { locationName } from '../content/countries';
import type { IsoDate } from '../content/dates';
import type { Content } from '../content/schema';
import { byCategory, entryAsOf, isListed, isVisible, listAsOf, upcomingChanges, removal, type EntryAsOf } from '../timeline/timeline';

/** What a visitor narrows the list by; every part is optional and they combine. */
export type ListFilter = { q?: string; category?: string; country?: string; data?: string };

/** Case- and accent-insensitive, so "societe" finds "Société". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

export function matches(entry: EntryAsOf, filter: ListFilter): boolean {
  const q = filter.q ? fold(filter.q) : '';
  return (
    // Words match what it does and which data too: "email" finds the mail providers.
    (!q || fold([entry.name, entry.entity, entry.purpose, ...entry.data].join(' \n ')).includes(q)) &&
    (!filter.category || entry.category === filter.category) &&
    // A `global` location can be any country, so it counts for every country.
    (!filter.country || entry.locations.some((location) => location.country === filter.country || location.country === 'global')) &&
    (!filter.data || entry.data.some((item) => fold(item) === fold(filter.data!)))
  );
}

/** The choices the filter form offers: only values some listed entry has. */
export function filterOptions(content: Pick<Content, 'categories'>, list: EntryAsOf[]) {
  const countries = new Set(list.flatMap((entry) => entry.locations.map((location) => location.country)));
  return {
    categories: content.categories.filter((category) => !category.retired).map(({ id, title }) => ({ value: id, label: title })),
    countries: [...countries].map((code) => ({ value: code, label: locationName(code) })).sort((a, b) => a.label.localeCompare(b.label)),
    data: dataCategories(list).map(([label]) => ({ value: label, label })),
  };
}

/**
 * Which subprocessors process each kind of data, alphabetically: the list turned inside out.
 * Data categories are free text, so spellings that differ only in case or accents are one.
 */
export function dataCategories(list: EntryAsOf[]): [string, EntryAsOf[]][] {
  const groups = new Map<string, [string, EntryAsOf[]]>();
  for (const entry of [...list].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const item of new Set(entry.data)) {
      const group = groups.get(fold(item)) ?? groups.set(fold(item), [item, []]).get(fold(item))!;
      if (!group[1].includes(entry)) group[1].push(entry);
    }
  }
  return [...groups.values()].sort((a, b) => a[0].localeCompare(b[0]));
}

/** A name that is not on the list on `date` but has been announced: joining soon, or removed (with the date). */
export type Elsewhere = { name: string; slug: string; status: 'joins' | 'removed'; date: IsoDate };

function elsewhere(content: Content, date: IsoDate, q: string): Elsewhere[] {
  const wanted = fold(q);
  return content.subprocessors
    .filter((entry) => isVisible(entry, date) && !isListed(entry, date))
    .map((file) => ({ file, entry: entryAsOf(file, date) }))
    .filter(({ entry }) => fold(`${entry.name} ${entry.entity}`).includes(wanted))
    .flatMap(({ file, entry }): Elsewhere[] => {
      const joining = upcomingChanges({ site: content.site, subprocessors: [file] }, date).find(({ event }) => event.change === 'added');
      if (joining) return [{ name: entry.name, slug: entry.slug, status: 'joins', date: joining.event.effective }];
      const removed = removal(file, date);
      return removed ? [{ name: entry.name, slug: entry.slug, status: 'removed', date: removed.effective }] : [];
    });
}

/** The list on `date` narrowed by `filter`, grouped like the list itself. */
export function searchView(content: Content, date: IsoDate, filter: ListFilter) {
  const list = listAsOf(content, date);
  const found = list.filter((entry) => matches(entry, filter));
  const groups = byCategory(content.categories, found);
  return {
    date,
    filter,
    total: list.length,
    found: found.length,
    options: filterOptions(content, list),
    elsewhere: filter.q ? elsewhere(content, date, filter.q) : [],
    categories: content.categories.map((category) => ({ category, entries: groups.get(category.id) ?? [] })).filter(({ entries }) => entries.length > 0),
  };
}
