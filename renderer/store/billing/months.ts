import { DateTime } from 'luxon';
import { currentLocale } from '../../i18n/i18n.ts';

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

/** `november 2026` / `November 2026`, in the chosen language. */
export function monthLabel(month: string): string {
  return first(month).setLocale(currentLocale()).toFormat('LLLL yyyy');
}

/** `nov` / `Nov`, for a chart axis. */
export function shortMonthLabel(month: string): string {
  return first(month).setLocale(currentLocale()).toFormat('LLL').replace('.', '');
}

export function isMonth(text: string): boolean {
  return /^20\d\d-(0[1-9]|1[0-2])$/.test(text);
}
