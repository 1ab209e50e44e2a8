import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDate, isIsoDate, todayIn } from '@/lib/dates';
import { resolveToday } from '@/lib/today';

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
});
