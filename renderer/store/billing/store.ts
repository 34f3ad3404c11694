import { createStore } from 'zustand/vanilla';
import type { BillingService } from '../../services/billingService.ts';
import { createBillingExportActions, type BillingExportActions } from './slices/export/action.ts';
import { initialBillingExportState, type BillingExportState } from './slices/export/initialState.ts';
import { createBillingHistoryActions, type BillingHistoryActions } from './slices/history/action.ts';
import { initialBillingHistoryState, type BillingHistoryState } from './slices/history/initialState.ts';
import { createBillingMonthActions, type BillingMonthActions } from './slices/month/action.ts';
import { createBillingPriceListActions, type BillingPriceListActions } from './slices/priceList/action.ts';
import { initialBillingPriceListState, type BillingPriceListState } from './slices/priceList/initialState.ts';
import { initialBillingMonthState, type BillingMonthState } from './slices/month/initialState.ts';

interface BillingLifecycle {
  /** Follows approvals, changes to time and export progress; returns the function that stops. */
  start(): () => void;
  /** Reloads what has been shown (after unlocking, or a lost connection came back). */
  refresh(): void;
  /** Forgets every figure, e.g. when the store is locked. */
  reset(): void;
}

export type BillingStore = BillingMonthState &
  BillingMonthActions &
  BillingHistoryState &
  BillingHistoryActions &
  BillingExportState &
  BillingExportActions &
  BillingPriceListState &
  BillingPriceListActions &
  BillingLifecycle;

/** Finance's view of time: a month per customer, its approval, twelve months of billed hours, the export. */
export function createBillingStore(service: BillingService) {
  return createStore<BillingStore>()((set, get, api) => ({
    ...initialBillingMonthState(),
    ...initialBillingHistoryState,
    ...initialBillingExportState,
    ...initialBillingPriceListState,
    ...createBillingMonthActions(service)(set, get, api),
    ...createBillingHistoryActions(service)(set, get, api),
    ...createBillingExportActions(service)(set, get, api),
    ...createBillingPriceListActions(service)(set, get, api),
    start() {
      const stopChanges = service.onChanged(() => get().refresh());
      const stopProgress = service.onExportProgress((progress) => get().onProgress(progress));
      return () => {
        stopChanges();
        stopProgress();
      };
    },
    refresh() {
      if (get().monthStatus !== 'idle') void get().loadMonth();
      if (get().historyStatus !== 'idle') void get().loadHistory();
      if (get().priceList !== null) void get().loadPriceList();
    },
    reset() {
      get().forgetMonth();
      get().forgetHistory();
      get().forgetPriceList();
      set(initialBillingExportState);
    },
  }));
}

export type BillingStoreApi = ReturnType<typeof createBillingStore>;
