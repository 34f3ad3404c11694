import { keyedError } from '../../common/api/errors.ts';
import type { Db } from '../store/database.node.ts';
import { billingPeriod } from './billingPeriod.ts';

/** The customers billing speaks of, and the order finance reads them in. */

const collator = new Intl.Collator('sv', { numeric: true });

interface ShownCustomer {
  customerId: string;
  customerName: string;
  orgNumber: string;
}

/**
 * By the name shown, then organisation number and id. An approved month shows the names its batch stored, so a
 * customer renamed since then keeps its place in a re-export.
 */
export const byShownName = (a: ShownCustomer, b: ShownCustomer): number =>
  collator.compare(a.customerName, b.customerName) ||
  collator.compare(a.orgNumber, b.orgNumber) ||
  (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);

export async function billedCustomer(db: Db, customerId: string) {
  const row = await db
    .selectFrom('customers')
    .select(['id', 'name', 'org_number'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchCustomer');
  return row;
}

/**
 * The customers a month concerns, unordered: time started in it, corrections or escalations in it, or a batch.
 * Asked as one question the store answers from indexes (migration 0032): the tickets with time in the month come
 * from the (started_at, ticket_id) index, deduplicated before any ticket is read, so a month of 100,000 entries
 * reads no entry's row and some handful of tickets (issue 17: it read and joined every entry, 15-30% of an export).
 */
export async function customersInMonth(db: Db, month: string) {
  const period = billingPeriod(month);
  const ticketsWithTime = db
    .selectFrom('time_entries')
    .select('ticket_id')
    .where('started_at', '>=', period.start)
    .where('started_at', '<', period.end);
  const ids = db
    .selectFrom('tickets')
    .select('customer_id as id')
    .where('id', 'in', ticketsWithTime)
    .union(db.selectFrom('billing_adjustments').select('customer_id as id').where('month', '=', month))
    .union(db.selectFrom('billing_batches').select('customer_id as id').where('month', '=', month))
    .union(
      db
        .selectFrom('tickets')
        .select('customer_id as id')
        .where('escalated_at', '>=', period.start)
        .where('escalated_at', '<', period.end),
    );
  return db.selectFrom('customers').select(['id', 'name', 'org_number']).where('id', 'in', ids).execute();
}
