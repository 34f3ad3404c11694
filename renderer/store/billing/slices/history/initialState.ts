import type { BilledHoursSeries } from '../../../../../common/billing/model.ts';

export interface BillingHistoryState {
  /** Twelve months ending with the month shown, per customer. */
  history: BilledHoursSeries | null;
  historyStatus: 'idle' | 'loading' | 'ready' | 'error';
  historyError: string | null;
}

export const initialBillingHistoryState: BillingHistoryState = {
  history: null,
  historyStatus: 'idle',
  historyError: null,
};
