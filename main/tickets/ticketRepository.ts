import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ExpressionBuilder } from 'kysely';
import { keyedError, keyedIssue } from '../../common/api/errors.ts';
import type { Verdict } from '../../common/agreements/verdict.ts';
import {
  NO_DPA_WARNING,
  ticketFieldsOf,
  type EscalationBasis,
  type TicketFields,
  type TicketPriority,
  type TicketStatus,
  type TicketView,
} from '../../common/tickets/model.ts';
import { endOfDate, startOfDate } from '../agreements/agreementDates.ts';
import { evaluateEligibility } from '../agreements/eligibility.ts';
import { loadFacts } from '../agreements/eligibilityService.ts';
import { assertEscalationMovable, closedMonthAt, closedMonthValues } from '../billing/periodLocks.ts';
import { destroyDataKeys, PURGED_TEXT, sealPersonalFields } from '../personalData/personalDataKeys.ts';
import { openColumns, resealChanged } from '../personalData/sealedColumns.ts';
import type { Db } from '../store/database.node.ts';
import { openedVersion, staleSaveRefusal } from '../store/staleSave.ts';
import type { DatabaseSchema } from '../store/schema.ts';
import { responsiblePersonOf } from '../registry/customerRepository.ts';
import {
  assertCustomerExists,
  createdStamp,
  touchCustomer,
  updatedStamp,
  type RegistryContext,
} from '../registry/registryContext.ts';
import type { OfficeCalendar } from './officeCalendar.ts';
import { recordStatusChange } from './ticketPage.ts';
import { responseDue } from './slaClock.ts';
import { moveEscalation, recordEscalation, type EscalationException } from './ticketEscalation.ts';
import {
  ticketColumnNames,
  ticketOwner,
  ticketTexts,
  TICKET_SEALED_COLUMNS,
} from './ticketPersonalFields.ts';

export interface TicketFilter {
  customerId?: string;
  /** Open and pending tickets only (the working list), or every ticket. */
  openOnly?: boolean;
}

const firstResponseSession = (eb: ExpressionBuilder<DatabaseSchema, 'tickets'>) =>
  eb
    .selectFrom('sessions')
    .whereRef('sessions.ticket_id', '=', 'tickets.id')
    .whereRef('sessions.opened_at', '=', 'tickets.first_response_at')
    .orderBy('sessions.id')
    .limit(1);

const ticketColumns = (db: Db) =>
  db
    .selectFrom('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .innerJoin('users as updater', 'updater.id', 'tickets.updated_by')
    .leftJoin('agreement_services', 'agreement_services.id', 'tickets.service_id')
    .leftJoin('ticket_escalations as escalation', 'escalation.ticket_id', 'tickets.id')
    .leftJoin('users as escalator', 'escalator.id', 'escalation.escalated_by')
    .leftJoin('users as sender', 'sender.id', 'tickets.sent_back_by')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .selectAll('tickets')
    .select([
      'customers.name as customer_name',
      'customers.responsible_name',
      'customers.responsible_phone',
      'customers.responsible_email',
      'updater.name as updater_name',
      'sender.name as sent_back_by_name',
      'assignee.name as assignee_name',
      'agreement_services.name as service_name',
      'escalation.basis as escalation_basis',
      'escalation.fee_ore as escalation_fee_ore',
      'escalation.escalated_at as escalation_at',
      'escalation.reason as escalation_reason',
      'escalator.name as escalator_name',
    ])
    // The session that recorded the first response opened at that very instant (sessionBookkeeping.bookOpening).
    .select((eb) => [
      firstResponseSession(eb).select('sessions.id').as('first_response_session_id'),
      firstResponseSession(eb).select('sessions.title').as('first_response_session_title'),
    ]);

/**
 * Sorted by response due time, the order technicians work in; tickets that promise no response time (no agreement
 * in force) come after every promised one. Each carries its customer's eligibility verdict at `at`.
 */
export async function listTickets(db: Db, filter: TicketFilter = {}, at = Date.now()): Promise<TicketView[]> {
  let query = ticketColumns(db);
  if (filter.customerId) query = query.where('tickets.customer_id', '=', filter.customerId);
  if (filter.openOnly) query = query.where('tickets.status', 'in', ['open', 'pending']);
  const rows = await query
    .orderBy(sql`tickets.due_at IS NULL`)
    .orderBy('tickets.due_at')
    .orderBy('tickets.received_at')
    .execute();
  return ticketViews(db, rows, at);
}

export async function getTicket(db: Db, id: string, at = Date.now()): Promise<TicketView> {
  const row = await ticketColumns(db).where('tickets.id', '=', id).executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchTicket');
  return (await ticketViews(db, [row], at))[0]!;
}

/**
 * Creates or updates a ticket. The response time comes from the agreement in force when the ticket was received
 * (the one covering its service, else any), and is kept with the ticket so a later change of agreement does not
 * move old deadlines.
 */
export async function saveTicket(
  ctx: RegistryContext,
  calendar: OfficeCalendar,
  id: string | undefined,
  rowVersion: number | undefined,
  fields: TicketFields,
): Promise<TicketView> {
  return ctx.db.transaction().execute(async (trx) => {
    const ticketId = await writeTicket(trx, ctx, calendar, id, rowVersion, fields);
    return getTicket(trx, ticketId, ctx.now());
  });
}

/**
 * saveTicket's work, inside a transaction the caller holds (the registry import writes many at once); answers the
 * ticket's id. A new escalation needs the agreement's acute option, or `exception` (ticketEscalation.ts).
 */
export async function writeTicket(
  trx: Db,
  ctx: RegistryContext,
  calendar: OfficeCalendar,
  id: string | undefined,
  rowVersion: number | undefined,
  fields: TicketFields,
  exception: EscalationException | null = null,
): Promise<string> {
  await assertCustomerExists(trx, fields.customerId);
  await assertBelongsToCustomer(trx, fields);
  const previous =
    id === undefined
      ? undefined
      : await trx
          .selectFrom('tickets')
          .select([
            'customer_id',
            'escalated_at',
            'received_at',
            'service_id',
            'response_hours',
            ...TICKET_SEALED_COLUMNS,
            'first_response_at',
            'status',
          ])
          .where('id', '=', id)
          .executeTakeFirst();
  if (id !== undefined && !previous) throw keyedError('NOT_FOUND', 'records.noSuchTicket');
  // Logged time is billed to the ticket's customer: moving the ticket would move (or bill again) that time.
  if (
    id !== undefined &&
    previous &&
    previous.customer_id !== fields.customerId &&
    (await hasLoggedTime(trx, id))
  ) {
    throw keyedError(
      'CONFLICT',
      'records.ticketCustomerFixedByTime',
      {},
      { issues: [keyedIssue('ticket.customerId', 'records.ticketCustomerFixed')] },
    );
  }
  await assertEscalationMovable(
    trx,
    previous ? { customerId: previous.customer_id, escalatedAt: previous.escalated_at } : null,
    { customerId: fields.customerId, escalatedAt: fields.escalatedAt },
  );
  const sameContract =
    previous && previous.received_at === fields.receivedAt && previous.service_id === fields.serviceId;
  const responseHours = sameContract ? previous.response_hours : await responseHoursFor(trx, fields);
  // Leaving "open" means work has started: that is the first response if none was recorded. One recorded meanwhile
  // (a session opened for the ticket while a form was open) is kept when the save names none.
  const firstResponseAt =
    fields.firstResponseAt ??
    previous?.first_response_at ??
    (fields.status !== 'open' ? Math.max(ctx.now(), fields.receivedAt) : null);
  const due = responseDue(
    { receivedAt: fields.receivedAt, escalatedAt: fields.escalatedAt },
    responseHours,
    calendar,
  );
  const ticketId = id ?? randomUUID();
  const sealed = previous
    ? await resealChanged(trx, ticketOwner(ticketId), previous, ticketTexts(fields), ticketColumnNames)
    : await sealPersonalFields(trx, ticketOwner(ticketId), ticketTexts(fields));
  const columns = {
    customer_id: fields.customerId,
    external_ref: fields.externalRef,
    external_url: fields.externalUrl,
    service_id: fields.serviceId,
    environment_id: fields.environmentId,
    ...sealed,
    priority: fields.priority,
    received_at: fields.receivedAt,
    status: fields.status,
    first_response_at: firstResponseAt,
    escalated_at: fields.escalatedAt,
    has_screenshot: fields.hasScreenshot ? 1 : 0,
    response_hours: responseHours,
    standard_due_at: due.standardDueAt,
    acute_due_at: due.acuteDueAt,
    due_at: due.dueAt,
  };
  if (id === undefined) {
    await trx
      .insertInto('tickets')
      .values({ id: ticketId, ...columns, ...createdStamp(ctx) })
      .execute();
  } else {
    const result = await trx
      .updateTable('tickets')
      .set({ ...columns, ...updatedStamp(ctx) })
      .where('id', '=', id)
      .where('row_version', '=', openedVersion(rowVersion))
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw await staleSaveRefusal(trx, ctx.actorId, {
        table: 'tickets',
        id,
        record: 'ticket',
        notFound: 'No such ticket; it may have been deleted.',
        view: () => getTicket(trx, id, ctx.now()),
        submitted: fields,
        stored: ticketFieldsOf,
      });
    }
  }
  await recordStatusChange(
    trx,
    ctx,
    ticketId,
    (previous?.status as TicketStatus | undefined) ?? null,
    fields.status,
  );
  if (fields.escalatedAt !== null && (previous?.escalated_at ?? null) === null) {
    await recordEscalation(
      trx,
      ctx,
      {
        id: ticketId,
        customerId: fields.customerId,
        serviceId: fields.serviceId,
        escalatedAt: fields.escalatedAt,
      },
      exception,
    );
  } else if (previous && previous.escalated_at !== fields.escalatedAt) {
    await moveEscalation(trx, ticketId, fields.escalatedAt);
  }
  await touchCustomer(trx, ctx, fields.customerId);
  return ticketId;
}

async function hasLoggedTime(db: Db, ticketId: string): Promise<boolean> {
  const timed = await db
    .selectFrom('time_entries')
    .select('id')
    .where('ticket_id', '=', ticketId)
    .limit(1)
    .executeTakeFirst();
  return timed !== undefined;
}

async function assertBelongsToCustomer(db: Db, fields: TicketFields): Promise<void> {
  if (fields.serviceId !== null) {
    const service = await db
      .selectFrom('agreement_services')
      .innerJoin('agreements', 'agreements.id', 'agreement_services.agreement_id')
      .select('agreements.customer_id')
      .where('agreement_services.id', '=', fields.serviceId)
      .executeTakeFirst();
    if (service?.customer_id !== fields.customerId) {
      throw keyedError(
        'VALIDATION',
        'records.serviceNotCustomers',
        {},
        { issues: [keyedIssue('ticket.serviceId', 'records.serviceNotInAgreements')] },
      );
    }
  }
  if (fields.environmentId !== null) {
    const env = await db
      .selectFrom('environments')
      .select('customer_id')
      .where('id', '=', fields.environmentId)
      .executeTakeFirst();
    if (env?.customer_id !== fields.customerId) {
      throw keyedError(
        'VALIDATION',
        'records.environmentNotCustomers',
        {},
        { issues: [keyedIssue('ticket.environmentId', 'records.notEnvironmentOfCustomer')] },
      );
    }
  }
}

/** The office hours the agreement in force when the ticket came promises; null when none is in force. */
async function responseHoursFor(db: Db, fields: TicketFields): Promise<number | null> {
  const agreements = await db
    .selectFrom('agreements')
    .leftJoin('agreement_services', 'agreement_services.agreement_id', 'agreements.id')
    .select([
      'agreements.starts_on',
      'agreements.ends_on',
      'agreements.response_hours',
      'agreement_services.id as service_id',
    ])
    .where('agreements.customer_id', '=', fields.customerId)
    .execute();
  const inForce = agreements.filter(
    (a) =>
      startOfDate(a.starts_on) <= fields.receivedAt &&
      (a.ends_on === null || fields.receivedAt < endOfDate(a.ends_on)),
  );
  const covering =
    inForce.find((a) => fields.serviceId !== null && a.service_id === fields.serviceId) ?? inForce[0];
  return covering?.response_hours ?? null;
}

export async function deleteTicket(ctx: RegistryContext, id: string): Promise<string> {
  // Checks and delete in one transaction, as saveTicket writes: a month approved between the check and
  // the delete would otherwise bill an escalation fee naming a ticket that is gone.
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('tickets')
      .select(['customer_id', 'escalated_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw keyedError('NOT_FOUND', 'records.noSuchTicket');
    if (await hasLoggedTime(trx, id)) {
      // Logged time is accounting material (kept seven years): the ticket stays; close it instead.
      throw keyedError('CONFLICT', 'records.ticketHasLoggedTime');
    }
    const billedFee =
      row.escalated_at === null ? null : await closedMonthAt(trx, row.customer_id, row.escalated_at);
    if (billedFee) {
      // So is an escalation fee on an invoice: its line names the ticket.
      throw keyedError('CONFLICT', 'records.ticketFeeBilled', closedMonthValues(billedFee), {
        batchNumber: billedFee.number,
        month: billedFee.month,
      });
    }
    await trx.deleteFrom('tickets').where('id', '=', id).execute();
    await destroyDataKeys(trx, [ticketOwner(id)]);
    return row.customer_id;
  });
}

type TicketRow = Awaited<ReturnType<ReturnType<typeof ticketColumns>['executeTakeFirstOrThrow']>>;

async function ticketViews(db: Db, rows: readonly TicketRow[], at: number): Promise<TicketView[]> {
  if (rows.length === 0) return [];
  const [opened, facts] = await Promise.all([
    openColumns(db, rows, [...TICKET_SEALED_COLUMNS, 'escalation_reason']),
    loadFacts(db, [...new Set(rows.map((r) => r.customer_id))]),
  ]);
  return opened.map((row) => {
    const customerFacts = facts.get(row.customer_id)!;
    // A purged e-mail names nobody: it is no one's to warn about, nor a match for a contact's.
    const requesterEmail = row.requester_email === PURGED_TEXT ? null : row.requester_email;
    const verdict = evaluateEligibility(customerFacts, {
      at,
      environmentId: row.environment_id,
      serviceId: row.service_id,
      requesterEmail,
    });
    // Both e-mails are sealed, so whether the requester is a named contact is decided here (case-insensitively).
    const requester = requesterEmail?.toLocaleLowerCase('sv');
    const requesterIsContact = customerFacts.contacts.some(
      (contact) => contact.email !== PURGED_TEXT && contact.email.toLocaleLowerCase('sv') === requester,
    );
    return ticketView(row, requesterIsContact, verdict);
  });
}

function ticketView(row: TicketRow, requesterIsContact: boolean, verdict: Verdict): TicketView {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    externalRef: row.external_ref,
    externalUrl: row.external_url,
    requesterName: row.requester_name,
    requesterEmail: row.requester_email,
    requesterIsContact,
    serviceId: row.service_id,
    serviceName: row.service_name,
    environmentId: row.environment_id,
    subject: row.subject,
    description: row.description,
    priority: row.priority as TicketPriority,
    receivedAt: row.received_at,
    status: row.status as TicketStatus,
    firstResponseAt: row.first_response_at,
    firstResponseSession:
      row.first_response_session_id === null
        ? null
        : { id: row.first_response_session_id, title: row.first_response_session_title ?? '' },
    responsiblePerson: responsiblePersonOf(row),
    escalatedAt: row.escalated_at,
    affectedUsers: row.affected_users,
    schoolAndClass: row.school_and_class,
    problemStarted: row.problem_started,
    hasScreenshot: row.has_screenshot === 1,
    pageLinks: row.page_links,
    browser: row.browser,
    responseHours: row.response_hours,
    standardDueAt: row.standard_due_at,
    acuteDueAt: row.acute_due_at,
    dueAt: row.due_at,
    escalation:
      row.escalation_basis === null
        ? null
        : {
            basis: row.escalation_basis as EscalationBasis,
            feeOre: row.escalation_fee_ore!,
            at: row.escalation_at!,
            by: row.escalator_name ?? '',
            reason: row.escalation_reason,
          },
    verdict,
    personalDataWarning: verdict.hasValidDpa ? null : NO_DPA_WARNING,
    updatedAt: row.updated_at,
    updatedBy: row.updater_name,
    sentBackAt: row.sent_back_at,
    sentBackBy: row.sent_back_by_name,
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? '' },
    rowVersion: row.row_version,
  };
}
