import { createStore } from 'zustand/vanilla';
import type { RegistryService } from '../../services/registryService.ts';
import { createCustomerDetailActions, type CustomerDetailActions } from './slices/customerDetail/action.ts';
import {
  initialCustomerDetailState,
  type CustomerDetailState,
} from './slices/customerDetail/initialState.ts';
import { createCustomerListActions, type CustomerListActions } from './slices/customerList/action.ts';
import { initialCustomerListState, type CustomerListState } from './slices/customerList/initialState.ts';

interface RegistryLifecycle {
  /**
   * Refreshes on every `registry.changed` (of the list's servers and contacts, what it touched); returns the function
   * that stops listening.
   */
  start(): () => void;
  /** Forgets every record, e.g. when the store is locked: nothing of the registry stays in the page. */
  reset(): void;
}

export type RegistryStore = CustomerListState &
  CustomerListActions &
  CustomerDetailState &
  CustomerDetailActions &
  RegistryLifecycle;

/** The customer registry as the UI sees it: the list with its search, and the one customer that is open. */
export function createRegistryStore(service: RegistryService) {
  return createStore<RegistryStore>()((set, get, api) => ({
    ...initialCustomerListState,
    ...initialCustomerDetailState,
    ...createCustomerListActions(service)(set, get, api),
    ...createCustomerDetailActions(service)(set, get, api),
    start() {
      return service.onChanged(({ customerId, touched }) => {
        void get().loadCustomers(touched);
        const open = get().openCustomerId;
        if (open !== null && (customerId === null || customerId === open)) void get().refreshOpenCustomer();
      });
    },
    reset() {
      get().closeCustomer();
      get().forgetCustomers();
    },
  }));
}

export type RegistryStoreApi = ReturnType<typeof createRegistryStore>;
