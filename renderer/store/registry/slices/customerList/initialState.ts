import type { CustomerSummary } from '../../../../../common/registry/model.ts';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CustomerListState {
  customers: CustomerSummary[];
  /** `loading` only while nothing has been loaded yet; a refresh keeps showing the list it replaces. */
  listStatus: LoadStatus;
  listError: string | null;
  query: string;
  /** Which result Up/Down has reached; Enter opens it. */
  highlight: number;
}

export const initialCustomerListState: CustomerListState = {
  customers: [],
  listStatus: 'idle',
  listError: null,
  query: '',
  highlight: 0,
};
