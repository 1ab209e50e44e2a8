import { isIsoDate, todayIn, type IsoDate } from './dates';
import type { Site } from './schema';

/**
 * "Today" for the site: SUBPROCESSORS_TODAY when set (tests, previews), otherwise the
 * calendar date in the site's time zone. Called only at the page edge.
 */
export function resolveToday(site: Pick<Site, 'timezone'>, env: Record<string, string | undefined> = process.env, now: Date = new Date()): IsoDate {
  const override = env.SUBPROCESSORS_TODAY;
  if (override) {
    if (!isIsoDate(override)) throw new Error(`SUBPROCESSORS_TODAY='${override}' is not a date in the form YYYY-MM-DD`);
    return override;
  }
  return todayIn(site.timezone, now);
}

