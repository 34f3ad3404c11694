import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { keyedError, keyedIssue } from '../../common/api/errors.ts';
import type { AdjustmentView } from '../../common/billing/model.ts';
import { openColumns } from '../personalData/sealedColumns.ts';
import { sealPersonal } from '../personalData/personalDataKeys.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import { ticketOwner } from '../tickets/ticketPersonalFields.ts';
import type { Db } from '../store/database.node.ts';
import type { BillingAdjustmentsTable } from '../store/schema.ts';
import { shiftMonth } from './billingPeriod.ts';
import { withLockErrors } from './periodLocks.ts';
import { serialiseWrites } from '../store/writeLocks.ts';

/** Corrections of locked time: listed, and added to the customer's next open month. */

function adjustmentView(
  row: Omit<BillingAdjustmentsTable, 'created_by' | 'line_seq'> & { created_by_name: string },
): AdjustmentView {
  return {
    id: row.id,
    entryId: row.entry_id,
    customerId: row.customer_id,
    month: row.month,
    minutes: row.minutes,
    note: row.note,
    createdAt: row.created_at,
    createdBy: row.created_by_name,
    batchId: row.batch_id,
  };
}

const adjustmentColumns = (db: Db) =>
  db
    .selectFrom('billing_adjustments as a')
    .innerJoin('users as u', 'u.id', 'a.created_by')
    .select([
      'a.id',
      'a.entry_id',
      'a.customer_id',
      'a.month',
      'a.minutes',
      'a.note',
      'a.created_at',
      'u.name as created_by_name',
      'a.batch_id',
    ]);

export async function listAdjustments(
  db: Db,
  filter: { month?: string; customerId?: string; entryId?: string } = {},
): Promise<AdjustmentView[]> {
  let query = adjustmentColumns(db);
  if (filter.month) query = query.where('a.month', '=', filter.month);
  if (filter.customerId) query = query.where('a.customer_id', '=', filter.customerId);
  if (filter.entryId) query = query.where('a.entry_id', '=', filter.entryId);
  const rows = await query.orderBy('a.created_at').orderBy('a.id').execute();
  return (await openColumns(db, rows, ['note'] as const)).map(adjustmentView);
}

/**
 * A correction of a locked entry: minutes more or less, with a note, billed in the first month after the locked
 * one that is still open for the customer the entry was billed to (the locked month itself never changes).
 */
export async function addAdjustment(
  ctx: RegistryContext,
  input: { entryId: string; minutes: number; note: string },
): Promise<AdjustmentView> {
  const entry = await ctx.db
    .selectFrom('time_entries as e')
    .leftJoin('billing_batches as b', 'b.id', 'e.batch_id')
    .select(['e.id', 'e.ticket_id', 'e.batch_id', 'e.line_seq', 'b.customer_id', 'b.month'])
    .where('e.id', '=', input.entryId)
    .executeTakeFirst();
  if (!entry) throw keyedError('NOT_FOUND', 'records.noSuchTimeEntry');
  const { batch_id: batchId, line_seq: lineSeq, customer_id: customerId, month: lockedMonth } = entry;
  if (batchId === null || lineSeq === null || customerId === null || lockedMonth === null) {
    throw keyedError('CONFLICT', 'records.entryNotLocked');
  }
  const id = randomUUID();
  await withLockErrors(() =>
    ctx.db.transaction().execute(async (trx) => {
      // Takes turns with approvals: the month chosen below must not be approved between choosing it and the insert,
      // or the correction would be billed in no batch.
      await serialiseWrites(trx, 'billing approval');
      await assertStaysAboveZero(trx, { batchId, lineSeq }, input.minutes);
      const closed = new Set(
        (
          await trx
            .selectFrom('billing_batches')
            .select('month')
            .where('customer_id', '=', customerId)
            .where('month', '>', lockedMonth)
            .execute()
        ).map((b) => b.month),
      );
      let month = shiftMonth(lockedMonth, 1);
      while (closed.has(month)) month = shiftMonth(month, 1);
      await trx
        .insertInto('billing_adjustments')
        .values({
          id,
          entry_id: entry.id,
          customer_id: customerId,
          month,
          minutes: input.minutes,
          note: await sealPersonal(trx, ticketOwner(entry.ticket_id), input.note),
          created_at: ctx.now(),
          created_by: ctx.actorId,
          batch_id: null,
          line_seq: null,
        })
        .execute();
    }),
  );
  return adjustmentView(await adjustmentColumns(ctx.db).where('a.id', '=', id).executeTakeFirstOrThrow());
}

/** The ticket a time entry belongs to. */
export async function ticketOfEntry(db: Db, entryId: string): Promise<string> {
  const entry = await db
    .selectFrom('time_entries')
    .select('ticket_id')
    .where('id', '=', entryId)
    .executeTakeFirstOrThrow();
  return entry.ticket_id;
}

/**
 * A correction cannot take away more than was counted: the line that billed the entry (its billed minutes, or for
 * time not billed its actual minutes) plus every correction of that line's entries so far stays at zero or more.
 * Rounding per ticket and day bills a ticket's entries of a day together, so the line is the smallest part whose
 * billed minutes are known.
 */
async function assertStaysAboveZero(
  db: Db,
  line: { batchId: string; lineSeq: number },
  minutes: number,
): Promise<void> {
  const counted = await db
    .selectFrom('billing_lines')
    .select(['classification', 'actual_minutes', 'billed_minutes'])
    .where('batch_id', '=', line.batchId)
    .where('seq', '=', line.lineSeq)
    .executeTakeFirstOrThrow();
  const earlier = await db
    .selectFrom('billing_adjustments as a')
    .innerJoin('time_entries as e', 'e.id', 'a.entry_id')
    .select(sql<number>`coalesce(sum(a.minutes), 0)`.as('minutes'))
    .where('e.batch_id', '=', line.batchId)
    .where('e.line_seq', '=', line.lineSeq)
    .executeTakeFirstOrThrow();
  const base = counted.classification === 'billable' ? counted.billed_minutes : counted.actual_minutes;
  const left = base + earlier.minutes;
  if (left + minutes >= 0) return;
  const [key, values] =
    earlier.minutes === 0
      ? (['records.adjustmentTooLarge', { left, base }] as const)
      : ([
          'records.adjustmentTooLargeAfterEarlier',
          { left, base, earlier: signed(earlier.minutes) },
        ] as const);
  throw keyedError('VALIDATION', key, values, { issues: [keyedIssue('minutes', key, values)] });
}

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);
