import { LotsenError } from '../../common/api/errors.ts';
import type { Db } from '../store/database.node.ts';
import { LOCKED_TRIGGER_PREFIX } from '../store/migrations/0008_billing.ts';
import { monthName } from './billingPeriod.ts';

/*
 * An approved month is closed for its customer: its entries are locked, and no entry may be added to it, moved into
 * it or changed in it. The repositories check here first, to say why in words; the store's triggers (migration
 * 0008) refuse the same writes from any other path.
 */

export function lockedEntryError(batch: { number: number; month: string }): LotsenError {
  return new LotsenError(
    'LOCKED',
    `This time entry is locked: ${monthName(batch.month)} was approved in billing batch ${batch.number}. ` +
      'Correct it with an adjustment, which is billed in the next open month.',
    { batchNumber: batch.number, month: batch.month },
  );
}

/** Refuses a write to time in `customerId`'s approved month that contains `instant`. */
export async function assertPeriodOpen(db: Db, ticketId: string, instant: number): Promise<void> {
  const batch = await db
    .selectFrom('billing_batches as b')
    .innerJoin('tickets as t', 't.customer_id', 'b.customer_id')
    .select(['b.number', 'b.month', 'b.customer_name'])
    .where('t.id', '=', ticketId)
    .where('b.period_start', '<=', instant)
    .where('b.period_end', '>', instant)
    .executeTakeFirst();
  if (batch) {
    throw new LotsenError(
      'LOCKED',
      `${monthName(batch.month)} is approved for ${batch.customer_name} (billing batch ${batch.number}): no time can be ` +
        'added to it or changed in it. Add an adjustment to a locked entry instead.',
      { batchNumber: batch.number, month: batch.month },
    );
  }
}

export async function assertEntryUnlocked(db: Db, entryId: string): Promise<void> {
  const row = await db
    .selectFrom('time_entries as e')
    .innerJoin('billing_batches as b', 'b.id', 'e.batch_id')
    .select(['b.number', 'b.month'])
    .where('e.id', '=', entryId)
    .executeTakeFirst();
  if (row) throw lockedEntryError(row);
}

/** Turns the store's lock triggers into the API's LOCKED error; anything else passes through unchanged. */
export function translateLockError(error: unknown): unknown {
  if (error instanceof Error && error.message.includes(LOCKED_TRIGGER_PREFIX)) {
    const reason = error.message.slice(
      error.message.indexOf(LOCKED_TRIGGER_PREFIX) + LOCKED_TRIGGER_PREFIX.length,
    );
    return new LotsenError('LOCKED', `Refused by the store${reason}. Corrections go in as adjustments.`);
  }
  return error;
}

export async function withLockErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateLockError(error);
  }
}
