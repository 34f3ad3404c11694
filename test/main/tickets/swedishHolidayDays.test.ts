import { createRequire } from 'node:module';
import type HolidaysLibrary from 'date-holidays';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { swedishOfficeCalendar } from '../../../main/tickets/officeCalendar.ts';
import {
  FIRST_HOLIDAY_YEAR,
  LAST_HOLIDAY_YEAR,
  swedishHolidayDays,
} from '../../../main/tickets/swedishHolidayDays.generated.ts';

/*
 * The office calendar reads Swedish holidays from data generated from date-holidays at build time
 * (scripts/generate-holidays.mjs), so that `lotsen sla due` does not load the library (issue 17). Here every year the
 * data holds is asked of the library itself, as the calendar asked it before: a library update that moves or adds a
 * holiday, or data edited by hand, fails this until `npm run build:main` generates it again.
 */
const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysLibrary;
const library = new Holidays('SE', { types: ['public', 'bank'] });
const EVES = new Set(['midsommarafton', 'julafton', 'nyårsafton']);

const years = Array.from(
  { length: LAST_HOLIDAY_YEAR - FIRST_HOLIDAY_YEAR + 1 },
  (_, i) => FIRST_HOLIDAY_YEAR + i,
);

describe('the generated Swedish holiday data', () => {
  test('covers the years the product works in, through this century', () => {
    expect(FIRST_HOLIDAY_YEAR).toBeLessThanOrEqual(2000);
    expect(LAST_HOLIDAY_YEAR).toBeGreaterThanOrEqual(2099);
    expect(Object.keys(swedishHolidayDays).map(Number)).toEqual(years);
  });

  test.each(years)('%i: the same public holidays and eves, on the same dates, as date-holidays', (year) => {
    const fromLibrary = library
      .getHolidays(year)
      .filter((h) => h.type === 'public' || EVES.has(h.name))
      .map((h) => [h.date.slice(0, 10), h.name, h.type === 'public' ? 'public' : 'eve']);
    expect(swedishHolidayDays[year]).toEqual(fromLibrary);
  });

  test('a year outside the data is still answered, by the library', () => {
    const calendar = swedishOfficeCalendar();
    const midsummerEve = library.getHolidays(2150).find((h) => h.name === 'midsommarafton')!;
    const day = DateTime.fromISO(midsummerEve.date.slice(0, 10), { zone: 'Europe/Stockholm' });
    expect(calendar.closedReason(day)).toBe('midsommarafton');
    expect(swedishOfficeCalendar({ evesAreHolidays: false }).closedReason(day)).toBeNull();
    expect(calendar.closedReason(DateTime.fromISO('2150-12-25', { zone: 'Europe/Stockholm' }))).toBe(
      'juldagen',
    );
  });
});
