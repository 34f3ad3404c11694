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

/** The customers a month concerns, unordered: time started in it, corrections or escalations in it, or a batch. */
export async function customersInMonth(db: Db, month: string) {
  const period = billingPeriod(month);
  const ids = await db
    .selectFrom('time_entries as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .select('t.customer_id as id')
    .where('e.started_at', '>=', period.start)
    .where('e.started_at', '<', period.end)
    .union(db.selectFrom('billing_adjustments').select('customer_id as id').where('month', '=', month))
    .union(db.selectFrom('billing_batches').select('customer_id as id').where('month', '=', month))
    .union(
      db
        .selectFrom('tickets')
        .select('customer_id as id')
        .where('escalated_at', '>=', period.start)
        .where('escalated_at', '<', period.end),
    )
    .execute();
  if (ids.length === 0) return [];
  return db
    .selectFrom('customers')
    .select(['id', 'name', 'org_number'])
    .where(
      'id',
      'in',
      ids.map((r) => r.id),
    )
    .execute();
}
