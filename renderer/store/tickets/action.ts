import type { StateCreator } from 'zustand/vanilla';
import type { AgreementView } from '../../../common/agreements/model.ts';
import type { MethodInput } from '../../../common/api/contract.ts';
import type { TicketView } from '../../../common/tickets/model.ts';
import type { TicketsService } from '../../services/ticketsService.ts';
import { errorMessage } from '../errorMessage.ts';
import { initialTicketsState, type TicketsState } from './initialState.ts';

export const CLOCK_TICK_MS = 15_000;

export interface TicketsActions {
  load(): Promise<void>;
  /** A customer's agreements and environments, for the ticket form's pickers; not kept in the store. */
  contextOf(customerId: string): Promise<TicketCustomerContext>;
  setShowAll(showAll: boolean): void;
  save(input: MethodInput<'tickets.save'>): Promise<TicketView>;
  startWork(id: string): Promise<void>;
  /** Under the agreement's acute option; with `exception`, outside it (reason recorded, list price billed). */
  escalate(id: string, exception?: { reason: string }): Promise<void>;
  /** Sends a ticket from someone who is not a named contact back to the customer's contacts. */
  sendBack(id: string): Promise<void>;
  /** Follows `tickets.changed` and ticks the clock; returns the function that stops both. */
  start(): () => void;
  reset(): void;
}

export interface TicketCustomerContext {
  agreements: AgreementView[];
  environments: { id: string; name: string }[];
  /** No DPA in force now: the form warns before any personal data is typed. */
  noDpa: boolean;
}

export type TicketsStore = TicketsState & TicketsActions;

export const createTicketsActions =
  (service: TicketsService): StateCreator<TicketsStore, [], [], TicketsActions> =>
  (set, get) => {
    let latest = 0;
    return {
      async contextOf(customerId) {
        const [{ agreements }, customer, verdict] = await Promise.all([
          service.agreementsOf(customerId),
          service.customer(customerId),
          service.verdict(customerId),
        ]);
        return {
          agreements,
          environments: customer.environments.map(({ id, name }) => ({ id, name })),
          noDpa: !verdict.hasValidDpa,
        };
      },
      async load() {
        const request = ++latest;
        if (get().status !== 'ready') set({ status: 'loading' });
        try {
          const tickets = await service.list(!get().showAll);
          if (request === latest) set({ tickets, status: 'ready', error: null, now: Date.now() });
        } catch (error) {
          if (request === latest)
            set({ status: get().status === 'ready' ? 'ready' : 'error', error: errorMessage(error) });
        }
      },
      setShowAll(showAll) {
        set({ showAll });
        void get().load();
      },
      async save(input) {
        const saved = await service.save(input);
        await get().load();
        return saved;
      },
      async startWork(id) {
        await service.startWork(id, Date.now());
        await get().load();
      },
      async escalate(id, exception) {
        await service.escalate(id, Date.now(), exception);
        await get().load();
      },
      async sendBack(id) {
        await service.sendBack(id);
        await get().load();
      },
      start() {
        const stopEvents = service.onChanged(() => void get().load());
        const timer = setInterval(() => set({ now: Date.now() }), CLOCK_TICK_MS);
        return () => {
          stopEvents();
          clearInterval(timer);
        };
      },
      reset() {
        latest++;
        set({ ...initialTicketsState, now: Date.now() });
      },
    };
  };
