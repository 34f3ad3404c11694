import type { TicketView } from '../../../common/tickets/model.ts';

export interface TicketsState {
  tickets: TicketView[];
  showAll: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** The clock the SLA badges are computed against; it ticks, so "breached" appears the moment it is true. */
  now: number;
}

export const initialTicketsState: TicketsState = {
  tickets: [],
  showAll: false,
  status: 'idle',
  error: null,
  now: Date.now(),
};
