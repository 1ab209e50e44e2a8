import { addDays, type IsoDate } from '../content/dates';
import type { ChangeEvent, DescribingFields, Site, Subprocessor } from '../content/schema';
import { entryStates, type EntryState } from '../content/states';

/**
 * What the list says on a given date. Every function here takes the date as an
 * argument: only the page edge reads the clock.
 */

/** The part of the content the date logic needs. */
export type Records = { site: Pick<Site, 'published' | 'objection_period_days' | 'notice_period_days'>; subprocessors: readonly Subprocessor[] };

/** A re-addition: an `added` event after a removal. It may bring other details back, recorded under `previous`. */
export const isReAddition = (entry: Pick<Subprocessor, 'history'>, event: ChangeEvent) => event.change === 'added' && entry.history.indexOf(event) > 0;

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

/**
 * The file holds the newest values; walk back through updates and re-additions not yet in
 * effect on `date`, restoring their `previous` values. A re-addition without `previous`
 * brings the entry back unchanged (the validator refuses one announced later than today).
 */
export function entryAsOf(entry: Subprocessor, date: IsoDate): EntryAsOf {
  const fields: DescribingFields = {};
  let fieldsRecorded = true;
  for (const [index, event] of [...entry.history.entries()].reverse()) {
    if (event.effective <= date) break;
    if (event.change === 'removed' || (event.change === 'added' && index === 0)) continue;
    if (event.previous) Object.assign(fields, event.previous);
    else if (event.change === 'updated') fieldsRecorded = false;
  }
  const restored = { ...entry, ...fields, fieldsRecorded };
  // `null` in `previous` records a field that was not set before the update.
  for (const [key, value] of Object.entries(fields)) if (value === null) delete restored[key as keyof typeof restored];
  return restored as EntryAsOf;
}

/**
 * The entry as it will read on `date`, as far as customers know on `known`: a change announced
 * after `known` is left out even if it takes effect by `date` (two updates on one day, the
 * second announced later). Replayed forward from the first state, each known change setting
 * the fields its `previous` names to the values they took with it.
 */
export function entryAsKnown(entry: Subprocessor, date: IsoDate, known: IsoDate): EntryAsOf {
  const asOf = entryAsOf(entry, date);
  if (entry.history.every((event) => event.effective > date || event.announced <= known)) return asOf;
  const states = entryStates(entry);
  const fields: Record<string, unknown> = { ...states[0] };
  entry.history.forEach((event, index) => {
    if (index === 0 || event.effective > date || event.announced > known || !event.previous) return;
    for (const key of Object.keys(event.previous)) {
      const value = states[index][key as keyof EntryState];
      if (value === undefined) delete fields[key];
      else fields[key] = value;
    }
  });
  return { ...(fields as Subprocessor), fieldsRecorded: asOf.fieldsRecorded };
}

/** The authoritative list on `date`, in file (slug) order. */
export function listAsOf(content: Pick<Records, 'subprocessors'>, date: IsoDate): EntryAsOf[] {
  return content.subprocessors.filter((entry) => isListed(entry, date)).map((entry) => entryAsOf(entry, date));
}

/**
 * The last day a customer may object (to the end of that day in site.timezone): by default the
 * day before the change takes effect (SCCs clause 9: before the subprocessor is engaged), never
 * before the announcement. An urgent change takes effect without the notice period, but the
 * customer still gets the usual time: `objection_period_days` (else `notice_period_days`) after
 * the announcement, even after the change took effect (an objection then asks to end the
 * engagement). None for a removal, or for what was in place at first publication.
 */
export function objectionDeadline(event: ChangeEvent, site: Pick<Site, 'objection_period_days' | 'notice_period_days' | 'published'>): IsoDate | undefined {
  if (event.change === 'removed' || event.effective <= site.published) return undefined;
  if (event.urgent) return addDays(event.announced, site.objection_period_days ?? site.notice_period_days);
  if (site.objection_period_days !== undefined) return addDays(event.announced, site.objection_period_days);
  const dayBefore = addDays(event.effective, -1);
  return dayBefore < event.announced ? event.announced : dayBefore;
}

/** Announced but not yet in effect on `date`, soonest first. */
export function upcomingChanges(content: Records, date: IsoDate): UpcomingChange[] {
  return content.subprocessors
    .flatMap((entry) =>
      entry.history
        .filter((event) => isPublic(event, date) && event.effective > date)
        // Described as it will be: once announced, what is coming is public.
        .map((event) => ({ entry: entryAsKnown(entry, event.effective, date), event, objectionDeadline: objectionDeadline(event, content.site) })),
    )
    .sort((a, b) => a.event.effective.localeCompare(b.event.effective) || a.entry.name.localeCompare(b.entry.name));
}

/**
 * What a customer can still act on at `date`: the upcoming changes, then the urgent ones already
 * in effect whose objection period is still open (SPEC §3: the usual time, even after the change).
 */
export function openChanges(content: Records, date: IsoDate): UpcomingChange[] {
  const urgent = content.subprocessors
    .flatMap((entry) =>
      entry.history
        .filter((event) => event.urgent && isPublic(event, date) && event.effective <= date && (objectionDeadline(event, content.site) ?? '') >= date)
        .map((event) => ({ entry: entryAsKnown(entry, event.effective, date), event, objectionDeadline: objectionDeadline(event, content.site) })),
    )
    .sort((a, b) => a.event.effective.localeCompare(b.event.effective) || a.entry.name.localeCompare(b.entry.name));
  return [...upcomingChanges(content, date), ...urgent];
}

/** The day the list in force on `date` last changed: the latest effective date, or publication. */
export function listChanged(content: Records, date: IsoDate): IsoDate {
  let latest = content.site.published;
  for (const event of content.subprocessors.flatMap((entry) => entry.history)) if (event.effective <= date && event.effective > latest) latest = event.effective;
  return latest;
}

/**
 * The entry as a page for `date` shows it beside `event`: as it stands on `date`, or, for a change
 * still ahead, as it will read with that change, as far as customers know on `date`. Nothing of a
 * later, unannounced event (a rename, a move) shows through.
 */
export function entryBeside(entry: Subprocessor, event: ChangeEvent, date: IsoDate): EntryAsOf {
  return event.effective > date ? entryAsKnown(entry, event.effective, date) : entryAsOf(entry, date);
}

/** The latest announcement public on `date` (newest first: the one with the latest effective date), if any, with its entry as of `date`. */
export function latestAnnouncement(content: Records, date: IsoDate): { entry: Subprocessor; event: ChangeEvent } | undefined {
  let latest: { entry: Subprocessor; event: ChangeEvent } | undefined;
  for (const entry of content.subprocessors) {
    for (const event of entry.history) {
      if (event.announced > date || event.effective <= content.site.published) continue;
      if (!latest || event.announced > latest.event.announced || (event.announced === latest.event.announced && event.effective > latest.event.effective)) latest = { entry, event };
    }
  }
  return latest && { entry: entryBeside(latest.entry, latest.event, date), event: latest.event };
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
