import type { TicketStatus, TicketView } from '../../common/tickets/model.ts';
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
    ticket: {
      customerId: ticket.customerId,
      externalRef: ticket.externalRef,
      externalUrl: ticket.externalUrl,
      requesterName: ticket.requesterName,
      requesterEmail: ticket.requesterEmail,
      serviceId: ticket.serviceId,
      environmentId: ticket.environmentId,
      subject: ticket.subject,
      description: ticket.description,
      priority: ticket.priority,
      receivedAt: ticket.receivedAt,
      status,
      firstResponseAt: ticket.firstResponseAt,
      escalatedAt: ticket.escalatedAt,
      affectedUsers: ticket.affectedUsers,
      schoolAndClass: ticket.schoolAndClass,
      problemStarted: ticket.problemStarted,
      hasScreenshot: ticket.hasScreenshot,
      pageLinks: ticket.pageLinks,
      browser: ticket.browser,
    },
  });
}
