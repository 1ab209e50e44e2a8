import type { IsoDate } from '../content/dates';
import { fingerprint } from '../timeline/fingerprint';
import { filterOptions } from './search';
import { changesBetween, eventKey, publicEvents, versionDates } from '../timeline/history';
import { formatFieldValue } from './labels';
import type { ChangeType, Content, DescribingFields } from '../content/schema';
import { entryPath } from './urls';
import { byCategory, entryAsOf, isVisible, lastUpdated, latestAnnouncement, listAsOf, listChanged, listedSince, openChanges, publicHistory, removal, upcomingChanges } from '../timeline/timeline';
import { scopeTitleMap } from '../timeline/scopes';

/** What the pages show, derived from the content and a date so routes only lay it out. */

/** The list on `date` by category: a retired category only where it still holds entries (a past version). */
function categorised(content: Content, date: IsoDate) {
  const list = listAsOf(content, date);
  const groups = byCategory(content.categories, list);
  return {
    list,
    fingerprint: fingerprint(list),
    categories: content.categories.map((category) => ({ category, entries: groups.get(category.id) ?? [] })).filter(({ category, entries }) => !category.retired || entries.length > 0),
  };
}

export function listView(content: Content, date: IsoDate) {
  const { list, ...grouped } = categorised(content, date);
  const announcement = latestAnnouncement(content, date);
  return {
    date,
    count: list.length,
    lastUpdated: lastUpdated(content, date),
    listChanged: listChanged(content, date),
    latestAnnouncement: announcement && { ...announcement, key: eventKey(announcement.entry, announcement.event) },
    upcoming: upcomingChanges(content, date),
    /** The upcoming changes and the urgent ones in effect whose objection period is open. */
    open: openChanges(content, date),
    ...grouped,
    options: filterOptions(content, list),
    above: content.sections.filter((section) => section.position === 'above'),
    below: content.sections.filter((section) => section.position === 'below'),
    planned: [...content.planned].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** One entry's page on `date`, or undefined while nothing about it has been announced. */
export function entryView(content: Content, slug: string, date: IsoDate) {
  const entry = content.subprocessors.find((candidate) => candidate.slug === slug);
  if (!entry || !isVisible(entry, date)) return undefined;
  const asOf = entryAsOf(entry, date);
  return {
    date,
    entry: asOf,
    category: content.categories.find((category) => category.id === asOf.category),
    since: listedSince(entry, date),
    removal: removal(entry, date),
    upcoming: openChanges({ site: content.site, subprocessors: [entry] }, date),
    history: publicHistory(entry, date),
    former: formerValues(entry, date, scopeTitleMap(content.site.scopes)),
  };
}

/** Recorded former values of changes in effect on `date`, newest first: "previously: United States, until March 3, 2026". */
export function formerValues(entry: Content['subprocessors'][number], date: IsoDate, titles?: ReadonlyMap<string, string>): { field: keyof DescribingFields; value: string; until: IsoDate }[] {
  return entry.history
    .filter((event) => event.previous && event.effective <= date && event.effective > entry.history[0].effective)
    .reverse()
    .flatMap((event) => (Object.keys(event.previous!) as (keyof DescribingFields)[]).map((field) => ({ field, value: formatFieldValue(field, event.previous![field], titles), until: event.effective })));
}

/** Former addresses (`aliases`) and the entry page each now leads to, for entries public on `date`: a redirect must not reveal an unannounced one. */
export function formerAddresses(content: Content, date: IsoDate): { from: string; to: string }[] {
  const entries = content.subprocessors.filter((entry) => isVisible(entry, date));
  return entries.flatMap((entry) => (entry.aliases ?? []).map((alias) => ({ from: entryPath(alias), to: entryPath(entry.slug) })));
}

export type ChangeFilter = { change?: ChangeType; entry?: string };

export function changesView(content: Content, date: IsoDate, filter: ChangeFilter) {
  const events = publicEvents(content, date);
  const versions = versionDates(content, date);
  return {
    date,
    /** The version each event produced: the first version in force on or after it took effect. */
    versionOf: (effective: IsoDate) => (effective <= date ? versions.find((version) => version >= effective) : undefined),
    entries: [...new Map(events.map(({ entry }) => [entry.slug, entry])).values()].sort((a, b) => a.name.localeCompare(b.name)),
    /** Changes not yet in effect and urgent ones still open to objection, by event key: the entry as it will be, and the objection deadline. */
    upcoming: new Map(openChanges(content, date).map((change) => [eventKey(change.entry, change.event), change])),
    events: events.filter(({ entry, event }) => (!filter.change || event.change === filter.change) && (!filter.entry || entry.slug === filter.entry)),
    versions: versions.map((version, index) => ({ date: version, changes: index === 0 ? 0 : changesBetween(content, versions[index - 1], version).length })).reverse(),
  };
}

/** The list as it stood on `date`, or undefined outside [published, today]. */
export function versionView(content: Content, date: IsoDate, today: IsoDate) {
  if (date < content.site.published || date > today) return undefined;
  const versions = versionDates(content, today);
  const index = versions.findLastIndex((version) => version <= date);
  const version = versions[index];
  const previous = versions[index - 1];
  return {
    date,
    version,
    previous,
    next: versions[index + 1],
    changes: previous ? changesBetween(content, previous, version) : [],
    ...categorised(content, date),
  };
}
