import { randomUUID } from 'node:crypto';
import { LotsenError } from '../../common/api/errors.ts';
import type { BillableWorkType } from '../../common/agreements/model.ts';
import type { TimeClassification, TimeEntryView, TimeSource } from '../../common/time/model.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import { createdStamp, updatedStamp } from '../registry/registryContext.ts';
import type { Db } from '../store/database.node.ts';

const entryColumns = (db: Db) =>
  db
    .selectFrom('time_entries')
    .innerJoin('tickets', 'tickets.id', 'time_entries.ticket_id')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .innerJoin('users as technician', 'technician.id', 'time_entries.technician_id')
    .selectAll('time_entries')
    .select([
      'tickets.subject as ticket_subject',
      'customers.id as customer_id',
      'customers.name as customer_name',
      'technician.name as technician_name',
    ]);

type EntryRow = Awaited<ReturnType<ReturnType<typeof entryColumns>['executeTakeFirstOrThrow']>>;

export async function listTimeEntries(
  db: Db,
  filter: { ticketId?: string; from?: number; to?: number } = {},
): Promise<TimeEntryView[]> {
  let query = entryColumns(db);
  if (filter.ticketId) query = query.where('time_entries.ticket_id', '=', filter.ticketId);
  if (filter.from !== undefined) query = query.where('time_entries.started_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('time_entries.started_at', '<', filter.to);
  return (await query.orderBy('time_entries.started_at').execute()).map(entryView);
}

export async function runningTimer(db: Db, technicianId: string): Promise<TimeEntryView | null> {
  const row = await entryColumns(db)
    .where('time_entries.technician_id', '=', technicianId)
    .where('time_entries.source', '=', 'timer')
    .where('time_entries.ended_at', 'is', null)
    .executeTakeFirst();
  return row ? entryView(row) : null;
}

/**
 * Starts the technician's timer on a ticket. The start is committed before this returns, so a crash or restart keeps
 * it; a timer already running is stopped first (one running timer per technician, as Freshdesk does).
 */
export async function startTimer(
  ctx: RegistryContext,
  ticketId: string,
  note: string,
): Promise<TimeEntryView> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    await assertTicket(trx, ticketId);
    const now = ctx.now();
    await trx
      .updateTable('time_entries')
      .set({ ended_at: now, ...updatedStamp(ctx) })
      .where('technician_id', '=', ctx.actorId)
      .where('source', '=', 'timer')
      .where('ended_at', 'is', null)
      .execute();
    return insertEntry(trx, ctx, {
      ticketId,
      startedAt: now,
      endedAt: null,
      source: 'timer',
      sessionId: null,
      note,
    });
  });
  return entryView(await entryColumns(ctx.db).where('time_entries.id', '=', id).executeTakeFirstOrThrow());
}

export async function stopTimer(ctx: RegistryContext): Promise<TimeEntryView | null> {
  const running = await runningTimer(ctx.db, ctx.actorId);
  if (running === null) return null;
  await ctx.db
    .updateTable('time_entries')
    .set({ ended_at: Math.max(ctx.now(), running.startedAt), ...updatedStamp(ctx) })
    .where('id', '=', running.id)
    .execute();
  return entryView(
    await entryColumns(ctx.db).where('time_entries.id', '=', running.id).executeTakeFirstOrThrow(),
  );
}

export async function addManualEntry(
  ctx: RegistryContext,
  entry: { ticketId: string; startedAt: number; endedAt: number; note: string },
): Promise<TimeEntryView> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    await assertTicket(trx, entry.ticketId);
    return insertEntry(trx, ctx, { ...entry, source: 'manual', sessionId: null });
  });
  return entryView(await entryColumns(ctx.db).where('time_entries.id', '=', id).executeTakeFirstOrThrow());
}

export async function insertEntry(
  db: Db,
  ctx: RegistryContext,
  entry: {
    ticketId: string;
    startedAt: number;
    endedAt: number | null;
    source: TimeSource;
    sessionId: string | null;
    note: string;
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('time_entries')
    .values({
      id,
      ticket_id: entry.ticketId,
      technician_id: ctx.actorId,
      started_at: entry.startedAt,
      ended_at: entry.endedAt,
      source: entry.source,
      session_id: entry.sessionId,
      note: entry.note,
      classification: 'unclassified',
      work_type: null,
      ...createdStamp(ctx),
    })
    .execute();
  return id;
}

async function assertTicket(db: Db, ticketId: string): Promise<void> {
  const ticket = await db.selectFrom('tickets').select('id').where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) throw new LotsenError('NOT_FOUND', 'No such ticket; it may have been deleted.');
}

function entryView(row: EntryRow): TimeEntryView {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    ticketSubject: row.ticket_subject,
    customerId: row.customer_id,
    customerName: row.customer_name,
    technicianId: row.technician_id,
    technicianName: row.technician_name,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    actualSeconds: row.ended_at === null ? null : Math.round((row.ended_at - row.started_at) / 1000),
    source: row.source as TimeSource,
    sessionId: row.session_id,
    note: row.note,
    classification: row.classification as TimeClassification,
    workType: row.work_type as BillableWorkType | null,
  };
}
