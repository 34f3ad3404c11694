import { createStore } from 'zustand/vanilla';
import type { TicketsService } from '../../services/ticketsService.ts';
import { createTicketsActions, type TicketsStore } from './action.ts';
import { initialTicketsState } from './initialState.ts';

/** The technicians' working list: tickets by response due time, with a clock for live SLA states. */
export function createTicketsStore(service: TicketsService) {
  return createStore<TicketsStore>()((...args) => ({
    ...initialTicketsState,
    ...createTicketsActions(service)(...args),
  }));
}

export type TicketsStoreApi = ReturnType<typeof createTicketsStore>;
