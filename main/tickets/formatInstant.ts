import { DateTime } from 'luxon';
import { BUSINESS_TIME_ZONE } from './officeCalendar.ts';

/** ISO 8601 with the Stockholm offset, minutes precision unless seconds matter: `2026-11-23T13:00:00+01:00`. */
export function formatInstant(ms: number): string {
  return DateTime.fromMillis(ms, { zone: BUSINESS_TIME_ZONE }).toISO({ suppressMilliseconds: true })!;
}
