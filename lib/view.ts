import type { IsoDate } from './dates';
import type { Content } from './schema';
import { byCategory, entryAsOf, isVisible, lastUpdated, listAsOf, publicHistory, removal, upcomingChanges } from './timeline';

/** Everything the list page shows on `date`, derived once so the page only lays it out. */
export function listView(content: Content, date: IsoDate) {
  const groups = byCategory(content.categories, listAsOf(content, date));
  return {
    date,
    lastUpdated: lastUpdated(content, date),
    upcoming: upcomingChanges(content, date),
    categories: content.categories.map((category) => ({ category, entries: groups.get(category.id) ?? [] })),
    above: content.sections.filter((section) => section.position === 'above'),
    below: content.sections.filter((section) => section.position === 'below'),
    planned: [...content.planned].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** One entry's page on `date`, or undefined while nothing about it has been announced. */
export function entryView(content: Content, slug: string, date: IsoDate) {
  const entry = content.subprocessors.find((candidate) => candidate.slug === slug);
  if (!entry || !isVisible(entry, date)) return undefined;
  return {
    date,
    entry: entryAsOf(entry, date),
    category: content.categories.find((category) => category.id === entry.category),
    removal: removal(entry, date),
    upcoming: upcomingChanges({ site: content.site, subprocessors: [entry] }, date),
    history: publicHistory(entry, date),
  };
}
