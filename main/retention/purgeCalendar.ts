import { DateTime } from 'luxon';
import type { RetentionPolicy } from '../../common/retention/model.ts';
import { BUSINESS_TIME_ZONE } from '../tickets/officeCalendar.ts';

/** Purge dates are Swedish calendar days: the policy's month-day each year. */

export const swedishDate = (instant: number): string =>
  DateTime.fromMillis(instant, { zone: BUSINESS_TIME_ZONE }).toISODate()!;

const purgeDateIn = (year: number, policy: RetentionPolicy) => `${year}-${policy.purgeMonthDay}`;

/** The latest purge date on or before today (this summer's once it has come, else last summer's). */
export function latestPurgeDate(policy: RetentionPolicy, today: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = purgeDateIn(year, policy);
  return thisYear <= today ? thisYear : purgeDateIn(year - 1, policy);
}

/** The first purge date after today. */
export function nextPurgeDateAfter(policy: RetentionPolicy, today: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = purgeDateIn(year, policy);
  return thisYear > today ? thisYear : purgeDateIn(year + 1, policy);
}

/** The cutoff day for a purge on `purgeDate`: what last changed before it is old enough to go. */
export function cutoffDate(policy: RetentionPolicy, purgeDate: string): string {
  return DateTime.fromISO(purgeDate, { zone: BUSINESS_TIME_ZONE })
    .minus({ days: policy.keepClosedDays })
    .toISODate()!;
}
