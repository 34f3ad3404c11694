import { slaState, type SlaState } from '../../../common/tickets/slaState.ts';
import type { TicketView } from '../../../common/tickets/model.ts';
import { memoizeLast } from '../memoizeLast.ts';
import type { TicketsState } from './initialState.ts';

export interface TicketRow {
  ticket: TicketView;
  sla: SlaState;
}

const rowsAt = memoizeLast((tickets: TicketView[], now: number): TicketRow[] =>
  tickets.map((ticket) => ({ ticket, sla: slaState(ticket, now) })),
);

/** Tickets in the order main sent them (by due time), each with its SLA state at the store's clock. */
export function selectTicketRows(state: Pick<TicketsState, 'tickets' | 'now'>): TicketRow[] {
  return rowsAt(state.tickets, state.now);
}

export function selectBreachedCount(state: Pick<TicketsState, 'tickets' | 'now'>): number {
  return selectTicketRows(state).filter((row) => row.sla === 'breached').length;
}

/** Tickets still waiting on someone (open or pending), whether or not the list shows closed ones too. */
export function selectOpenCount(state: Pick<TicketsState, 'tickets'>): number {
  return state.tickets.filter((ticket) => ticket.status === 'open' || ticket.status === 'pending').length;
}
