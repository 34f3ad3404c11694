import { keyedError } from '../../common/api/errors.ts';
import type { TicketView } from '../../common/tickets/model.ts';
import type { AuditTrail } from '../audit/auditTrail.node.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import { getTicket } from './ticketRepository.ts';
import { recordStatusChange } from './ticketPage.ts';
import { nextRowVersion } from '../store/rowVersion.ts';

/**
 * Sends a ticket from someone who is not a named support contact back to the customer's contacts: the vendor gives
 * 2nd-line support to named contacts only, and first line is the customer's (DOMAIN: "Who is involved"). Lotsen
 * records who did it and when on the ticket, in one transaction with its audit event (ids only: the requester's
 * name and address are personal data).
 *
 * The ticket is then resolved, not pending: pending means the vendor waits to go on with the case, while here the
 * vendor's part is done and the case is the customer's own; a named contact who needs 2nd line asks on their own
 * behalf (resolved, unlike closed, can still be reopened). Redirecting the requester is the vendor's response, so
 * it is recorded as the first response when none was, and the SLA clock stops.
 */
export async function sendTicketBack(
  ctx: RegistryContext,
  audit: AuditTrail,
  id: string,
): Promise<TicketView> {
  return audit.appendWith(
    async (trx) => {
      const ticket = await getTicket(trx, id);
      if (ticket.sentBackAt !== null) {
        throw keyedError('CONFLICT', 'records.ticketAlreadySentBack');
      }
      if (ticket.requesterIsContact) {
        throw keyedError('CONFLICT', 'records.requesterIsContact', { customer: ticket.customerName });
      }
      if (ticket.status === 'resolved' || ticket.status === 'closed') {
        throw keyedError(
          'CONFLICT',
          ticket.status === 'resolved' ? 'records.ticketResolvedReopen' : 'records.ticketClosedReopen',
        );
      }
      const now = ctx.now();
      await trx
        .updateTable('tickets')
        .set({
          sent_back_at: now,
          sent_back_by: ctx.actorId,
          status: 'resolved',
          first_response_at: ticket.firstResponseAt ?? Math.max(now, ticket.receivedAt),
          updated_at: now,
          updated_by: ctx.actorId,
          ...nextRowVersion(),
        })
        .where('id', '=', id)
        .execute();
      await recordStatusChange(trx, ctx, id, ticket.status, 'resolved');
      return getTicket(trx, id);
    },
    (ticket) => ({
      event: 'ticket.sent_back',
      subject: { type: 'ticket', id: ticket.id },
      details: { customerId: ticket.customerId },
    }),
  );
}
