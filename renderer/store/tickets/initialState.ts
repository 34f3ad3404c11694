import type { TicketView } from '../../../common/tickets/model.ts';
import type { Assignee, TicketTimeline } from '../../../common/tickets/ticketPage.ts';

/** The ticket a ticket page shows, with its timeline, loaded by id and followed while the page is open. */
export interface TicketPageState {
  id: string;
  ticket: TicketView | null;
  timeline: TicketTimeline | null;
  status: 'loading' | 'ready' | 'missing' | 'error';
  error: string | null;
}

export interface TicketsState {
  tickets: TicketView[];
  showAll: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** The clock the SLA badges are computed against; it ticks, so "breached" appears the moment it is true. */
  now: number;
  page: TicketPageState | null;
  /** Who a ticket may be assigned to; loaded when a ticket page first opens. */
  assignees: Assignee[] | null;
}

export const initialTicketsState: TicketsState = {
  tickets: [],
  showAll: false,
  status: 'idle',
  error: null,
  now: Date.now(),
  page: null,
  assignees: null,
};
