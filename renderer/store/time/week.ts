import { DateTime } from 'luxon';
import { currentLocale, t } from '../../i18n/i18n.ts';

/*
 * Weeks as Swedes count them: Monday to Sunday in Europe/Stockholm, named by their Monday (YYYY-MM-DD) and their ISO
 * week number (vecka 47). Daylight saving makes some days 23 or 25 hours long, so days are never counted in ms.
 */

export const BUSINESS_ZONE = 'Europe/Stockholm';

const day = (iso: string) => DateTime.fromISO(iso, { zone: BUSINESS_ZONE });

/** The Monday (Swedish time) of the week holding `instant`. */
export function weekStartOf(instant: number): string {
  return DateTime.fromMillis(instant, { zone: BUSINESS_ZONE }).startOf('week').toISODate()!;
}

export function shiftWeek(weekStart: string, weeks: number): string {
  return day(weekStart).plus({ weeks }).toISODate()!;
}

/** The week as UTC instants, [from, to), for `time.list`. */
export function weekRange(weekStart: string): { from: number; to: number } {
  const start = day(weekStart).startOf('day');
  return { from: start.toMillis(), to: start.plus({ weeks: 1 }).toMillis() };
}

/** Its seven days, Monday first, as YYYY-MM-DD. */
export function weekDays(weekStart: string): string[] {
  const start = day(weekStart);
  return Array.from({ length: 7 }, (_, i) => start.plus({ days: i }).toISODate()!);
}

/** The Swedish calendar day of an instant. */
export function swedishDay(instant: number): string {
  return DateTime.fromMillis(instant, { zone: BUSINESS_ZONE }).toISODate()!;
}

/**
 * `Vecka 47 · 16–22 november 2026` / `Week 47 · 16–22 November 2026` (the months named when the week spans two), in
 * the chosen language; the week's number is the ISO week in either, as Swedish customers count weeks.
 */
export function weekLabel(weekStart: string): string {
  const start = day(weekStart).setLocale(currentLocale());
  const end = start.plus({ days: 6 });
  const span =
    start.month === end.month
      ? `${start.day}–${end.day} ${end.toFormat('LLLL yyyy')}`
      : start.year === end.year
        ? `${start.toFormat('d LLLL')} – ${end.toFormat('d LLLL yyyy')}`
        : `${start.toFormat('d LLLL yyyy')} – ${end.toFormat('d LLLL yyyy')}`;
  return t('common:time.week', { number: start.weekNumber, span });
}

/** `måndag 16 november` / `Monday 16 November`. */
export function dayLabel(isoDay: string): string {
  return day(isoDay).setLocale(currentLocale()).toFormat('cccc d LLLL');
}

/** `09:05`, Swedish time. */
export function clockTime(instant: number): string {
  return DateTime.fromMillis(instant, { zone: BUSINESS_ZONE }).toFormat('HH:mm');
}

/** A Swedish date and `HH:MM` as an instant; NaN when either is not one. */
export function instantAt(isoDay: string, hhmm: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay) || !/^\d{1,2}:\d{2}$/.test(hhmm)) return Number.NaN;
  const at = DateTime.fromISO(`${isoDay}T${hhmm.padStart(5, '0')}`, { zone: BUSINESS_ZONE });
  // A time that does not exist (the hour skipped when clocks go forward) is not silently moved.
  return at.isValid && at.toFormat('HH:mm') === hhmm.padStart(5, '0') ? at.toMillis() : Number.NaN;
}
