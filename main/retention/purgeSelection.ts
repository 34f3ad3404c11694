import type { PurgePreview, PurgeTicket, RetentionPolicy } from '../../common/retention/model.ts';
import { liveSessionStates } from '../../common/sessions/model.ts';
import type { TicketStatus } from '../../common/tickets/model.ts';
import { startOfDate } from '../agreements/agreementDates.ts';
import type { Db } from '../store/database.node.ts';
import { cutoffDate } from './purgeCalendar.ts';
import { recordingsOfTickets } from './ticketShredding.ts';

/**
 * What a purge on `purgeDate` takes (the rule in common/retention/model.ts): resolved or closed tickets not purged
 * yet, last changed (the ticket itself, its latest time entry or session) before the cutoff day, with no session or
 * timer running; and the month keys of months that ended before the cutoff day. Reads ids, statuses and instants
 * only, never personal columns.
 */
export async function selectPurge(db: Db, policy: RetentionPolicy, purgeDate: string): Promise<PurgePreview> {
  const cutoff = cutoffDate(policy, purgeDate);
  const cutoffAt = startOfDate(cutoff);
  const rows = await db
    .selectFrom('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .select((eb) => [
      'tickets.id',
      'tickets.customer_id',
      'customers.name as customer_name',
      'tickets.external_ref',
      'tickets.status',
      'tickets.updated_at',
      eb
        .selectFrom('time_entries')
        .select((inner) => inner.fn.max(inner.fn.coalesce('ended_at', 'started_at')).as('at'))
        .whereRef('time_entries.ticket_id', '=', 'tickets.id')
        .as('time_at'),
      eb
        .selectFrom('sessions')
        .select((inner) => inner.fn.max(inner.fn.coalesce('closed_at', 'opened_at')).as('at'))
        .whereRef('sessions.ticket_id', '=', 'tickets.id')
        .as('session_at'),
      eb
        .exists(
          eb
            .selectFrom('time_entries')
            .select('id')
            .whereRef('time_entries.ticket_id', '=', 'tickets.id')
            .where('ended_at', 'is', null),
        )
        .as('timer_running'),
      eb
        .exists(
          eb
            .selectFrom('sessions')
            .select('id')
            .whereRef('sessions.ticket_id', '=', 'tickets.id')
            .where('state', 'in', liveSessionStates),
        )
        .as('session_live'),
    ])
    .where('tickets.status', 'in', ['resolved', 'closed'])
    .where('tickets.purged_at', 'is', null)
    .orderBy('customers.name')
    .orderBy('tickets.received_at')
    .execute();

  const tickets: PurgeTicket[] = [];
  for (const row of rows) {
    if (row.timer_running || row.session_live) continue;
    const lastActivityAt = Math.max(row.updated_at, Number(row.time_at ?? 0), Number(row.session_at ?? 0));
    if (lastActivityAt >= cutoffAt) continue;
    tickets.push({
      ticketId: row.id,
      customerId: row.customer_id,
      customerName: row.customer_name,
      externalRef: row.external_ref,
      status: row.status as TicketStatus,
      lastActivityAt,
    });
  }

  const perCustomer = new Map<string, PurgePreview['customers'][number]>();
  for (const ticket of tickets) {
    const entry = perCustomer.get(ticket.customerId) ?? {
      customerId: ticket.customerId,
      customerName: ticket.customerName,
      tickets: 0,
    };
    entry.tickets += 1;
    perCustomer.set(ticket.customerId, entry);
  }

  // A month ended before the cutoff day when it is before the cutoff day's month (YYYY-MM sorts as text).
  const months = await db
    .selectFrom('personal_data_keys')
    .select('owner_id')
    .where('owner_kind', '=', 'month')
    .where('owner_id', '<', cutoff.slice(0, 7))
    .orderBy('owner_id')
    .execute();

  return {
    purgeDate,
    cutoffDate: cutoff,
    // The rule as applied, without the version a stored policy is read with (the preview is not a form to save).
    policy: { purgeMonthDay: policy.purgeMonthDay, keepClosedDays: policy.keepClosedDays },
    customers: [...perCustomer.values()],
    tickets,
    months: months.map((m) => m.owner_id),
    recordings: (
      await recordingsOfTickets(
        db,
        tickets.map((t) => t.ticketId),
      )
    ).length,
  };
}
