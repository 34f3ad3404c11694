import { DateTime } from 'luxon';

/** Billing months are calendar months in Sweden, written YYYY-MM (as the API takes them). */
const ZONE = 'Europe/Stockholm';

const first = (month: string) => DateTime.fromFormat(month, 'yyyy-MM', { zone: ZONE });

export function monthOf(instant: number): string {
  return DateTime.fromMillis(instant, { zone: ZONE }).toFormat('yyyy-MM');
}

export function shiftMonth(month: string, months: number): string {
  return first(month).plus({ months }).toFormat('yyyy-MM');
}

/** The month finance closes next: the one before the month of `instant`. */
export function previousMonthOf(instant: number): string {
  return shiftMonth(monthOf(instant), -1);
}

/** `november 2026`. */
export function monthLabel(month: string): string {
  return first(month).setLocale('sv').toFormat('LLLL yyyy');
}

/** `nov`, for a chart axis. */
export function shortMonthLabel(month: string): string {
  return first(month).setLocale('sv').toFormat('LLL').replace('.', '');
}

export function isMonth(text: string): boolean {
  return /^20\d\d-(0[1-9]|1[0-2])$/.test(text);
}
