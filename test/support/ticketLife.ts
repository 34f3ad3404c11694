import { ticketFieldsOf, type TicketStatus, type TicketView } from '../../common/tickets/model.ts';
import type { apiCaller } from './apiCaller.ts';

/** A requester's ticket with text in every personal field a good ticket has. */
export async function fileTicket(
  call: ReturnType<typeof apiCaller>,
  fields: {
    customerId: string;
    environmentId?: string | null;
    requesterName: string;
    requesterEmail: string;
    subject: string;
    description?: string;
    externalRef: string;
    receivedAt: number;
  },
): Promise<TicketView> {
  return call.ok('tickets.save', { ticket: { environmentId: null, description: '', ...fields } });
}

/** Saves the ticket with a new status, everything else as it was (the store stamps the change with its clock). */
export async function setTicketStatus(
  call: ReturnType<typeof apiCaller>,
  ticket: TicketView,
  status: TicketStatus,
): Promise<TicketView> {
  return call.ok('tickets.save', {
    id: ticket.id,
    rowVersion: ticket.rowVersion,
    ticket: { ...ticketFieldsOf(ticket), status },
  });
}
