import type { TicketFields, TicketView } from '../../common/tickets/model.ts';
import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { swedishOfficeCalendar } from './officeCalendar.ts';
import { deleteTicket, getTicket, listTickets, saveTicket } from './ticketRepository.ts';
import { sendTicketBack } from './ticketSendBack.ts';

type TicketHandlers = Pick<Handlers, Extract<keyof Handlers, `tickets.${string}`>>;

export function ticketHandlers(backend: Backend): TicketHandlers {
  const calendar = swedishOfficeCalendar();
  const ctx = () => backend.registryContext();
  const changed = <T extends { id: string; customerId: string }>(ticket: T): T => {
    backend.emit('tickets.changed', { ticketId: ticket.id, customerId: ticket.customerId });
    return ticket;
  };
  const update = async (id: string, change: (fields: TicketFields) => TicketFields) => {
    const c = ctx();
    const current = await getTicket(c.db, id);
    return changed(await saveTicket(c, calendar, id, change(fieldsOf(current))));
  };

  return {
    'tickets.list': async (filter) => listTickets(ctx().db, filter),
    'tickets.get': async ({ id }) => getTicket(ctx().db, id),
    'tickets.save': async ({ id, ticket }) => changed(await saveTicket(ctx(), calendar, id, ticket)),
    'tickets.delete': async ({ id }) => {
      const customerId = await deleteTicket(ctx(), id);
      changed({ id, customerId });
      return null;
    },
    'tickets.recordFirstResponse': async ({ id, at }) =>
      update(id, (fields) => ({
        ...fields,
        firstResponseAt: fields.firstResponseAt ?? Math.max(at ?? backend.now(), fields.receivedAt),
      })),
    'tickets.sendBack': async ({ id }) => changed(await sendTicketBack(ctx(), backend.audit(), id)),
    'tickets.escalate': async ({ id, at }) =>
      update(id, (fields) => ({
        ...fields,
        escalatedAt: fields.escalatedAt ?? Math.max(at ?? backend.now(), fields.receivedAt),
      })),
  };
}

function fieldsOf(ticket: TicketView): TicketFields {
  return {
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
    status: ticket.status,
    firstResponseAt: ticket.firstResponseAt,
    escalatedAt: ticket.escalatedAt,
    affectedUsers: ticket.affectedUsers,
    schoolAndClass: ticket.schoolAndClass,
    problemStarted: ticket.problemStarted,
    hasScreenshot: ticket.hasScreenshot,
    pageLinks: ticket.pageLinks,
    browser: ticket.browser,
  };
}
