import { todayIn } from '../../content/dates';

/** An instant as the team reads it: the day and the time in the site's time zone, with the zone named ("2026-11-23 10:05 EST"). */
export function deskTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).formatToParts(at);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${todayIn(timeZone, at)} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}
