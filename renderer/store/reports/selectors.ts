import { DateTime } from 'luxon';
import type { ReportsState } from './initialState.ts';

const ZONE = 'Europe/Stockholm';

/** A Swedish month as the instants the API takes, [from, to). */
export function monthPeriod(month: string): { from: number; to: number } {
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: ZONE });
  return { from: first.toMillis(), to: first.plus({ months: 1 }).toMillis() };
}

/** The report shown is the one for the customer and month chosen (not a late answer for another). */
export function selectShownReport(state: ReportsState) {
  const { report, customerId, month } = state;
  if (report === null || month === null || report.customerId !== customerId) return null;
  return report.from === monthPeriod(month).from ? report : null;
}
