import type { StateCreator } from 'zustand/vanilla';
import {
  hostsOf,
  type CustomerSummary,
  type SummaryContact,
  type SummaryServer,
} from '../../../../../common/registry/model.ts';
import type { RegistryService } from '../../../../services/registryService.ts';
import { errorMessage } from '../../../errorMessage.ts';
import type { RegistryStore } from '../../store.ts';
import { initialCustomerListState, type CustomerListState } from './initialState.ts';
import { selectCustomerMatches } from './selectors.ts';
import { warmSearchWhenIdle } from './warmSearch.ts';

/** What follows the list: its servers and its contacts, each asked for on its own after the list is shown. */
export type FollowUp = 'servers' | 'contacts';
const FOLLOW_UPS: readonly FollowUp[] = ['servers', 'contacts'];

export interface CustomerListActions {
  /**
   * Loads the list, then asks again for the follow-up parts a change `touched` (both unless it says), and for any not
   * held yet; the others are kept as they are.
   */
  loadCustomers(touched?: readonly FollowUp[]): Promise<void>;
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
  // Parts a change touched whose fresh answer has not been taken yet: a newer load that did not touch them (and so
  // drops the older load's answers) still asks for them.
  const owed = new Set<FollowUp>();
  let stopWarming = () => {};
  return (set, get) => {
    /** The list as it now is, with its search fields folded ahead of the next keystroke. */
    const show = (customers: CustomerSummary[], rest: Partial<CustomerListState> = {}) => {
      stopWarming();
      set({ customers, ...rest });
      stopWarming = warmSearchWhenIdle(customers);
    };
    /**
     * Asks for what follows the list (its servers or its contacts) and gives each customer its part when it comes;
     * customers changed meanwhile are not lost: the part is merged into the list as it then is.
     */
    const follow = async <T extends { customerId: string }>(
      request: number,
      followUp: FollowUp,
      ask: () => Promise<T[]>,
      give: (customer: CustomerSummary, part: T | undefined) => CustomerSummary,
    ) => {
      const status = STATUS_OF[followUp];
      try {
        const parts = await ask();
        if (request !== latest) return;
        owed.delete(followUp);
        const byId = new Map(parts.map((part) => [part.customerId, part]));
        show(
          get().customers.map((customer) => give(customer, byId.get(customer.id))),
          { [status]: 'ready' },
        );
      } catch (error) {
        if (request === latest && get()[status] !== 'ready')
          set({ [status]: 'error', listError: errorMessage(error) });
      }
    };
    return {
      async loadCustomers(touched = FOLLOW_UPS) {
        const request = ++latest;
        for (const followUp of touched) owed.add(followUp);
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
        // A refresh keeps the servers and contacts it already had until the new ones come (or for good, when the
        // change did not touch them), so a search by host or contact keeps its rows; the counts are the fresh list's.
        const { customers: before, serversStatus, contactsStatus } = get();
        const keepServers = serversStatus === 'ready';
        const keepContacts = contactsStatus === 'ready';
        const asks = (followUp: FollowUp) => owed.has(followUp) || get()[STATUS_OF[followUp]] !== 'ready';
        const [askServers, askContacts] = [asks('servers'), asks('contacts')];
        show(
          keepServers || keepContacts ? keptFrom(before, customers, keepServers, keepContacts) : customers,
          {
            listStatus: 'ready',
            listError: null,
            serversStatus: keepServers ? 'ready' : 'loading',
            contactsStatus: keepContacts ? 'ready' : 'loading',
          },
        );
        // Both asked at once, servers first: main answers them in one query while it opens the contacts in slices.
        await Promise.all([
          askServers &&
            follow(request, 'servers', service.listCustomerServers, (customer, part) =>
              withServers(customer, part?.servers ?? []),
            ),
          askContacts &&
            follow(request, 'contacts', service.listCustomerContacts, (customer, part) =>
              withContacts(customer, part?.contacts ?? []),
            ),
        ]);
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
        owed.clear();
        stopWarming();
        set({ ...initialCustomerListState });
      },
    };
  };
};

const STATUS_OF = { servers: 'serversStatus', contacts: 'contactsStatus' } as const satisfies Record<
  FollowUp,
  keyof CustomerListState
>;

/**
 * The fresh list holding what the list before it had of the servers and contacts being kept. Summaries are new objects:
 * the search caches its folded fields per summary object, so a summary is replaced, never mutated.
 */
function keptFrom(
  before: readonly CustomerSummary[],
  fresh: readonly CustomerSummary[],
  servers: boolean,
  contacts: boolean,
): CustomerSummary[] {
  const old = new Map(before.map((customer) => [customer.id, customer]));
  return fresh.map((customer) => {
    const had = old.get(customer.id);
    return {
      ...customer,
      ...(servers && { servers: had?.servers ?? [], hosts: had?.hosts ?? [] }),
      ...(contacts && { contacts: had?.contacts ?? [] }),
    };
  });
}

/** A new summary holding its servers, its hosts and their count, as the whole list gives them. */
function withServers(customer: CustomerSummary, servers: SummaryServer[]): CustomerSummary {
  const hosts = hostsOf(servers);
  return { ...customer, servers, hosts, hostCount: hosts.length };
}

/** A new summary holding its contacts and their count. */
function withContacts(customer: CustomerSummary, contacts: SummaryContact[]): CustomerSummary {
  return { ...customer, contacts, contactCount: contacts.length };
}
