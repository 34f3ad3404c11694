import type { StateCreator } from 'zustand/vanilla';
import type { CustomerSummary, SummaryContact } from '../../../../../common/registry/model.ts';
import type { RegistryService } from '../../../../services/registryService.ts';
import { errorMessage } from '../../../errorMessage.ts';
import type { RegistryStore } from '../../store.ts';
import { initialCustomerListState, type CustomerListState } from './initialState.ts';
import { selectCustomerMatches } from './selectors.ts';
import { warmSearchWhenIdle } from './warmSearch.ts';

export interface CustomerListActions {
  loadCustomers(): Promise<void>;
  setQuery(query: string): void;
  /** Moves the highlight through the current results, stopping at either end. */
  moveHighlight(delta: number): void;
  /** Drops the list and any answer still on its way. */
  forgetCustomers(): void;
}

export const createCustomerListActions = (
  service: RegistryService,
): StateCreator<RegistryStore, [], [], CustomerListActions> => {
  // Answers can overtake each other; only the newest request may write.
  let latest = 0;
  let stopWarming = () => {};
  return (set, get) => {
    /** The list as it now is, with its search fields folded ahead of the next keystroke. */
    const show = (customers: CustomerSummary[], rest: Partial<CustomerListState> = {}) => {
      stopWarming();
      set({ customers, ...rest });
      stopWarming = warmSearchWhenIdle(customers);
    };
    return {
      async loadCustomers() {
        const request = ++latest;
        if (get().listStatus !== 'ready') set({ listStatus: 'loading' });
        let customers: CustomerSummary[];
        try {
          customers = await service.listCustomers();
        } catch (error) {
          if (request === latest)
            set({
              listStatus: get().listStatus === 'ready' ? 'ready' : 'error',
              listError: errorMessage(error),
            });
          return;
        }
        if (request !== latest) return;
        // A refresh keeps the contacts it already had until the new ones come, so a search by contact keeps its rows.
        const { customers: before, contactsStatus } = get();
        const kept = contactsStatus === 'ready' ? withContacts(customers, contactsById(before)) : customers;
        show(kept, {
          listStatus: 'ready',
          listError: null,
          contactsStatus: contactsStatus === 'ready' ? 'ready' : 'loading',
        });
        try {
          const contacts = await service.listCustomerContacts();
          if (request !== latest) return;
          const byId = new Map(contacts.map((c) => [c.customerId, c.contacts]));
          show(withContacts(get().customers, byId), { contactsStatus: 'ready' });
        } catch (error) {
          if (request === latest && get().contactsStatus !== 'ready')
            set({ contactsStatus: 'error', listError: errorMessage(error) });
        }
      },

      setQuery(query) {
        set({ query, highlight: 0 });
      },

      moveHighlight(delta) {
        const last = selectCustomerMatches(get()).length - 1;
        set({ highlight: Math.max(0, Math.min(last, get().highlight + delta)) });
      },

      forgetCustomers() {
        latest++;
        stopWarming();
        set({ ...initialCustomerListState });
      },
    };
  };
};

const contactsById = (customers: readonly CustomerSummary[]) =>
  new Map(customers.map((customer) => [customer.id, customer.contacts]));

/**
 * New summary objects holding their contacts (a customer missing from `byId` has none): the search caches its folded
 * fields per summary object, so a summary is replaced, never mutated.
 */
function withContacts(
  customers: readonly CustomerSummary[],
  byId: ReadonlyMap<string, SummaryContact[]>,
): CustomerSummary[] {
  return customers.map((customer) => {
    const contacts = byId.get(customer.id) ?? [];
    return { ...customer, contacts, contactCount: contacts.length };
  });
}
