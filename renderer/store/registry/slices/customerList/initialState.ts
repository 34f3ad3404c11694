import type { CustomerSummary } from '../../../../../common/registry/model.ts';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CustomerListState {
  customers: CustomerSummary[];
  /** `loading` only while nothing has been loaded yet; a refresh keeps showing the list it replaces. */
  listStatus: LoadStatus;
  listError: string | null;
  /**
   * Whether `customers` hold their servers and hosts. The list comes first without them (50,000 servers are most of a
   * large registry's first answer), counted; they follow for the search by host and the palette, as the contacts do.
   */
  serversStatus: LoadStatus;
  /**
   * Whether `customers` hold their contacts. The list comes first without them (opening every contact's sealed fields
   * is most of a large registry's load), and they follow for the search: `loading` until then, `error` if that failed.
   */
  contactsStatus: LoadStatus;
  query: string;
  /** Which result Up/Down has reached; Enter opens it. */
  highlight: number;
}

export const initialCustomerListState: CustomerListState = {
  customers: [],
  listStatus: 'idle',
  listError: null,
  serversStatus: 'idle',
  contactsStatus: 'idle',
  query: '',
  highlight: 0,
};
