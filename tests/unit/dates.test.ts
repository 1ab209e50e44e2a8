import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, endOfDayIn, formatDate, isIsoDate, startOfDayIn, todayIn, zoneName } from '@/lib/content/dates';
import { deadlineInstant, deadlineLine, deadlineTime } from '@/lib/timeline/deadline';
import { resolveNow, resolveToday } from '@/lib/content/today';

describe('calendar dates', () => {
  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['01/02/2025', false],
  ])('%s is a date: %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));

  it('adds days and counts them across month and year ends', () => {
    expect(addDays('2025-12-20', 30)).toBe('2026-01-19');
    expect(daysBetween('2025-03-01', '2025-03-31')).toBe(30);
    expect(daysBetween('2025-03-30', '2025-03-31')).toBe(1); // across the EU daylight-saving change
  });

  it('formats dates in words', () => expect(formatDate('2025-10-09')).toBe('October 9, 2025'));
});

describe('today', () => {
  const instant = new Date('2025-06-30T23:30:00Z');

  it('is the calendar date in the site time zone (timezone boundary)', () => {
    expect(todayIn('UTC', instant)).toBe('2025-06-30');
    expect(todayIn('Europe/Berlin', instant)).toBe('2025-07-01');
    expect(todayIn('America/Toronto', instant)).toBe('2025-06-30');
    // Asked again (each zone's formatter is kept), each zone still gives its own date.
    expect(todayIn('Europe/Berlin', instant)).toBe('2025-07-01');
    expect(todayIn('Europe/Berlin', new Date('2025-07-01T22:30:00Z'))).toBe('2025-07-02');
  });

  it('SUBPROCESSORS_TODAY overrides the clock, and a malformed one is an error', () => {
    expect(resolveToday({ timezone: 'Europe/Berlin' }, {}, instant)).toBe('2025-07-01');
    expect(resolveToday({ timezone: 'UTC' }, { SUBPROCESSORS_TODAY: '2026-01-15' }, instant)).toBe('2026-01-15');
    expect(() => resolveToday({ timezone: 'UTC' }, { SUBPROCESSORS_TODAY: '15/01/2026' }, instant)).toThrow("SUBPROCESSORS_TODAY='15/01/2026' is not a date in the form YYYY-MM-DD");
  });

  it('with SUBPROCESSORS_TODAY, the instant recorded is that date at the current time of day in the site time zone', () => {
    const toronto = { timezone: 'America/Toronto' };
    const local = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(date);
    // 10:30 in Toronto on November 23 (EST) becomes 10:30 on the chosen day, also on a day the clocks change.
    const now = new Date('2026-11-23T15:30:00Z');
    expect(local(resolveNow(toronto, { SUBPROCESSORS_TODAY: '2026-07-01' }, now))).toBe('2026-07-01, 10:30:00');
    expect(local(resolveNow(toronto, { SUBPROCESSORS_TODAY: '2026-03-08' }, now))).toBe('2026-03-08, 10:30:00');
    expect(resolveNow(toronto, { SUBPROCESSORS_TODAY: '2026-12-01' }, now).toISOString()).toBe('2026-12-01T15:30:00.000Z');
    // Just before midnight in Toronto (already the next day in UTC): still that evening of the chosen day.
    expect(local(resolveNow(toronto, { SUBPROCESSORS_TODAY: '2026-12-01' }, new Date('2026-11-24T04:59:00Z')))).toBe('2026-12-01, 23:59:00');
    expect(resolveNow(toronto, {}, now)).toBe(now);
  });
});

describe('days in a time zone', () => {
  it('a day starts at midnight in the zone, not UTC midnight', () => {
    expect(startOfDayIn('2026-11-16', 'America/Toronto').toISOString()).toBe('2026-11-16T05:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'Pacific/Auckland').toISOString()).toBe('2026-07-14T12:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'UTC').toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });

  it('a day ends at 23:59:59 in the zone, also on the day the clocks change', () => {
    expect(endOfDayIn('2026-12-15', 'America/Toronto').toISOString()).toBe('2026-12-16T04:59:59.000Z');
    expect(endOfDayIn('2026-03-08', 'America/Toronto').toISOString()).toBe('2026-03-09T03:59:59.000Z');
    expect([zoneName('2026-12-15', 'America/Toronto'), zoneName('2026-07-15', 'America/Toronto'), zoneName('2026-12-15', 'UTC')]).toEqual(['EST', 'EDT', 'UTC']);
  });

  it('where the clocks change at midnight (Havana, Santiago), a day still ends at 23:59:59 there and starts at its first moment', () => {
    const local = (date: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(date);
    // Havana springs forward at 00:00 on 2026-03-08 (there is no midnight) and falls back at 01:00 on 2026-11-01.
    expect(deadlineInstant('2026-03-07', 'America/Havana')).toBe('2026-03-08T04:59:59Z');
    expect(local(startOfDayIn('2026-03-08', 'America/Havana'), 'America/Havana')).toBe('2026-03-08, 01:00:00');
    expect(local(endOfDayIn('2026-10-31', 'America/Havana'), 'America/Havana')).toBe('2026-10-31, 23:59:59');
    // Santiago falls back at 00:00 on 2026-04-05 (23:00–23:59 on the 4th happens twice) and springs forward at 00:00 on 2026-09-06.
    expect(deadlineInstant('2026-04-04', 'America/Santiago')).toBe('2026-04-05T03:59:59Z');
    expect(deadlineInstant('2026-09-05', 'America/Santiago')).toBe('2026-09-06T03:59:59Z');
    expect(local(startOfDayIn('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06, 01:00:00');
    // Every day of two years, in zones east and west: the last second is 23:59:59 of that day, the next second the next day.
    for (const zone of ['America/Havana', 'America/Santiago', 'America/Asuncion', 'Pacific/Auckland', 'Asia/Beirut', 'Europe/London']) {
      for (let day = '2025-01-01'; day < '2027-01-01'; day = addDays(day, 1)) {
        const end = endOfDayIn(day, zone);
        expect([zone, todayIn(zone, end), local(end, zone).slice(12)]).toEqual([zone, day, '23:59:59']);
        expect([zone, todayIn(zone, new Date(end.getTime() + 1000))]).toEqual([zone, addDays(day, 1)]);
      }
    }
  });
});

describe('objection deadlines as people read them', () => {
  it.each([
    ['2026-11-30', 'Object by 23:59 UTC on December 15, 2026 — 15 days left'],
    ['2026-12-14', 'Object by 23:59 UTC on December 15, 2026 — 1 day left'],
    ['2026-12-15', 'Object by 23:59 UTC on December 15, 2026 — last day today'],
    ['2026-12-16', 'Objection period ended at 23:59 UTC on December 15, 2026'],
  ])('on %s: %s', (today, expected) => expect(deadlineLine('2026-12-15', 'UTC', today)).toBe(expected));

  it('names the zone and gives the instant in UTC', () => {
    expect(deadlineTime('2026-12-15', 'America/Toronto')).toBe('23:59 EST on December 15, 2026');
    expect(deadlineInstant('2026-12-15', 'America/Toronto')).toBe('2026-12-16T04:59:59Z');
  });
});
