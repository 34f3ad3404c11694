import { DateTime } from 'luxon';
import { BUSINESS_TIME_ZONE } from '../tickets/officeCalendar.ts';

/*
 * A report's period is whole Swedish days: people ask for "1 to 30 November", and the API takes [from, to) in epoch
 * ms. The first day starts at its Stockholm midnight and the last day ends at the next one (23 or 25 hours away on
 * the days daylight saving changes).
 */

const day = (isoDay: string) => DateTime.fromISO(isoDay, { zone: BUSINESS_TIME_ZONE });

/** Whether the text is a calendar day written YYYY-MM-DD. */
export function isIsoDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && day(text).isValid;
}

/** First and last day (both included) as instants [from, to). */
export function periodOfDays(firstDay: string, lastDay: string): { from: number; to: number } {
  return { from: day(firstDay).toMillis(), to: day(lastDay).plus({ days: 1 }).toMillis() };
}

/** The Swedish days [from, to) covers: its first, and its last (the day of the instant just before `to`). */
export function daysOfPeriod(from: number, to: number): { firstDay: string; lastDay: string } {
  const swedishDay = (instant: number) =>
    DateTime.fromMillis(instant, { zone: BUSINESS_TIME_ZONE }).toISODate()!;
  return { firstDay: swedishDay(from), lastDay: swedishDay(Math.max(from, to - 1)) };
}
