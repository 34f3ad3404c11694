import type { StateCreator } from 'zustand/vanilla';
import type { AgreementView } from '../../../common/agreements/model.ts';
import type { MethodInput } from '../../../common/api/contract.ts';
import type { CustomerDetail } from '../../../common/registry/model.ts';
import type { TicketView } from '../../../common/tickets/model.ts';
import type { ScreenshotContent, ScreenshotMediaType } from '../../../common/tickets/ticketPage.ts';
import type { TicketsService } from '../../services/ticketsService.ts';
import { errorCode, errorMessage } from '../errorMessage.ts';
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
  /** Opens a ticket's page: the ticket and its timeline, reloaded when it changes until closePage. */
  openPage(id: string): Promise<void>;
  closePage(): void;
  addNote(ticketId: string, body: string): Promise<void>;
  attachScreenshot(ticketId: string, mediaType: ScreenshotMediaType, data: string): Promise<void>;
  screenshot(id: string): Promise<ScreenshotContent>;
  assign(ticketId: string, assigneeId: string | null): Promise<void>;
  /** A customer's record (its environments and servers), for connecting from a ticket; not kept in the store. */
  customerOf(customerId: string): Promise<CustomerDetail>;
  /** A customer's tickets, every status, for the customer page; not kept in the store. */
  ticketsOf(customerId: string): Promise<TicketView[]>;
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
    let latestPage = 0;
    /** Reloads the open page when it shows this ticket; a reply for a page since left is dropped. */
    const reloadPage = async (id: string) => {
      if (get().page?.id !== id) return;
      const request = ++latestPage;
      try {
        const [ticket, timeline] = await Promise.all([service.get(id), service.timeline(id)]);
        if (request === latestPage && get().page?.id === id)
          set({ page: { id, ticket, timeline, status: 'ready', error: null } });
      } catch (error) {
        if (request !== latestPage || get().page?.id !== id) return;
        const missing = errorCode(error) === 'NOT_FOUND';
        set({
          page: {
            id,
            ticket: missing ? null : (get().page?.ticket ?? null),
            timeline: missing ? null : (get().page?.timeline ?? null),
            status: missing ? 'missing' : get().page?.status === 'ready' ? 'ready' : 'error',
            error: errorMessage(error),
          },
        });
      }
    };
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
        await Promise.all([get().load(), reloadPage(id)]);
      },
      async openPage(id) {
        if (get().page?.id !== id)
          set({ page: { id, ticket: null, timeline: null, status: 'loading', error: null } });
        if (get().assignees === null) {
          service
            .assignees()
            .then((assignees) => set({ assignees }))
            .catch(() => set({ assignees: [] }));
        }
        await reloadPage(id);
      },
      closePage() {
        set({ page: null });
      },
      async addNote(ticketId, body) {
        await service.addNote(ticketId, body);
        await reloadPage(ticketId);
      },
      async attachScreenshot(ticketId, mediaType, data) {
        await service.attachScreenshot({ ticketId, mediaType, data });
        await reloadPage(ticketId);
      },
      screenshot: (id) => service.screenshot(id),
      async assign(ticketId, assigneeId) {
        await service.assign(ticketId, assigneeId);
        await Promise.all([get().load(), reloadPage(ticketId)]);
      },
      ticketsOf: (customerId) => service.listOf(customerId),
      customerOf: (customerId) => service.customer(customerId),
      async escalate(id, exception) {
        await service.escalate(id, Date.now(), exception);
        await get().load();
      },
      async sendBack(id) {
        await service.sendBack(id);
        await get().load();
      },
      start() {
        const stopEvents = service.onChanged(() => {
          void get().load();
          const page = get().page;
          if (page) void reloadPage(page.id);
        });
        const stopSessions = service.onSessionChanged((ticketId) => void reloadPage(ticketId));
        const timer = setInterval(() => set({ now: Date.now() }), CLOCK_TICK_MS);
        return () => {
          stopEvents();
          stopSessions();
          clearInterval(timer);
        };
      },
      reset() {
        latest++;
        set({ ...initialTicketsState, now: Date.now() });
      },
    };
  };
