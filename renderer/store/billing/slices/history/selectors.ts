import type { BilledHoursSeries } from '../../../../../common/billing/model.ts';
import { memoizeLast } from '../../../memoizeLast.ts';
import { shortMonthLabel } from '../../months.ts';
import type { BillingHistoryState } from './initialState.ts';

export interface HoursChartData {
  /** Axis labels, oldest month first. */
  categories: string[];
  /** The months themselves (YYYY-MM), for titles. */
  months: string[];
  /** One series per customer with billed time in the twelve months: billed hours per month. */
  series: { key: string; name: string; values: number[] }[];
}

const empty: HoursChartData = { categories: [], months: [], series: [] };

const chartOf = memoizeLast((history: BilledHoursSeries | null): HoursChartData => {
  if (history === null) return empty;
  return {
    categories: history.months.map(shortMonthLabel),
    months: history.months,
    series: history.customers
      .filter((c) => c.billedMinutes.some((m) => m !== 0))
      .map((c) => ({ key: c.customerId, name: c.customerName, values: c.billedMinutes.map((m) => m / 60) })),
  };
});

/** Billed hours per customer and month, for the bar chart; customers with no billed time are left out. */
export function selectHoursChart(state: Pick<BillingHistoryState, 'history'>): HoursChartData {
  return chartOf(state.history);
}
