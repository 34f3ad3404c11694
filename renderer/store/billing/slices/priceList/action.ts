import type { StateCreator } from 'zustand/vanilla';
import type { VersionedPriceList } from '../../../../../common/settings/priceList.ts';
import type { BillingService } from '../../../../services/billingService.ts';
import { errorMessage } from '../../../errorMessage.ts';
import type { BillingStore } from '../../store.ts';
import { initialBillingPriceListState } from './initialState.ts';

export interface BillingPriceListActions {
  loadPriceList(): Promise<void>;
  /**
   * Saves new prices against the version the form opened (CONFLICT if someone saved meanwhile); later exceptions
   * bill them, escalations already made keep theirs.
   */
  savePriceList(prices: VersionedPriceList): Promise<void>;
  forgetPriceList(): void;
}

export const createBillingPriceListActions =
  (service: BillingService): StateCreator<BillingStore, [], [], BillingPriceListActions> =>
  (set) => ({
    async loadPriceList() {
      try {
        set({ priceList: await service.priceList(), priceListError: null });
      } catch (error) {
        set({ priceListError: errorMessage(error) });
      }
    },
    async savePriceList(prices) {
      set({ priceList: await service.savePriceList(prices), priceListError: null });
    },
    forgetPriceList() {
      set(initialBillingPriceListState);
    },
  });
