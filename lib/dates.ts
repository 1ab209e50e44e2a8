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
