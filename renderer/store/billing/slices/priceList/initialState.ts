import type { VersionedPriceList } from '../../../../../common/settings/priceList.ts';

export interface BillingPriceListState {
  /** The vendor's price list: what an acute escalation by exception bills. */
  priceList: VersionedPriceList | null;
  priceListError: string | null;
}

export const initialBillingPriceListState: BillingPriceListState = {
  priceList: null,
  priceListError: null,
};
