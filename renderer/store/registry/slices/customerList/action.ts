import type { StateCreator } from 'zustand/vanilla';
import type { RegistryService } from '../../../../services/registryService.ts';
import { errorMessage } from '../../../errorMessage.ts';
import type { RegistryStore } from '../../store.ts';
import { initialCustomerListState } from './initialState.ts';
import { selectCustomerMatches } from './selectors.ts';

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
  return (set, get) => ({
    async loadCustomers() {
      const request = ++latest;
      if (get().listStatus !== 'ready') set({ listStatus: 'loading' });
      try {
        const customers = await service.listCustomers();
        if (request === latest) set({ customers, listStatus: 'ready', listError: null });
      } catch (error) {
        if (request === latest)
          set({
            listStatus: get().listStatus === 'ready' ? 'ready' : 'error',
            listError: errorMessage(error),
          });
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
      set({ ...initialCustomerListState });
    },
  });
};
