import type { MethodInput } from '../../common/api/contract.ts';
import type { ApiClient } from '../api/client.ts';

export function createTicketsService(api: ApiClient) {
  return {
    list: (openOnly: boolean) => api.call('tickets.list', { openOnly }),
    save: (input: MethodInput<'tickets.save'>) => api.call('tickets.save', input),
    startWork: (id: string, at: number) => api.call('tickets.recordFirstResponse', { id, at }),
    escalate: (id: string, at: number, exception?: { reason: string }) =>
      api.call('tickets.escalate', { id, at, ...(exception ? { exception } : {}) }),
    sendBack: (id: string) => api.call('tickets.sendBack', { id }),
    get: (id: string) => api.call('tickets.get', { id }),
    timeline: (id: string) => api.call('tickets.timeline', { id }),
    addNote: (ticketId: string, body: string) => api.call('tickets.addNote', { ticketId, body }),
    attachScreenshot: (input: MethodInput<'tickets.attachScreenshot'>) =>
      api.call('tickets.attachScreenshot', input),
    screenshot: (id: string) => api.call('tickets.screenshot', { id }),
    assignees: () => api.call('tickets.assignees', {}),
    assign: (id: string, assigneeId: string | null) => api.call('tickets.assign', { id, assigneeId }),
    listOf: (customerId: string) => api.call('tickets.list', { customerId }),
    agreementsOf: (customerId: string) => api.call('agreements.list', { customerId }),
    customer: (customerId: string) => api.call('registry.getCustomer', { id: customerId }),
    verdict: (customerId: string) => api.call('eligibility.check', { customerId }),
    /** A session of some ticket changed state: a ticket page's timeline (its sessions and time) follows. */
    onSessionChanged: (listener: (ticketId: string) => void) =>
      api.subscribe('sessions.changed', (session) => listener(session.ticketId)),
    onChanged: (listener: () => void) => {
      const stopTickets = api.subscribe('tickets.changed', listener);
      // Agreements change response times only for new tickets, but customer names and services show in the list.
      const stopRegistry = api.subscribe('registry.changed', listener);
      return () => {
        stopTickets();
        stopRegistry();
      };
    },
  };
}

export type TicketsService = ReturnType<typeof createTicketsService>;
