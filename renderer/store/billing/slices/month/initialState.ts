import type { MonthSummary } from '../../../../../common/billing/model.ts';
import { previousMonthOf } from '../../months.ts';

export interface BillingMonthState {
  /** YYYY-MM, Swedish calendar month; opens on the month finance closes next (the one before this). */
  month: string;
  summary: MonthSummary | null;
  /** `idle` until the billing view is first shown; events reload it only after that. */
  monthStatus: 'idle' | 'loading' | 'ready' | 'error';
  monthError: string | null;
}

export const initialBillingMonthState = (now = Date.now()): BillingMonthState => ({
  month: previousMonthOf(now),
  summary: null,
  monthStatus: 'idle',
  monthError: null,
});
