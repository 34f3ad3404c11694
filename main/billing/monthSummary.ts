import { sql } from 'kysely';
import type { CustomerMonth, MonthSummary } from '../../common/billing/model.ts';
import type { Db } from '../store/database.node.ts';
import { listBatches } from './billingBatches.ts';
import { byShownName, customersInMonth } from './billingCustomers.ts';
import { emptyTally, monthLines, tallyIssues, tallyProblems, type MonthTally } from './billingLines.ts';
import { billingPeriod } from './billingPeriod.ts';

/**
 * Totals per customer for a month: approved customers from their batch, open ones as approval would bill them now
 * (with what stops approval).
 */
export async function monthSummary(db: Db, month: string, now: number): Promise<MonthSummary> {
  const period = billingPeriod(month);
  const customers = await customersInMonth(db, month);
  const batches = new Map((await listBatches(db, { month })).map((b) => [b.customerId, b]));
  const tallies = new Map<string, MonthTally>();
  const sums = new Map<string, { actual: number; billed: number; amount: number }>();
  // One pass over the month's entries for every open customer together.
  if (customers.some((c) => !batches.has(c.id))) {
    for await (const lines of monthLines(db, period, null, tallies)) {
      for (const line of lines) {
        if (batches.has(line.customerId)) continue;
        const sum = sums.get(line.customerId) ?? { actual: 0, billed: 0, amount: 0 };
        sum.actual += line.actualMinutes;
        sum.billed += line.billedMinutes;
        sum.amount += line.amountOre;
        sums.set(line.customerId, sum);
      }
    }
  }
  const adjustmentCounts = new Map(
    (
      await db
        .selectFrom('billing_adjustments')
        .select(['customer_id', sql<number>`count(*)`.as('n')])
        .where('month', '=', month)
        .groupBy('customer_id')
        .execute()
    ).map((r) => [r.customer_id, r.n]),
  );
  const rows: CustomerMonth[] = customers.map((c) => {
    const batch = batches.get(c.id);
    const adjustments = adjustmentCounts.get(c.id) ?? 0;
    if (batch) {
      return {
        customerId: c.id,
        customerName: batch.customerName,
        orgNumber: batch.orgNumber,
        status: 'approved',
        batchId: batch.id,
        batchNumber: batch.number,
        approvedAt: batch.approvedAt,
        entries: batch.entries,
        unclassified: 0,
        running: 0,
        adjustments,
        actualMinutes: batch.actualMinutes,
        billedMinutes: batch.billedMinutes,
        amountOre: batch.amountOre,
        problems: [],
        issues: [],
      };
    }
    const tally = tallies.get(c.id) ?? emptyTally();
    const sum = sums.get(c.id) ?? { actual: 0, billed: 0, amount: 0 };
    return {
      customerId: c.id,
      customerName: c.name,
      orgNumber: c.org_number,
      status: 'open',
      batchId: null,
      batchNumber: null,
      approvedAt: null,
      entries: tally.entries,
      unclassified: tally.unclassified,
      running: tally.running,
      adjustments,
      actualMinutes: sum.actual,
      billedMinutes: sum.billed,
      amountOre: sum.amount,
      problems: tallyProblems(tally),
      issues: tallyIssues(tally),
    };
  });
  rows.sort(byShownName);
  return {
    month,
    ended: period.end <= now,
    customers: rows,
    totals: {
      actualMinutes: rows.reduce((s, r) => s + r.actualMinutes, 0),
      billedMinutes: rows.reduce((s, r) => s + r.billedMinutes, 0),
      amountOre: rows.reduce((s, r) => s + r.amountOre, 0),
      unclassified: rows.reduce((s, r) => s + r.unclassified, 0),
    },
  };
}
