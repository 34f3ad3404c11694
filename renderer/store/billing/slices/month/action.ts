import type { StateCreator } from 'zustand/vanilla';
import type { BatchView } from '../../../../../common/billing/model.ts';
import type { BillingService } from '../../../../services/billingService.ts';
import { errorMessage } from '../../../errorMessage.ts';
import { isMonth, shiftMonth } from '../../months.ts';
import type { BillingStore } from '../../store.ts';
import { initialBillingMonthState } from './initialState.ts';

export interface BillingMonthActions {
  loadMonth(): Promise<void>;
  /** Shows another month (and its 12-month history); ignores text that is not YYYY-MM. */
  setMonth(month: string): void;
  /** One month back (-1) or on (+1). */
  stepMonth(delta: number): void;
  /** Approves a customer's month: its entries lock and its lines are stored as a batch. Rejects on failure. */
  approveMonth(customerId: string): Promise<BatchView>;
  forgetMonth(): void;
}

export const createBillingMonthActions = (
  service: BillingService,
): StateCreator<BillingStore, [], [], BillingMonthActions> => {
  let latest = 0;
  return (set, get) => ({
    async loadMonth() {
      const request = ++latest;
      const { month } = get();
      if (get().monthStatus !== 'ready') set({ monthStatus: 'loading' });
      try {
        const summary = await service.monthSummary(month);
        if (request === latest) set({ summary, monthStatus: 'ready', monthError: null });
      } catch (error) {
        if (request === latest)
          set({
            monthStatus: get().monthStatus === 'ready' ? 'ready' : 'error',
            monthError: errorMessage(error),
          });
      }
    },
    setMonth(month) {
      if (!isMonth(month)) return;
      if (month === get().month && get().monthStatus !== 'idle') return;
      set({ month, summary: null, monthStatus: 'loading' });
      void get().loadMonth();
      void get().loadHistory();
    },
    stepMonth(delta) {
      get().setMonth(shiftMonth(get().month, delta));
    },
    async approveMonth(customerId) {
      const batch = await service.approveMonth(get().month, customerId);
      await Promise.all([get().loadMonth(), get().loadHistory()]);
      return batch;
    },
    forgetMonth() {
      latest++;
      set(initialBillingMonthState());
    },
  });
};
