import type { BatchView } from '../../common/billing/model.ts';
import type { Db } from '../store/database.node.ts';
import type { BillingBatchesTable } from '../store/schema.ts';

/** Approved billing batches, as the API shows them. */

export function batchView(row: BillingBatchesTable): BatchView {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    customerName: row.customer_name,
    orgNumber: row.org_number,
    month: row.month,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by_name,
    entries: row.entries,
    lines: row.lines,
    actualMinutes: row.actual_minutes,
    billedMinutes: row.billed_minutes,
    amountOre: row.amount_ore,
  };
}

export async function listBatches(
  db: Db,
  filter: { month?: string; customerId?: string } = {},
): Promise<BatchView[]> {
  let query = db.selectFrom('billing_batches').selectAll();
  if (filter.month) query = query.where('month', '=', filter.month);
  if (filter.customerId) query = query.where('customer_id', '=', filter.customerId);
  return (await query.orderBy('number').execute()).map(batchView);
}

export async function findBatch(db: Db, customerId: string, month: string): Promise<BatchView | null> {
  const row = await db
    .selectFrom('billing_batches')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('month', '=', month)
    .executeTakeFirst();
  return row ? batchView(row) : null;
}
