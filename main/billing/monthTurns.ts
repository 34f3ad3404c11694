import { sql } from 'kysely';
import { LotsenError } from '../../common/api/errors.ts';
import type { Db } from '../store/database.node.ts';
import { storeDialect } from '../store/dialect.ts';
import { monthOf } from './billingPeriod.ts';

/*
 * Approving a customer's month and writing time in that month take turns on a team database. Without it, on
 * PostgreSQL (each statement sees what was committed when it began), a late entry committed while the approval ran
 * was either left out of the batch, though its month was approved (the entry saw no batch yet, the approval no entry
 * yet), or billed as it was before an edit committed in between. Each such write holds the month open (a shared
 * transaction-level advisory lock named for the customer and month, so writes of one month do not wait for each
 * other), and the approval takes it closed (the same lock, exclusive): whichever comes second waits for the first to
 * commit, then sees it, and is refused in words (LOCKED for the time, CONFLICT for the approval). The lock is taken
 * before the transaction touches any row, so neither side ever holds a row the other waits on. SQLite has one writer
 * at a time already.
 */

const monthLock = (customerId: string, month: string) =>
  sql`hashtext(${`lotsen:month:${customerId}:${month}`})`;

/** The approval's turn: from here until its transaction ends, no time of the customer's month is written. */
export async function closeMonthForApproval(trx: Db, customerId: string, month: string): Promise<void> {
  if (storeDialect(trx) !== 'postgres') return;
  assertTransaction(trx);
  await sql`SELECT pg_advisory_xact_lock(${monthLock(customerId, month)})`.execute(trx);
}

/** Where a write of time lands: the ticket it is (or will be) logged to, and the instant it starts. */
export interface TimeSpot {
  ticketId: string;
  startedAt: number;
}

/**
 * Holds open, until the caller's transaction ends, the month of each spot (a move holds both the one it leaves and
 * the one it enters); waits while one of them is being approved. Call it first in the transaction, then check
 * whether the month is approved: that check then sees an approval that committed while this waited.
 */
export async function holdMonthsOpen(trx: Db, spots: readonly TimeSpot[]): Promise<void> {
  if (storeDialect(trx) !== 'postgres' || spots.length === 0) return;
  assertTransaction(trx);
  const tickets = await trx
    .selectFrom('tickets')
    .select(['id', 'customer_id'])
    .where('id', 'in', [...new Set(spots.map((s) => s.ticketId))])
    .execute();
  const customerOf = new Map(tickets.map((t) => [t.id, t.customer_id]));
  const keys = new Set<string>();
  for (const spot of spots) {
    const customerId = customerOf.get(spot.ticketId);
    // A ticket that is gone has no month to hold: the write's own check says so.
    if (customerId !== undefined) keys.add(`${customerId}\n${monthOf(spot.startedAt)}`);
  }
  // In one order, so two writes holding two months each never wait on each other's second.
  for (const key of [...keys].sort()) {
    const [customerId, month] = key.split('\n') as [string, string];
    await sql`SELECT pg_advisory_xact_lock_shared(${monthLock(customerId, month)})`.execute(trx);
  }
}

/** Outside a transaction the lock would end with its own statement and hold nothing: a programming error. */
function assertTransaction(db: Db): void {
  if (!db.isTransaction) {
    throw new LotsenError('INTERNAL', 'A month can only be held within a transaction.');
  }
}
