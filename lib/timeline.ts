import { addDays, type IsoDate } from './dates';
import type { ChangeEvent, DescribingFields, Site, Subprocessor } from './schema';

/**
 * What the list says on a given date. Every function here takes the date as an
 * argument: only the page edge reads the clock.
 */

/** The part of the content the date logic needs. */
export type Records = { site: Pick<Site, 'published' | 'objection_period_days'>; subprocessors: readonly Subprocessor[] };

/** An entry as it stood on a date: `previous` values of later updates restored. */
export type EntryAsOf = Subprocessor & {
  /** False when a later update changed fields without recording their former values. */
  fieldsRecorded: boolean;
};

export type UpcomingChange = {
  entry: Subprocessor;
  event: ChangeEvent;
  /** Last day a customer may object; none for a removal. */
  objectionDeadline?: IsoDate;
};

/** Customers learn of an event on its announcement day, not before. */
export function isPublic(event: ChangeEvent, date: IsoDate): boolean {
  return event.announced <= date;
}

export function isVisible(entry: Subprocessor, date: IsoDate): boolean {
  return entry.history.some((event) => isPublic(event, date));
}

/** On the list when its latest event in effect is not a removal. */
export function isListed(entry: Subprocessor, date: IsoDate): boolean {
  const inEffect = entry.history.filter((event) => event.effective <= date).at(-1);
  return inEffect !== undefined && inEffect.change !== 'removed';
}

/** The file holds the newest values; walk back through updates not yet in effect on `date`. */
export function entryAsOf(entry: Subprocessor, date: IsoDate): EntryAsOf {
  const fields: DescribingFields = {};
  let fieldsRecorded = true;
  for (const [index, event] of [...entry.history.entries()].reverse()) {
    if (event.effective <= date) break;
    // A re-addition may come back with other details; what they were before is not recorded.
    if (event.change === 'added' && index > 0) fieldsRecorded = false;
    if (event.change !== 'updated') continue;
    if (event.previous) Object.assign(fields, event.previous);
    else fieldsRecorded = false;
  }
  const restored = { ...entry, ...fields, fieldsRecorded };
  // `null` in `previous` records a field that was not set before the update.
  for (const [key, value] of Object.entries(fields)) if (value === null) delete restored[key as keyof typeof restored];
  return restored as EntryAsOf;
}

/** The authoritative list on `date`, in file (slug) order. */
export function listAsOf(content: Pick<Records, 'subprocessors'>, date: IsoDate): EntryAsOf[] {
  return content.subprocessors.filter((entry) => isListed(entry, date)).map((entry) => entryAsOf(entry, date));
}

/** None for a removal, or for what was already in place when the list was first published. */
export function objectionDeadline(event: ChangeEvent, site: Pick<Site, 'objection_period_days' | 'published'>): IsoDate | undefined {
  if (event.change === 'removed' || event.effective <= site.published) return undefined;
  return site.objection_period_days === undefined ? event.effective : addDays(event.announced, site.objection_period_days);
}

/** Announced but not yet in effect on `date`, soonest first. */
export function upcomingChanges(content: Records, date: IsoDate): UpcomingChange[] {
  return content.subprocessors
    .flatMap((entry) =>
      entry.history
        .filter((event) => isPublic(event, date) && event.effective > date)
        .map((event) => ({ entry: entryAsOf(entry, date), event, objectionDeadline: objectionDeadline(event, content.site) })),
    )
    .sort((a, b) => a.event.effective.localeCompare(b.event.effective) || a.entry.name.localeCompare(b.entry.name));
}

/** The latest public announcement or effective date on or before `date`, never before publication. */
export function lastUpdated(content: Records, date: IsoDate): IsoDate {
  let latest = content.site.published;
  for (const event of content.subprocessors.flatMap((entry) => entry.history)) {
    for (const day of [event.announced, event.effective]) if (day <= date && day > latest) latest = day;
  }
  return latest;
}

/** Entries grouped under site.yaml's categories, in that order. */
export function byCategory<T extends { category: string; name: string }>(categories: readonly { id: string }[], entries: readonly T[]): Map<string, T[]> {
  const groups = new Map(categories.map((category) => [category.id, [] as T[]]));
  for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) groups.get(entry.category)?.push(entry);
  return groups;
}

/** The day the entry last joined the list, if it is on it on `date`. */
export function listedSince(entry: Subprocessor, date: IsoDate): IsoDate | undefined {
  if (!isListed(entry, date)) return undefined;
  return entry.history.filter((event) => event.change === 'added' && event.effective <= date).at(-1)?.effective;
}

/** The removal in effect on `date`, for an entry that has left the list. */
export function removal(entry: Subprocessor, date: IsoDate): ChangeEvent | undefined {
  const inEffect = entry.history.filter((event) => event.effective <= date).at(-1);
  return inEffect?.change === 'removed' ? inEffect : undefined;
}

/** The entry's events that customers have been told of on `date`, newest first. */
export function publicHistory(entry: Subprocessor, date: IsoDate): ChangeEvent[] {
  return entry.history.filter((event) => isPublic(event, date)).reverse();
}
