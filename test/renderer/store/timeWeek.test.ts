import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';
import {
  isMonth,
  monthLabel,
  monthOf,
  previousMonthOf,
  shiftMonth,
} from '../../../renderer/store/billing/months.ts';
import {
  clockTime,
  dayLabel,
  instantAt,
  shiftWeek,
  swedishDay,
  weekDays,
  weekLabel,
  weekRange,
  weekStartOf,
} from '../../../renderer/store/time/week.ts';

describe('weeks in Sweden, Monday to Sunday', () => {
  it('a late Sunday evening in UTC is already Monday in Sweden, and belongs to the next week', () => {
    // Sunday 22 November 2026 23:30 UTC is Monday 00:30 in Stockholm.
    expect(weekStartOf(Date.parse('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(weekStartOf(Date.parse('2026-11-22T22:30:00Z'))).toBe('2026-11-16');
  });

  it('the week with the clocks going forward is 167 hours long, and its days are still seven', () => {
    const { from, to } = weekRange('2026-03-23');
    expect(new Date(from).toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(new Date(to).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect((to - from) / 3_600_000).toBe(167);
    expect(weekDays('2026-03-23')).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
  });

  it('steps across years and names weeks as Swedes do, in the chosen language', async () => {
    await chooseLanguage('sv');
    expect(shiftWeek('2026-12-28', 1)).toBe('2027-01-04');
    expect(shiftWeek('2026-01-05', -1)).toBe('2025-12-29');
    expect(weekLabel('2026-11-16')).toBe('Vecka 47 · 16–22 november 2026');
    expect(weekLabel('2026-11-30')).toBe('Vecka 49 · 30 november – 6 december 2026');
    expect(weekLabel('2026-12-28')).toBe('Vecka 53 · 28 december 2026 – 3 januari 2027');
    expect(dayLabel('2026-11-16')).toBe('måndag 16 november');
    await chooseLanguage('en');
    expect(weekLabel('2026-11-30')).toBe('Week 49 · 30 November – 6 December 2026');
    expect(dayLabel('2026-11-16')).toBe('Monday 16 November');
  });

  it('reads a typed Swedish time, refusing one that does not exist', () => {
    expect(new Date(instantAt('2026-11-20', '09:30')).toISOString()).toBe('2026-11-20T08:30:00.000Z');
    expect(new Date(instantAt('2026-07-01', '9:05')).toISOString()).toBe('2026-07-01T07:05:00.000Z');
    // 02:30 on 29 March 2026 is skipped by the clocks.
    expect(instantAt('2026-03-29', '02:30')).toBeNaN();
    expect(instantAt('2026-11-20', 'nio')).toBeNaN();
    expect(instantAt('20 nov', '09:30')).toBeNaN();
    expect(clockTime(Date.parse('2026-11-20T08:30:00Z'))).toBe('09:30');
    expect(swedishDay(Date.parse('2026-11-20T23:30:00Z'))).toBe('2026-11-21');
  });
});

describe('billing months', () => {
  it('are calendar months in Sweden', () => {
    expect(monthOf(Date.parse('2026-11-30T23:30:00Z'))).toBe('2026-12');
    expect(previousMonthOf(Date.parse('2026-01-15T12:00:00Z'))).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(monthLabel('2026-11')).toBe('November 2026');
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('')).toBe(false);
  });
});
