import type { StateCreator } from 'zustand/vanilla';
import type { BillingService } from '../../../../services/billingService.ts';
import { errorMessage } from '../../../errorMessage.ts';
import type { BillingStore } from '../../store.ts';
import { initialBillingHistoryState } from './initialState.ts';

export interface BillingHistoryActions {
  /** Billed hours per customer for the twelve months ending with the month shown. */
  loadHistory(): Promise<void>;
  forgetHistory(): void;
}

export const createBillingHistoryActions = (
  service: BillingService,
): StateCreator<BillingStore, [], [], BillingHistoryActions> => {
  let latest = 0;
  return (set, get) => ({
    async loadHistory() {
      const request = ++latest;
      if (get().historyStatus !== 'ready') set({ historyStatus: 'loading' });
      try {
        const history = await service.billedHours(get().month);
        if (request === latest) set({ history, historyStatus: 'ready', historyError: null });
      } catch (error) {
        if (request === latest)
          set({
            historyStatus: get().historyStatus === 'ready' ? 'ready' : 'error',
            historyError: errorMessage(error),
          });
      }
    },
    forgetHistory() {
      latest++;
      set(initialBillingHistoryState);
    },
  });
};
