import type { BilledHoursSeries } from '../../common/billing/model.ts';
import type { Db } from '../store/database.node.ts';
import { listBatches } from './billingBatches.ts';
import { byShownName, customersInMonth } from './billingCustomers.ts';
import { monthLines } from './billingLines.ts';
import { billingPeriod, shiftMonth } from './billingPeriod.ts';

/** Twelve months of billed minutes per customer, ending with `endMonth`, for the chart. */
export async function billedHoursSeries(db: Db, endMonth: string): Promise<BilledHoursSeries> {
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(endMonth, i - 11));
  const rows = new Map<
    string,
    { customerId: string; customerName: string; orgNumber: string; billedMinutes: number[] }
  >();
  const row = (customerId: string, customerName: string, orgNumber: string) => {
    let r = rows.get(customerId);
    if (!r) {
      r = { customerId, customerName, orgNumber, billedMinutes: months.map(() => 0) };
      rows.set(customerId, r);
    }
    return r.billedMinutes;
  };
  for (const [index, month] of months.entries()) {
    const batches = await listBatches(db, { month });
    for (const batch of batches) {
      row(batch.customerId, batch.customerName, batch.orgNumber)[index]! += batch.billedMinutes;
    }
    const approved = new Set(batches.map((b) => b.customerId));
    const open = new Map(
      (await customersInMonth(db, month)).filter((c) => !approved.has(c.id)).map((c) => [c.id, c]),
    );
    if (open.size === 0) continue;
    // Every customer's lines come, approved customers' escalation fees too: only the open customers' count here.
    for await (const lines of monthLines(db, billingPeriod(month), null, new Map())) {
      for (const line of lines) {
        const customer = open.get(line.customerId);
        if (customer) row(customer.id, customer.name, customer.org_number)[index]! += line.billedMinutes;
      }
    }
  }
  return {
    months,
    customers: [...rows.values()]
      .filter((r) => r.billedMinutes.some((m) => m !== 0))
      .sort(byShownName)
      .map(({ customerId, customerName, billedMinutes }) => ({ customerId, customerName, billedMinutes })),
  };
}
