import { daysBetween, endOfDayIn, formatDate, zoneName, type IsoDate } from '../content/dates';

/**
 * How an objection deadline reads everywhere (page, feed, calendar, JSON, notice, annex):
 * the end of the day in the site's time zone, with that zone named.
 */
export function deadlineTime(deadline: IsoDate, timeZone: string): string {
  return `23:59 ${zoneName(deadline, timeZone)} on ${formatDate(deadline)}`;
}

/** The instant the objection period ends, as an ISO timestamp in UTC. */
export function deadlineInstant(deadline: IsoDate, timeZone: string): string {
  return endOfDayIn(deadline, timeZone).toISOString().replace('.000Z', 'Z');
}

/** Days from `today` to the deadline: 0 on the last day itself, negative once it has passed. */
export function daysLeft(deadline: IsoDate, today: IsoDate): number {
  return daysBetween(today, deadline);
}

/** "Object by 23:59 UTC on December 15, 2026 — 15 days left", or that the period has ended. */
export function deadlineLine(deadline: IsoDate, timeZone: string, today: IsoDate): string {
  const left = daysLeft(deadline, today);
  if (left < 0) return `Objection period ended at ${deadlineTime(deadline, timeZone)}`;
  const remaining = left === 0 ? 'last day today' : left === 1 ? '1 day left' : `${left} days left`;
  return `Object by ${deadlineTime(deadline, timeZone)} — ${remaining}`;
}

/** Said wherever a deadline falls on or after the change's effective date (an urgent change): what a late objection means. */
export function afterEffectNote(deadline: IsoDate, effective: IsoDate): string | undefined {
  return deadline >= effective ? 'The change takes effect before this deadline: an objection after it has taken effect asks to end the engagement of this subprocessor.' : undefined;
}
