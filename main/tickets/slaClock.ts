import { DateTime } from 'luxon';
import { BUSINESS_TIME_ZONE, type OfficeCalendar } from './officeCalendar.ts';

const HOUR_MS = 3_600_000;
/** Acute escalation: remediation starts within two hours of wall-clock time, any day. */
export const ACUTE_RESPONSE_HOURS = 2;

/**
 * The instant that lies `hours` office hours after `start`: time outside office hours, on weekends and on closed days
 * does not count. Office windows are whole local hours (08-17), so a daylight-saving change (at 02:00/03:00) never
 * falls inside one; the walk is in local days, the sums in real milliseconds.
 */
export function addOfficeHours(start: number, hours: number, calendar: OfficeCalendar): number {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError('hours must be a non-negative number');
  let remaining = Math.round(hours * HOUR_MS);
  let day = DateTime.fromMillis(start, { zone: BUSINESS_TIME_ZONE }).startOf('day');
  let cursor = start;

  // A year of closed days is the most any real calendar has in a row; past that the calendar is broken.
  for (let guard = 0; guard < 366 * 10; guard++) {
    if (calendar.closedReason(day) === null) {
      const opens = day.set({ hour: calendar.opensAt }).toMillis();
      const closes = day.set({ hour: calendar.closesAt }).toMillis();
      const from = Math.max(cursor, opens);
      if (from < closes) {
        if (remaining <= closes - from) {
          // Work that ends exactly at closing counts as done that day; zero hours from after closing waits until
          // the office opens, when work can start.
          return from + remaining;
        }
        remaining -= closes - from;
      }
    }
    day = day.plus({ days: 1 }).startOf('day');
    cursor = day.toMillis();
  }
  throw new Error('The office calendar has no working day within ten years');
}

export interface ResponseDue {
  /** received + the agreement's office hours. */
  standardDueAt: number | null;
  /** escalated + 2 wall-clock hours, when the ticket is escalated. */
  acuteDueAt: number | null;
  /** The earlier of the two: what the ticket list sorts and warns by. */
  dueAt: number | null;
}

/**
 * When a response is due. `responseHours` null means no agreement was in force: nothing is promised, not even
 * after an escalation (DOMAIN: "A customer without an agreement in force has no response-time promise at all").
 */
export function responseDue(
  ticket: { receivedAt: number; escalatedAt: number | null },
  responseHours: number | null,
  calendar: OfficeCalendar,
): ResponseDue {
  if (responseHours === null) return { standardDueAt: null, acuteDueAt: null, dueAt: null };
  const standardDueAt = addOfficeHours(ticket.receivedAt, responseHours, calendar);
  const acuteDueAt = ticket.escalatedAt === null ? null : ticket.escalatedAt + ACUTE_RESPONSE_HOURS * HOUR_MS;
  return {
    standardDueAt,
    acuteDueAt,
    dueAt: acuteDueAt === null ? standardDueAt : Math.min(standardDueAt, acuteDueAt),
  };
}
