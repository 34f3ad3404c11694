import { ticketFieldsOf, type TicketFields } from '../../common/tickets/model.ts';
import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { swedishOfficeCalendar } from './officeCalendar.ts';
import { acuteOptionAt } from './ticketEscalation.ts';
import { deleteTicket, getTicket, listTickets, saveTicket, writeTicket } from './ticketRepository.ts';
import { sendTicketBack } from './ticketSendBack.ts';
import {
  addNote,
  assignTicket,
  attachScreenshot,
  listAssignees,
  screenshotContent,
  ticketTimeline,
} from './ticketPage.ts';

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
    const current = await getTicket(c.db, id, c.now());
    // Against the version just read: a save made meanwhile is not overwritten by this one.
    return changed(await saveTicket(c, calendar, id, current.rowVersion, change(ticketFieldsOf(current))));
  };

  return {
    'tickets.list': async (filter) => listTickets(ctx().db, filter, backend.now()),
    'tickets.get': async ({ id }) => getTicket(ctx().db, id, backend.now()),
    'tickets.save': async ({ id, rowVersion, ticket }) =>
      changed(await saveTicket(ctx(), calendar, id, rowVersion, ticket)),
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
    'tickets.timeline': async ({ id }) => {
      const c = ctx();
      // Finance reads no session of anyone's (main/team/tableRulesSql.ts): its timeline has notes, time and statuses.
      const finance = c.principal.kind === 'member' && c.principal.workRole === 'finance';
      return ticketTimeline(c.db, id, { sessions: !finance });
    },
    'tickets.addNote': async (input) => {
      const note = await addNote(ctx(), backend.audit(), input);
      const ticket = await getTicket(ctx().db, input.ticketId, backend.now());
      changed(ticket);
      return note;
    },
    'tickets.attachScreenshot': async (input) => {
      const view = await attachScreenshot(ctx(), backend.audit(), input);
      changed(await getTicket(ctx().db, input.ticketId, backend.now()));
      return view;
    },
    'tickets.screenshot': async ({ id }) => screenshotContent(ctx().db, id),
    'tickets.assignees': async () => listAssignees(ctx().db),
    'tickets.assign': async ({ id, assigneeId }) => {
      await assignTicket(ctx(), id, assigneeId);
      return changed(await getTicket(ctx().db, id, backend.now()));
    },
    'tickets.sendBack': async ({ id }) => changed(await sendTicketBack(ctx(), backend.audit(), id)),
    'tickets.escalate': async ({ id, at, exception }) => {
      const c = ctx();
      const current = await getTicket(c.db, id, c.now());
      const escalatedAt = current.escalatedAt ?? Math.max(at ?? backend.now(), current.receivedAt);
      // An exception is only one when the option does not cover the escalation; under the option it is not needed.
      const needsException =
        current.escalatedAt === null &&
        exception !== undefined &&
        !('agreementId' in (await acuteOptionAt(c.db, current, escalatedAt)));
      if (!needsException) return update(id, (fields) => ({ ...fields, escalatedAt }));
      // The exception is audited with the escalation it makes, in one transaction: ids and the fee, never the reason.
      const escalated = await backend.audit().appendWith(
        async (trx) => {
          await writeTicket(
            trx,
            c,
            calendar,
            id,
            current.rowVersion,
            { ...ticketFieldsOf(current), escalatedAt },
            exception,
          );
          return getTicket(trx, id, c.now());
        },
        (ticket) => ({
          event: 'ticket.escalation_exception',
          subject: { type: 'ticket', id },
          details: {
            ticketId: id,
            customerId: ticket.customerId,
            escalatedAt,
            feeOre: ticket.escalation?.feeOre ?? 0,
          },
        }),
      );
      return changed(escalated);
    },
  };
}
