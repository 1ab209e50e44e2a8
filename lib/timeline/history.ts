import type { IsoDate } from '../content/dates';
import type { ChangeEvent, DescribingFields, Subprocessor } from '../content/schema';
import { entryAsOf, isPublic, type Records } from './timeline';

/** One recorded event, with the entry it belongs to. */
export type EntryEvent = { entry: Subprocessor; event: ChangeEvent };

/**
 * A stable id for one event: the anchor on the changes page, and the id in the feed, calendar
 * and JSON export. Two updates may take effect on one day (announced on different days, which
 * the validator checks): the one announced later also carries its announcement date, so an id
 * never changes when another update is added.
 */
export function eventKey(entry: Pick<Subprocessor, 'slug' | 'history'>, event: ChangeEvent): string {
  const key = `${entry.slug}-${event.change}-${event.effective}`;
  const earlier = entry.history.some((other) => other.change === event.change && other.effective === event.effective && other.announced < event.announced);
  return earlier ? `${key}-announced-${event.announced}` : key;
}

export type FieldChange = { field: keyof DescribingFields; before: unknown; after: unknown };

/** What one event changed, field by field for an update whose former values are recorded. */
export type VersionChange = EntryEvent & { fields?: FieldChange[] };

/**
 * The days on which the list changed, oldest first: publication, then every effective
 * date up to `today`. The list as of any day is the version of the latest such date.
 */
export function versionDates(records: Records, today: IsoDate): IsoDate[] {
  const dates = new Set([records.site.published]);
  for (const { event } of allEvents(records)) {
    if (event.effective > records.site.published && event.effective <= today) dates.add(event.effective);
  }
  return [...dates].sort();
}

export function allEvents(records: Pick<Records, 'subprocessors'>): EntryEvent[] {
  return records.subprocessors.flatMap((entry) => entry.history.map((event) => ({ entry, event })));
}

/** Every event customers have been told of on `today`, newest effective date first, with entries as they read today. */
export function publicEvents(records: Pick<Records, 'subprocessors'>, today: IsoDate): EntryEvent[] {
  return allEvents(records)
    .filter(({ event }) => isPublic(event, today))
    .map(({ entry, event }) => ({ entry: entryAsOf(entry, today), event }))
    .sort((a, b) => b.event.effective.localeCompare(a.event.effective) || b.event.announced.localeCompare(a.event.announced) || a.entry.name.localeCompare(b.entry.name));
}

/** The events that took effect after `from` and on or before `to`, with field-by-field changes. */
export function changesBetween(records: Pick<Records, 'subprocessors'>, from: IsoDate, to: IsoDate): VersionChange[] {
  return allEvents(records)
    .filter(({ event }) => event.effective > from && event.effective <= to)
    .map(({ entry: file, event }) => {
      const entry = entryAsOf(file, to);
      if (event.change !== 'updated' || !event.previous) return { entry, event };
      const after = entryAsOf(file, event.effective);
      const fields = (Object.keys(event.previous) as (keyof DescribingFields)[]).map((field) => ({ field, before: event.previous![field], after: after[field] }));
      return { entry, event, fields };
    })
    .sort((a, b) => a.entry.name.localeCompare(b.entry.name));
}
