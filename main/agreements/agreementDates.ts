import { DateTime } from 'luxon';
import { BUSINESS_TIME_ZONE } from '../tickets/officeCalendar.ts';

/*
 * Agreements and DPAs are dated in Swedish calendar days: one runs from the first instant of its first day to the end
 * of its last day, Stockholm time.
 */

/** First instant of a Swedish calendar date. */
export const startOfDate = (date: string) =>
  DateTime.fromISO(date, { zone: BUSINESS_TIME_ZONE }).startOf('day').toMillis();
/** First instant after a Swedish calendar date: agreements and DPAs run to the end of their last day. */
export const endOfDate = (date: string) =>
  DateTime.fromISO(date, { zone: BUSINESS_TIME_ZONE }).startOf('day').plus({ days: 1 }).toMillis();
