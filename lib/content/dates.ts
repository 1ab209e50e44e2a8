/** Calendar dates are `YYYY-MM-DD` strings: they compare correctly as strings and never shift with time zones. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a well-formed date that exists on the calendar (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A YAML 1.1 timestamp arrives as a Date at UTC midnight; keep only its calendar day. */
export function dateToIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** The start of the day, in UTC: the one `Date` a calendar date converts to without shifting. */
export function startOfDay(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = startOfDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return dateToIso(d);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / 86_400_000);
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Creating a formatter costs far more than using one (about 0.3 ms), so each is made once.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** The calendar date it is at `now` in `timeZone`. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** "October 9, 2025": unambiguous for readers on both sides of the Atlantic. */
export function formatDate(date: IsoDate): string {
  return longDate.format(startOfDay(date));
}

const zoneParts = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone` is ahead of UTC at the instant `at`, in milliseconds. */
export function zoneOffset(timeZone: string, at: Date): number {
  let format = zoneParts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    zoneParts.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map(({ type, value }) => [type, Number(value)]));
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant a calendar day begins in `timeZone`, from the zone's rules for that date. Usually
 * midnight there; where the clocks jump forward at midnight (Havana, Santiago) midnight does not
 * exist, and the day begins at 01:00.
 */
export function startOfDayIn(date: IsoDate, timeZone: string): Date {
  const guess = startOfDay(date).getTime();
  // Twice: the offset at the guess can differ from the offset at midnight across a DST change.
  const first = guess - zoneOffset(timeZone, new Date(guess));
  const found = guess - zoneOffset(timeZone, new Date(first));
  if (todayIn(timeZone, new Date(found)) === date && todayIn(timeZone, new Date(found - 1000)) < date) return new Date(found);
  // The day began elsewhere than at local midnight: search the second the date turns, within the 28 hours around it.
  let [low, high] = [guess - 14 * 3_600_000, guess + 14 * 3_600_000];
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (todayIn(timeZone, new Date(middle)) >= date) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** The last second of a calendar day in `timeZone` (23:59:59 there): when an objection period ends. */
export function endOfDayIn(date: IsoDate, timeZone: string): Date {
  return new Date(startOfDayIn(addDays(date, 1), timeZone).getTime() - 1000);
}

/** The zone's short name at the end of that day ("UTC", "EST", "GMT+1"), so a deadline's hour is unambiguous. */
export function zoneName(date: IsoDate, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
  return format.formatToParts(endOfDayIn(date, timeZone)).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}
