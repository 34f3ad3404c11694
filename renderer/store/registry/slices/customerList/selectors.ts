import {
  searchCustomers,
  type CustomerMatch,
  type CustomerSearch,
} from '../../../../../common/registry/search.ts';
import type { CustomerListState } from './initialState.ts';

let memo: CustomerSearch | null = null;

/**
 * The list as filtered by the query, with what each result matched on. The same function the CLI's `--search` uses,
 * so both agree. Remembered for the last list and query: React asks on every render and needs the same array back,
 * and the next keystroke narrows the last result instead of searching the whole registry again.
 */
export function selectCustomerMatches(s: CustomerListState): CustomerMatch[] {
  if (memo === null || memo.customers !== s.customers || memo.query !== s.query) {
    memo = { customers: s.customers, query: s.query, matches: searchCustomers(s.customers, s.query, memo) };
  }
  return memo.matches;
}

export type CustomerListView = 'loading' | 'error' | 'empty' | 'noMatch' | 'results';

/** What the list area shows: the empty registry and an empty search result are different situations. */
export function selectCustomerListView(s: CustomerListState): CustomerListView {
  if (s.listStatus === 'idle' || s.listStatus === 'loading') return 'loading';
  if (s.listStatus === 'error') return 'error';
  if (s.customers.length === 0) return 'empty';
  return selectCustomerMatches(s).length === 0 ? 'noMatch' : 'results';
}

/** Numbers, not an object: React compares what a selector returns, and a fresh object every time never settles. */
export const selectTotalCount = (s: CustomerListState) => s.customers.length;
export const selectShownCount = (s: CustomerListState) => selectCustomerMatches(s).length;

export const selectQuery = (s: CustomerListState) => s.query;
export const selectListError = (s: CustomerListState) => s.listError;

/** The result Enter would open: the highlighted one, kept inside the list as it shrinks. */
export function selectHighlightedMatch(s: CustomerListState): CustomerMatch | null {
  const matches = selectCustomerMatches(s);
  return matches[Math.min(s.highlight, matches.length - 1)] ?? null;
}

/**
 * Whether a customer's named contacts can be offered (the ticket form's): `loading` while the list's contacts have not
 * come (they follow the first paint) for a customer that has some, `failed` when they could not be loaded, else `ready`
 * (a customer without contacts is ready at once: it has none to wait for).
 */
export function selectContactsReadiness(
  s: CustomerListState,
  customerId: string,
): 'loading' | 'failed' | 'ready' {
  const customer = s.customers.find((c) => c.id === customerId);
  if (customer === undefined || customer.contactCount === 0 || s.contactsStatus === 'ready') return 'ready';
  return s.contactsStatus === 'error' ? 'failed' : 'loading';
}
