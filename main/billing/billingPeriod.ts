import { DateTime } from 'luxon';
import { BUSINESS_TIME_ZONE } from '../tickets/officeCalendar.ts';

/** A billing month in Sweden as UTC instants: [start, end). */
export interface BillingPeriod {
  month: string;
  start: number;
  end: number;
}

export function billingPeriod(month: string): BillingPeriod {
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: BUSINESS_TIME_ZONE });
  if (!first.isValid) throw new RangeError(`Not a month: ${month}`);
  return { month, start: first.toMillis(), end: first.plus({ months: 1 }).toMillis() };
}

export function monthOf(instant: number): string {
  return DateTime.fromMillis(instant, { zone: BUSINESS_TIME_ZONE }).toFormat('yyyy-MM');
}

export function shiftMonth(month: string, months: number): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: BUSINESS_TIME_ZONE })
    .plus({ months })
    .toFormat('yyyy-MM');
}

/** "November 2026", for messages. */
export function monthName(month: string): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: BUSINESS_TIME_ZONE })
    .setLocale('en-GB')
    .toFormat('LLLL yyyy');
}

/**
 * The Swedish calendar date of instants that mostly come in ascending order, without asking luxon for each: the
 * current day's bounds are kept and only recomputed when an instant falls outside them.
 */
export class SwedishDays {
  private start = 1;
  private end = 0;
  private day = '';

  of(instant: number): string {
    if (instant < this.start || instant >= this.end) {
      const at = DateTime.fromMillis(instant, { zone: BUSINESS_TIME_ZONE }).startOf('day');
      this.start = at.toMillis();
      this.end = at.plus({ days: 1 }).toMillis();
      this.day = at.toISODate()!;
    }
    return this.day;
  }
}
