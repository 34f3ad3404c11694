import { createRequire } from 'node:module';
import type HolidaysLibrary from 'date-holidays';
import type { DateTime } from 'luxon';
import {
  FIRST_HOLIDAY_YEAR,
  LAST_HOLIDAY_YEAR,
  swedishHolidayDays,
  type ClosedDayKind,
} from './swedishHolidayDays.generated.ts';

// date-holidays takes about a fifth of a second to load, more than `lotsen sla due`'s whole start (issue 17): the
// years the product covers come from data generated from it at build time (scripts/generate-holidays.mjs, checked
// against it by a test); a year outside them loads the library on that question (synchronously, as the calendar's
// callers are).
const requireFromHere = createRequire(import.meta.url);
let holidaysLibrary: typeof HolidaysLibrary | undefined;
const loadHolidays = () => (holidaysLibrary ??= requireFromHere('date-holidays') as typeof HolidaysLibrary);

export const BUSINESS_TIME_ZONE = 'Europe/Stockholm';

export interface OfficeCalendarOptions {
  /** Office opens and closes at these whole hours, local time. Default 08-17. */
  opensAt?: number;
  closesAt?: number;
  /**
   * Swedish practice closes on midsommarafton, julafton and nyårsafton although they are not public holidays.
   * Default true; an agreement may say otherwise.
   */
  evesAreHolidays?: boolean;
  /** Extra closed days (YYYY-MM-DD), e.g. a company's own "klämdag". */
  extraClosedDays?: readonly string[];
}

export interface OfficeCalendar {
  readonly opensAt: number;
  readonly closesAt: number;
  /** Why a date is closed (`lördag`, `långfredagen`, `julafton`), or null on a working day. */
  closedReason(date: DateTime): string | null;
}

const EVES = new Set(['midsommarafton', 'julafton', 'nyårsafton']);
const WEEKEND: Record<number, string> = { 6: 'Saturday', 7: 'Sunday' };

/**
 * Office days in Sweden: weekdays that are not public holidays (helgfria vardagar), from the maintained
 * `date-holidays` data rather than our own Easter arithmetic; optionally the three eves Swedish offices close on.
 */
export function swedishOfficeCalendar(options: OfficeCalendarOptions = {}): OfficeCalendar {
  let holidays: HolidaysLibrary | undefined;
  const libraryDays = (year: number): (readonly [string, string, ClosedDayKind | null])[] => {
    holidays ??= new (loadHolidays())('SE', { types: ['public', 'bank'] });
    return holidays
      .getHolidays(year)
      .map((h) => [
        h.date.slice(0, 10),
        h.name,
        h.type === 'public' ? 'public' : EVES.has(h.name) ? 'eve' : null,
      ]);
  };
  const evesAreHolidays = options.evesAreHolidays ?? true;
  const extraClosed = new Set(options.extraClosedDays ?? []);
  const closedDaysByYear = new Map<number, Map<string, string>>();

  // date-holidays gives each holiday's local calendar date as text; comparing those avoids any time-zone maths.
  const closedDays = (year: number) => {
    let days = closedDaysByYear.get(year);
    if (!days) {
      days = new Map();
      const known = year >= FIRST_HOLIDAY_YEAR && year <= LAST_HOLIDAY_YEAR;
      for (const [date, name, kind] of known ? swedishHolidayDays[year]! : libraryDays(year)) {
        if (kind === 'public' || (evesAreHolidays && kind === 'eve')) days.set(date, name);
      }
      closedDaysByYear.set(year, days);
    }
    return days;
  };

  return {
    opensAt: options.opensAt ?? 8,
    closesAt: options.closesAt ?? 17,
    closedReason(date) {
      const local = date.setZone(BUSINESS_TIME_ZONE);
      const key = local.toISODate()!;
      return (
        WEEKEND[local.weekday] ??
        closedDays(local.year).get(key) ??
        (extraClosed.has(key) ? 'closed day' : null)
      );
    },
  };
}
