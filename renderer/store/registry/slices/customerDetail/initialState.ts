import type { CustomerDetail } from '../../../../../common/registry/model.ts';

/** `missing`: the customer is gone (deleted here or in another window). */
export type DetailStatus = 'idle' | 'loading' | 'ready' | 'missing' | 'error';

export interface CustomerDetailState {
  openCustomerId: string | null;
  detail: CustomerDetail | null;
  detailStatus: DetailStatus;
  /**
   * Why the open customer could not be read: the failure itself, worded (errorMessage) where it is shown, so a
   * language switch words it again.
   */
  detailError: unknown;
}

export const initialCustomerDetailState: CustomerDetailState = {
  openCustomerId: null,
  detail: null,
  detailStatus: 'idle',
  detailError: null,
};
