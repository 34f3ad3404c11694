import { createRequire } from 'node:module';
import type HolidaysLibrary from 'date-holidays';
import type { DateTime } from 'luxon';

// date-holidays takes about a fifth of a second to load, which every `lotsen` command and every backend start paid
// whether or not it asked about a date; it is loaded on the first question instead (synchronously, as the calendar's
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
  const evesAreHolidays = options.evesAreHolidays ?? true;
  const extraClosed = new Set(options.extraClosedDays ?? []);
  const closedDaysByYear = new Map<number, Map<string, string>>();

  // date-holidays gives each holiday's local calendar date as text; comparing those avoids any time-zone maths.
  const closedDays = (year: number) => {
    let days = closedDaysByYear.get(year);
    if (!days) {
      days = new Map();
      holidays ??= new (loadHolidays())('SE', { types: ['public', 'bank'] });
      for (const holiday of holidays.getHolidays(year)) {
        if (holiday.type === 'public' || (evesAreHolidays && EVES.has(holiday.name))) {
          days.set(holiday.date.slice(0, 10), holiday.name);
        }
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
