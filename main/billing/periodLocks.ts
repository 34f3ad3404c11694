import type { ErrorDetailKey } from '../../common/api/errorDetails/index.ts';
import { keyedError, type LotsenError } from '../../common/api/errors.ts';
import type { Db } from '../store/database.node.ts';
import { LOCKED_TRIGGER_PREFIX } from '../store/migrations/0008_billing.ts';
import { monthName } from './billingPeriod.ts';

/*
 * An approved month is closed for its customer: its entries are locked, and no entry may be added to it, moved into
 * it or changed in it, and a ticket cannot move the acute escalation its fee was billed for. The repositories check
 * here first, to say why in words; for time entries the store's triggers (migration 0008) refuse the same writes
 * from any other path, while tickets are guarded by these checks alone.
 */

/** An approved batch as far as closing its month goes. */
export interface ClosedMonth {
  customerId: string;
  customerName: string;
  number: number;
  month: string;
  periodStart: number;
  periodEnd: number;
}

/** Whether `instant` falls in the closed month (the same bounds the store's triggers use: [start, end)). */
export const closes = (closed: ClosedMonth, customerId: string, instant: number): boolean =>
  closed.customerId === customerId && closed.periodStart <= instant && instant < closed.periodEnd;

const closedMonthColumns = (db: Db) =>
  db
    .selectFrom('billing_batches')
    .select([
      'customer_id as customerId',
      'customer_name as customerName',
      'number',
      'month',
      'period_start as periodStart',
      'period_end as periodEnd',
    ]);

/** Every approved month, for checks of many instants at once (an import). */
export async function closedMonths(db: Db): Promise<ClosedMonth[]> {
  return closedMonthColumns(db).execute();
}

/** The approved month of `customerId` that holds `instant`, if there is one. */
export async function closedMonthAt(
  db: Db,
  customerId: string,
  instant: number,
): Promise<ClosedMonth | null> {
  const row = await closedMonthColumns(db)
    .where('customer_id', '=', customerId)
    .where('period_start', '<=', instant)
    .where('period_end', '>', instant)
    .executeTakeFirst();
  return row ?? null;
}

/** "November 2026 is approved for Växjö kommun (billing batch 3)", the start of every refusal of a closed month. */
export const closedMonthText = (closed: ClosedMonth): string =>
  `${monthName(closed.month)} is approved for ${closed.customerName} (billing batch ${closed.number})`;

/** The values of records' `closedMonth` templates (common/api/errorDetails/records.ts). */
export const closedMonthValues = (closed: ClosedMonth) => ({
  month: closed.month,
  customer: closed.customerName,
  batch: String(closed.number),
});

function lockedEntryError(batch: { number: number; month: string }): LotsenError {
  return keyedError(
    'LOCKED',
    'records.entryLocked',
    { month: batch.month, batch: String(batch.number) },
    { batchNumber: batch.number, month: batch.month },
  );
}

/** Refuses a write to time in the approved month of the ticket's customer that contains `instant`. */
export async function assertPeriodOpen(db: Db, ticketId: string, instant: number): Promise<void> {
  const ticket = await db
    .selectFrom('tickets')
    .select('customer_id')
    .where('id', '=', ticketId)
    .executeTakeFirst();
  const closed = ticket ? await closedMonthAt(db, ticket.customer_id, instant) : null;
  if (closed) {
    throw keyedError('LOCKED', 'records.monthClosedForTime', closedMonthValues(closed), {
      batchNumber: closed.number,
      month: closed.month,
    });
  }
}

/** Who an acute escalation is billed to, and when: its fee belongs to that customer's month. */
interface Escalation {
  customerId: string;
  escalatedAt: number | null;
}

/**
 * An acute escalation's fee is billed in the month it happened, to the ticket's customer. Once that month is
 * approved the escalation cannot leave it (its fee was billed there: moved, it would be billed again), and no
 * escalation can enter an approved month (its fee would never be billed). Moving within the one month is allowed.
 */
export async function assertEscalationMovable(
  db: Db,
  before: Escalation | null,
  after: Escalation,
): Promise<void> {
  const closedAt = (e: Escalation | null) =>
    e === null || e.escalatedAt === null ? null : closedMonthAt(db, e.customerId, e.escalatedAt);
  const [from, to] = await Promise.all([closedAt(before), closedAt(after)]);
  if (from !== null && to !== null && from.number === to.number) return;
  if (from !== null) {
    throw keyedError('LOCKED', 'records.escalationHeldInMonth', closedMonthValues(from), {
      batchNumber: from.number,
      month: from.month,
    });
  }
  if (to !== null) {
    throw keyedError('LOCKED', 'records.escalationIntoClosedMonth', closedMonthValues(to), {
      batchNumber: to.number,
      month: to.month,
    });
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

/** The store's lock triggers' reasons (migrations 0008, 0013), each worded by its own key. */
const storeRefusals = {
  ': a billing line cannot change': 'records.storeRefusedLineChange',
  ': a billing line cannot be deleted': 'records.storeRefusedLineDelete',
  ': an approved billing batch cannot change': 'records.storeRefusedBatchChange',
  ': an approved billing batch cannot be deleted': 'records.storeRefusedBatchDelete',
  ': the adjustment is in an approved billing batch': 'records.storeRefusedAdjustment',
  ': the month is approved for this customer': 'records.storeRefusedMonth',
  ': the time entry is in an approved billing batch': 'records.storeRefusedEntry',
} as const satisfies Record<string, ErrorDetailKey>;

/** Turns the store's lock triggers into the API's LOCKED error; anything else passes through unchanged. */
function translateLockError(error: unknown): unknown {
  if (error instanceof Error && error.message.includes(LOCKED_TRIGGER_PREFIX)) {
    const reason = error.message.slice(
      error.message.indexOf(LOCKED_TRIGGER_PREFIX) + LOCKED_TRIGGER_PREFIX.length,
    );
    const known = Object.entries(storeRefusals).find(([text]) => reason.startsWith(text));
    return keyedError('LOCKED', known?.[1] ?? 'records.storeRefused');
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
