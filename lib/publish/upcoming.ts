import { formatDate, startOfDay, zoneName, type IsoDate } from '../content/dates';
import { locationName } from '../content/countries';
import type { ChangeEvent, DescribingFields, Location, Scope, Site } from '../content/schema';
import { daysLeft } from '../timeline/deadline';
import { scopeTitleMap } from '../timeline/scopes';
import type { UpcomingChange } from '../timeline/timeline';
import { FIELD_LABELS, formatFieldValue } from './labels';

/** One field an update changes: its label, and its value before and after, as text. */
export type FieldChange = { field: keyof DescribingFields; label: string; before: string; after: string };

/** The fields an event changes (those its `previous` records), with the values `entry` will have once it takes effect. */
export function fieldChanges(entry: DescribingFields, event: Pick<ChangeEvent, 'previous'>, scopes?: readonly Scope[]): FieldChange[] {
  const titles = scopeTitleMap(scopes);
  return (Object.keys(event.previous ?? {}) as (keyof DescribingFields)[]).map((field) => ({
    field,
    label: FIELD_LABELS[field],
    before: formatFieldValue(field, event.previous![field], titles),
    after: formatFieldValue(field, entry[field], titles),
  }));
}

/** The new values of the fields an event changes, as the content format writes them (`null`: no longer set), for the JSON export. */
export function newValues(entry: DescribingFields, event: Pick<ChangeEvent, 'previous'>): Record<string, unknown> | undefined {
  if (!event.previous) return undefined;
  return Object.fromEntries(Object.keys(event.previous).map((field) => [field, entry[field as keyof DescribingFields] ?? null]));
}

/** "Locations: United States → Canada; Purpose: …": what an update changes, in one line. */
export const changeLine = (changes: FieldChange[]) => changes.map(({ label, before, after }) => `${label}: ${before} \u2192 ${after}`).join('; ');

/** The countries of some locations, by name, each once: "United States, European Union". */
const countries = (locations: unknown) => [...new Set(((locations ?? []) as Location[]).map((location) => locationName(location.country)))].join(', ');

/**
 * What an update changes in short, for a one-line summary: locations by country only, and when
 * even that is long, only which fields change ("Purpose and data categories change"). None for
 * an addition or removal, or an update without `previous`.
 */
export function shortChange(entry: DescribingFields, event: Pick<ChangeEvent, 'previous'>, scopes?: readonly Scope[]): string | undefined {
  const changes = fieldChanges(entry, event, scopes).map((change) =>
    change.field === 'locations' ? { ...change, before: countries(event.previous!.locations), after: countries(entry.locations) } : change,
  );
  if (changes.length === 0) return undefined;
  const line = changeLine(changes);
  if (line.length <= 90) return line;
  const labels = changes.map(({ label }, index) => (index === 0 ? label : label.toLowerCase()));
  return `${labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels[0]} change`;
}

const SHORT_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** "Dec 15, 2026": a date in short, for one-line summaries. */
export const shortDate = (date: IsoDate) => SHORT_DATE.format(startOfDay(date));

/** "Dec 15, 2026, 23:59 EST (22 days left)": an objection deadline in short, for one-line summaries. */
export function shortDeadline(deadline: IsoDate, timeZone: string, today: IsoDate): string {
  const left = daysLeft(deadline, today);
  if (left < 0) return `ended ${shortDate(deadline)}`;
  return `${shortDate(deadline)}, 23:59 ${zoneName(deadline, timeZone)} (${left === 0 ? 'last day today' : left === 1 ? '1 day left' : `${left} days left`})`;
}

/** The mailto link customers object through today, with a subject that names the change. */
export function objectionMailto(site: Pick<Site, 'contact'>, change: Pick<UpcomingChange, 'entry' | 'event'>): string {
  const subject = `Objection: ${change.entry.name} — effective ${formatDate(change.event.effective)}`;
  return `mailto:${site.contact.objections}?subject=${encodeURIComponent(subject)}`;
}
