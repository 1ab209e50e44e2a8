import { endOfDayIn, isIsoDate, startOfDayIn, todayIn, zoneOffset, type IsoDate } from './dates';
import type { Site } from './schema';

type Env = Record<string, string | undefined>;

function override(env: Env): IsoDate | undefined {
  const value = env.SUBPROCESSORS_TODAY;
  if (value && !isIsoDate(value)) throw new Error(`SUBPROCESSORS_TODAY='${value}' is not a date in the form YYYY-MM-DD`);
  return value || undefined;
}

/**
 * "Today" for the site: SUBPROCESSORS_TODAY when set (tests, previews), otherwise the
 * calendar date in the site's time zone. Called only at the page edge.
 */
export function resolveToday(site: Pick<Site, 'timezone'>, env: Env = process.env, now: Date = new Date()): IsoDate {
  return override(env) ?? todayIn(site.timezone, now);
}

/**
 * The instant the site records or compares (a receipt's time, on time or late, expiries): the
 * clock, or, with SUBPROCESSORS_TODAY set, that date at the current time of day in the site's
 * time zone (SPEC §3), so a preview or a test behaves as the real day would. Every recorder
 * takes its `now` from here.
 */
export function resolveNow(site: Pick<Site, 'timezone'>, env: Env = process.env, now: Date = new Date()): Date {
  const day = override(env);
  if (!day) return now;
  const zone = site.timezone;
  const offset = (at: number) => zoneOffset(zone, new Date(at));
  const since = startOfDayIn(todayIn(zone, now), zone).getTime();
  // The wall-clock time of day, whatever the clocks did since midnight, set on the same wall-clock time of `day`.
  const wall = now.getTime() - since + offset(now.getTime()) - offset(since);
  const start = startOfDayIn(day, zone).getTime();
  const guess = start + wall;
  const instant = guess - (offset(guess) - offset(start));
  return new Date(Math.min(Math.max(instant, start), endOfDayIn(day, zone).getTime() + 999));
}
