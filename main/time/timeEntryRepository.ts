import { randomUUID } from 'node:crypto';
import type { ErrorDetailKey } from '../../common/api/errorDetails/index.ts';
import { keyedError, keyedIssue } from '../../common/api/errors.ts';
import type { BillableWorkType } from '../../common/agreements/model.ts';
import type { ChargeClassification } from '../../common/billing/model.ts';
import {
  timeSpanProblem,
  type TimeSpanProblem,
  type TimeClassification,
  type TimeEntryUpdate,
  type TimeEntryView,
  type TimeSource,
} from '../../common/time/model.ts';
import { holdMonthsOpen } from '../billing/monthTurns.ts';
import { assertEntryUnlocked, assertPeriodOpen, withLockErrors } from '../billing/periodLocks.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import { createdStamp, updatedStamp } from '../registry/registryContext.ts';
import { staleSaveRefusal } from '../store/staleSave.ts';
import { openPersonalText, PURGED_TEXT, sealPersonal } from '../personalData/personalDataKeys.ts';
import { openColumns, purgedFieldError } from '../personalData/sealedColumns.ts';
import type { Db } from '../store/database.node.ts';
import { assertMayTouch } from '../users/rowRules.ts';
import { ticketOwner } from '../tickets/ticketPersonalFields.ts';
import { withSuggestions } from './classification.ts';
import { withVerdicts } from './entryVerdicts.ts';

/** An entry's span refused, by the problem common/ names (it words the same check in forms). */
const timeSpanKeys = {
  'The end must be after the start': 'records.entryEndNotAfterStart',
  'One entry covers at most 24 hours': 'records.entryOver24Hours',
} as const satisfies Record<TimeSpanProblem, ErrorDetailKey>;

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

/** A page of entries in (start, id) order, after the `after` entry when given. */
export async function listTimeEntries(
  db: Db,
  filter: {
    ticketId?: string;
    customerId?: string;
    from?: number;
    to?: number;
    after?: { startedAt: number; id: string };
    limit: number;
    /** Only this person's entries (a technician sees only their own time). */
    technicianId?: string;
  },
): Promise<TimeEntryView[]> {
  let query = entryColumns(db);
  if (filter.technicianId) query = query.where('time_entries.technician_id', '=', filter.technicianId);
  if (filter.ticketId) query = query.where('time_entries.ticket_id', '=', filter.ticketId);
  if (filter.customerId) query = query.where('customers.id', '=', filter.customerId);
  if (filter.from !== undefined) query = query.where('time_entries.started_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('time_entries.started_at', '<', filter.to);
  const after = filter.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('time_entries.started_at', 'time_entries.id'), '>', eb.tuple(after.startedAt, after.id)),
    );
  }
  const rows = await query
    .orderBy('time_entries.started_at')
    .orderBy('time_entries.id')
    .limit(filter.limit)
    .execute();
  return withSuggestions(db, await withVerdicts(db, await entryViews(db, rows)));
}

/** One entry as the API shows it, with its suggestion when unclassified. */
export async function getTimeEntry(db: Db, id: string): Promise<TimeEntryView> {
  const row = await entryColumns(db).where('time_entries.id', '=', id).executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchTimeEntry');
  return (await withSuggestions(db, await withVerdicts(db, await entryViews(db, [row]))))[0]!;
}

export async function runningTimer(db: Db, technicianId: string): Promise<TimeEntryView | null> {
  const row = await entryColumns(db)
    .where('time_entries.technician_id', '=', technicianId)
    .where('time_entries.source', '=', 'timer')
    .where('time_entries.ended_at', 'is', null)
    .executeTakeFirst();
  return row ? (await withSuggestions(db, await withVerdicts(db, await entryViews(db, [row]))))[0]! : null;
}

// Each write below answers with the entry as read inside its own transaction, not by a query after the COMMIT: on a
// team database a connection lost between the two answered DATABASE_UNREACHABLE for an entry that was saved, and the
// person's retry added it twice (the team load bench's cut showed it for most such calls).

/**
 * Starts the technician's timer on a ticket. The start is committed before this returns, so a crash or restart keeps
 * it; a timer already running is stopped first (one running timer per technician, as Freshdesk does).
 */
export async function startTimer(
  ctx: RegistryContext,
  ticketId: string,
  note: string,
): Promise<TimeEntryView> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertTicket(trx, ticketId);
    const now = ctx.now();
    const running = await trx
      .selectFrom('time_entries')
      .select(['ticket_id as ticketId', 'started_at as startedAt'])
      .where('technician_id', '=', ctx.actorId)
      .where('source', '=', 'timer')
      .where('ended_at', 'is', null)
      .execute();
    await holdMonthsOpen(trx, [...running, { ticketId, startedAt: now }]);
    await trx
      .updateTable('time_entries')
      .set({ ended_at: now, ...updatedStamp(ctx) })
      .where('technician_id', '=', ctx.actorId)
      .where('source', '=', 'timer')
      .where('ended_at', 'is', null)
      .execute();
    const id = await insertEntry(trx, ctx, {
      ticketId,
      startedAt: now,
      endedAt: null,
      source: 'timer',
      sessionId: null,
      note,
    });
    return getTimeEntry(trx, id);
  });
}

export async function stopTimer(ctx: RegistryContext): Promise<TimeEntryView | null> {
  const running = await runningTimer(ctx.db, ctx.actorId);
  if (running === null) return null;
  return withLockErrors(() =>
    ctx.db.transaction().execute(async (trx) => {
      await holdMonthsOpen(trx, [running]);
      await assertEntryUnlocked(trx, running.id);
      await trx
        .updateTable('time_entries')
        .set({ ended_at: Math.max(ctx.now(), running.startedAt), ...updatedStamp(ctx) })
        .where('id', '=', running.id)
        .execute();
      return getTimeEntry(trx, running.id);
    }),
  );
}

export async function addManualEntry(
  ctx: RegistryContext,
  entry: { ticketId: string; startedAt: number; endedAt: number; note: string },
): Promise<TimeEntryView> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertTicket(trx, entry.ticketId);
    const id = await insertEntry(trx, ctx, { ...entry, source: 'manual', sessionId: null });
    return getTimeEntry(trx, id);
  });
}

/**
 * Sets how an entry is charged, against the version finance read (a stale one is refused, like `updateEntry`).
 * Running entries may be classified; locked ones may not.
 */
export async function classifyEntry(
  ctx: RegistryContext,
  input: {
    entryId: string;
    rowVersion: number;
    classification: ChargeClassification;
    workType: BillableWorkType | null;
  },
): Promise<TimeEntryView> {
  const current = await getTimeEntry(ctx.db, input.entryId);
  assertMayTouch(ctx.principal, 'classifyTime', current.technicianId, 'classify');
  await assertEntryUnlocked(ctx.db, input.entryId);
  return withLockErrors(() =>
    ctx.db.transaction().execute(async (trx) => {
      await holdMonthsOpen(trx, [current]);
      await assertEntryUnlocked(trx, input.entryId);
      const result = await trx
        .updateTable('time_entries')
        .set({
          classification: input.classification,
          work_type: input.classification === 'billable' ? input.workType : null,
          ...updatedStamp(ctx),
        })
        .where('id', '=', input.entryId)
        .where('row_version', '=', input.rowVersion)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        const { entryId: _id, rowVersion: _version, ...submitted } = input;
        throw await staleSaveRefusal(trx, ctx.actorId, {
          table: 'time_entries',
          id: input.entryId,
          record: 'time entry',
          notFound: 'No such time entry; it may have been deleted.',
          view: () => getTimeEntry(trx, input.entryId),
          submitted,
        });
      }
      return getTimeEntry(trx, input.entryId);
    }),
  );
}

/**
 * Edits a stopped entry: its note always; its ticket and times only when it came from a timer or was typed in
 * (a session's times are the session's). Neither the entry nor where it moves to may be in an approved month.
 */
export async function updateEntry(ctx: RegistryContext, update: TimeEntryUpdate): Promise<TimeEntryView> {
  const current = await getTimeEntry(ctx.db, update.id);
  assertMayTouch(ctx.principal, 'writeTime', current.technicianId, 'edit');
  await assertEntryUnlocked(ctx.db, update.id);
  if (current.endedAt === null) {
    throw keyedError('CONFLICT', 'records.entryStillRunning');
  }
  const movesTime =
    update.ticketId !== undefined || update.startedAt !== undefined || update.endedAt !== undefined;
  if (movesTime && current.source === 'session') {
    throw keyedError('CONFLICT', 'records.sessionEntryFixed');
  }
  const next = {
    ticketId: update.ticketId ?? current.ticketId,
    startedAt: update.startedAt ?? current.startedAt,
    endedAt: update.endedAt ?? current.endedAt,
  };
  const problem = timeSpanProblem(next.startedAt, next.endedAt);
  if (problem !== null) {
    const key = timeSpanKeys[problem];
    throw keyedError('VALIDATION', key, {}, { issues: [keyedIssue('endedAt', key)] });
  }
  return withLockErrors(() =>
    ctx.db.transaction().execute(async (trx) => {
      await holdMonthsOpen(trx, [current, next]);
      await assertEntryUnlocked(trx, update.id);
      await assertTicket(trx, next.ticketId);
      await assertPeriodOpen(trx, next.ticketId, next.startedAt);
      const note = await noteToWrite(trx, update.id, next.ticketId, update.note);
      const result = await trx
        .updateTable('time_entries')
        .set({
          ticket_id: next.ticketId,
          started_at: next.startedAt,
          ended_at: next.endedAt,
          ...(note !== null ? { note } : {}),
          ...updatedStamp(ctx),
        })
        .where('id', '=', update.id)
        .where('row_version', '=', update.rowVersion)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        const { id: _id, rowVersion: _version, ...submitted } = update;
        throw await staleSaveRefusal(trx, ctx.actorId, {
          table: 'time_entries',
          id: update.id,
          record: 'time entry',
          notFound: 'No such time entry; it may have been deleted.',
          view: () => getTimeEntry(trx, update.id),
          submitted,
        });
      }
      return getTimeEntry(trx, update.id);
    }),
  );
}

/** Deletes a timer or manual entry that is not locked; a session's entry stays with its session. */
export async function deleteEntry(ctx: RegistryContext, id: string): Promise<TimeEntryView> {
  const current = await getTimeEntry(ctx.db, id);
  assertMayTouch(ctx.principal, 'writeTime', current.technicianId, 'delete');
  await assertEntryUnlocked(ctx.db, id);
  if (current.source === 'session') {
    throw keyedError('CONFLICT', 'records.sessionEntryNotDeletable');
  }
  await withLockErrors(() =>
    ctx.db.transaction().execute(async (trx) => {
      await holdMonthsOpen(trx, [current]);
      await assertEntryUnlocked(trx, id);
      await trx.deleteFrom('time_entries').where('id', '=', id).execute();
    }),
  );
  return current;
}

export async function insertEntry(
  db: Db,
  ctx: RegistryContext,
  entry: {
    /** Given by a session's books, whose entry may wait in the local queue (main/team/outbox/) before it is written. */
    id?: string;
    ticketId: string;
    startedAt: number;
    endedAt: number | null;
    source: TimeSource;
    sessionId: string | null;
    note: string;
    classification?: TimeClassification;
    workType?: BillableWorkType | null;
  },
): Promise<string> {
  const id = entry.id ?? randomUUID();
  await holdMonthsOpen(db, [entry]);
  await assertPeriodOpen(db, entry.ticketId, entry.startedAt);
  const note = await sealPersonal(db, ticketOwner(entry.ticketId), entry.note);
  await withLockErrors(() =>
    db
      .insertInto('time_entries')
      .values({
        id,
        ticket_id: entry.ticketId,
        technician_id: ctx.actorId,
        started_at: entry.startedAt,
        ended_at: entry.endedAt,
        source: entry.source,
        session_id: entry.sessionId,
        note,
        classification: entry.classification ?? 'unclassified',
        work_type: entry.workType ?? null,
        ...createdStamp(ctx),
      })
      .execute(),
  );
  return id;
}

async function assertTicket(db: Db, ticketId: string): Promise<void> {
  const ticket = await db.selectFrom('tickets').select('id').where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) throw keyedError('NOT_FOUND', 'records.noSuchTicket');
}

/**
 * The note an edit writes, sealed under the entry's ticket: null to keep the stored one. A note moved to another
 * ticket is sealed again under that ticket's key, so purging a ticket takes every note logged against it.
 */
async function noteToWrite(
  db: Db,
  entryId: string,
  ticketId: string,
  text: string | undefined,
): Promise<string | null> {
  const stored = await db
    .selectFrom('time_entries')
    .select(['ticket_id', 'note'])
    .where('id', '=', entryId)
    .executeTakeFirstOrThrow();
  const current = await openPersonalText(db, stored.note);
  if (current === null) {
    // A purged note stays purged wherever the entry goes; a new text for it would need the destroyed key.
    if (text === undefined || text === PURGED_TEXT) return null;
    throw purgedFieldError({ purged: 'records.purgedEntryNote', path: 'note' });
  }
  const next = text ?? current;
  if (stored.ticket_id === ticketId && next === current) return null;
  return sealPersonal(db, ticketOwner(ticketId), next);
}

/** The rows as views, the ticket's subject and the note opened in memory (one openPersonal call for the list). */
async function entryViews(db: Db, rows: readonly EntryRow[]): Promise<TimeEntryView[]> {
  return (await openColumns(db, rows, ['ticket_subject', 'note'] as const)).map(entryView);
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
    suggestion: null,
    verdict: null,
    batchId: row.batch_id,
    rowVersion: row.row_version,
  };
}
