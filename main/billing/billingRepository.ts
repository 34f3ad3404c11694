import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { LotsenError } from '../../common/api/errors.ts';
import type {
  AdjustmentView,
  BatchView,
  BilledHoursSeries,
  CustomerMonth,
  MonthSummary,
} from '../../common/billing/model.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import type { Db } from '../store/database.node.ts';
import type { BillingBatchesTable, BillingLinesTable } from '../store/schema.ts';
import { monthLines, tallyProblems, type LineDraft, type MonthTally } from './billingLines.ts';
import { billingPeriod, monthName, shiftMonth } from './billingPeriod.ts';
import { withLockErrors } from './periodLocks.ts';

const collator = new Intl.Collator('sv', { numeric: true });

/** Lines are written in groups this size: 21 columns each stays well under SQLite's variable limit. */
const INSERT_CHUNK = 400;
/** Entries are pointed at their lines in groups this size (each row looks its line up in the group). */
const ENTRY_UPDATE_CHUNK = 100;

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

async function customer(db: Db, customerId: string) {
  const row = await db
    .selectFrom('customers')
    .select(['id', 'name', 'org_number'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!row) throw new LotsenError('NOT_FOUND', 'No such customer; it may have been deleted.');
  return row;
}

/**
 * Finance approves one customer's month: its lines are computed and stored (actual and billed minutes apart), its
 * entries are locked to the new batch, and the month is closed to new time. Refused while any entry of the month is
 * unclassified or running, or billable time has no price; refused for a month that has not ended in Sweden.
 */
export async function approveMonth(
  ctx: RegistryContext,
  input: { month: string; customerId: string },
  approver: { id: string; name: string },
): Promise<BatchView> {
  const period = billingPeriod(input.month);
  const who = await customer(ctx.db, input.customerId);
  const label = `${monthName(input.month)} for ${who.name}`;
  if (period.end > ctx.now()) {
    throw new LotsenError(
      'CONFLICT',
      `${label} cannot be approved yet: the month has not ended (Europe/Stockholm). Time may still be logged in it.`,
    );
  }
  const existing = await findBatch(ctx.db, input.customerId, input.month);
  if (existing) {
    throw new LotsenError(
      'CONFLICT',
      `${label} is already approved (billing batch ${existing.number}). Corrections go in as adjustments.`,
      { batchId: existing.id },
    );
  }
  // Fail fast, before the month's lines are computed, on what most often stops an approval.
  const open = await ctx.db
    .selectFrom('time_entries as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .select([
      sql<number>`sum(case when e.ended_at is null then 1 else 0 end)`.as('running'),
      sql<number>`sum(case when e.ended_at is not null and e.classification = 'unclassified' then 1 else 0 end)`.as(
        'unclassified',
      ),
    ])
    .where('t.customer_id', '=', input.customerId)
    .where('e.started_at', '>=', period.start)
    .where('e.started_at', '<', period.end)
    .executeTakeFirstOrThrow();
  if ((open.running ?? 0) > 0 || (open.unclassified ?? 0) > 0) {
    throw refusal(label, {
      ...emptyCounts(),
      unclassified: open.unclassified ?? 0,
      running: open.running ?? 0,
    });
  }

  const id = randomUUID();
  await withLockErrors(() =>
    ctx.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('billing_batches')
        .select(sql<number>`coalesce(max(number), 0)`.as('n'))
        .executeTakeFirstOrThrow();
      const approvedAt = ctx.now();
      await trx
        .insertInto('billing_batches')
        .values({
          id,
          number: last.n + 1,
          customer_id: who.id,
          month: input.month,
          period_start: period.start,
          period_end: period.end,
          customer_name: who.name,
          org_number: who.org_number,
          approved_at: approvedAt,
          approved_by: approver.id,
          approved_by_name: approver.name,
          entries: 0,
          lines: 0,
          actual_minutes: 0,
          billed_minutes: 0,
          amount_ore: 0,
          sealed: 0,
        })
        .execute();
      const tallies = new Map<string, MonthTally>();
      const totals = { lines: 0, actual: 0, billed: 0, amount: 0 };
      let pending: { line: LineDraft; seq: number }[] = [];
      const flush = async () => {
        if (pending.length === 0) return;
        await trx
          .insertInto('billing_lines')
          .values(pending.map(({ line, seq }) => lineRow(id, seq, line)))
          .execute();
        const entries = pending.flatMap(({ line, seq }) =>
          line.entryIds.map((entryId) => [entryId, seq] as const),
        );
        for (let i = 0; i < entries.length; i += ENTRY_UPDATE_CHUNK) {
          const chunk = entries.slice(i, i + ENTRY_UPDATE_CHUNK);
          await sql`WITH v(id, seq) AS (VALUES ${sql.join(chunk.map(([entryId, seq]) => sql`(${entryId}, ${seq})`))})
            UPDATE time_entries SET batch_id = ${id}, line_seq = (SELECT v.seq FROM v WHERE v.id = time_entries.id)
            WHERE id IN (SELECT v.id FROM v)`.execute(trx);
        }
        for (const { line, seq } of pending) {
          if (line.adjustmentId !== null) {
            await trx
              .updateTable('billing_adjustments')
              .set({ batch_id: id, line_seq: seq })
              .where('id', '=', line.adjustmentId)
              .execute();
          }
        }
        pending = [];
      };
      for await (const lines of monthLines(trx, period, who.id, tallies)) {
        for (const line of lines) {
          totals.lines++;
          totals.actual += line.actualMinutes;
          totals.billed += line.billedMinutes;
          totals.amount += line.amountOre;
          pending.push({ line, seq: totals.lines });
          if (pending.length >= INSERT_CHUNK) await flush();
        }
      }
      await flush();
      const tally = tallies.get(who.id);
      if (tally && tallyProblems(tally).length > 0) throw refusal(label, tally);
      const unlocked = await trx
        .selectFrom('time_entries as e')
        .innerJoin('tickets as t', 't.id', 'e.ticket_id')
        .select(sql<number>`count(*)`.as('n'))
        .where('t.customer_id', '=', who.id)
        .where('e.started_at', '>=', period.start)
        .where('e.started_at', '<', period.end)
        .where('e.batch_id', 'is', null)
        .executeTakeFirstOrThrow();
      if (unlocked.n > 0) {
        throw new LotsenError(
          'INTERNAL',
          `${label}: ${unlocked.n} entries were left out of the batch; nothing was approved.`,
        );
      }
      await trx
        .updateTable('billing_batches')
        .set({
          entries: tally?.entries ?? 0,
          lines: totals.lines,
          actual_minutes: totals.actual,
          billed_minutes: totals.billed,
          amount_ore: totals.amount,
          sealed: 1,
        })
        .where('id', '=', id)
        .execute();
    }),
  );
  return batchView(
    await ctx.db.selectFrom('billing_batches').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

const emptyCounts = (): MonthTally => ({
  entries: 0,
  unclassified: 0,
  running: 0,
  adjustments: 0,
  fees: 0,
  noAgreement: 0,
  missingRates: new Map(),
});

function refusal(label: string, tally: MonthTally): LotsenError {
  const problems = tallyProblems(tally);
  return new LotsenError(
    'CONFLICT',
    `${label} cannot be approved: ${problems.join('; ')}. ` +
      'Classify the time, stop what runs and price billable work, then approve again.',
    { unclassified: tally.unclassified, running: tally.running, problems },
  );
}

function lineRow(batchId: string, seq: number, line: LineDraft): BillingLinesTable {
  return {
    batch_id: batchId,
    seq,
    kind: line.kind,
    ticket_id: line.ticketId,
    ticket_ref: line.ticketRef,
    ticket_subject: line.ticketSubject,
    day: line.day,
    technician: line.technician,
    agreement_ref: line.agreementRef,
    classification: line.classification,
    work_type: line.workType,
    actual_seconds: line.actualSeconds,
    actual_minutes: line.actualMinutes,
    billed_minutes: line.billedMinutes,
    rate_ore: line.rateOre,
    amount_ore: line.amountOre,
    note: line.note,
    entry_count: line.entryIds.length,
    entry_id: line.entryId,
    adjustment_id: line.adjustmentId,
  };
}

/** The customers a month concerns: time started in it, corrections billed in it, or a batch for it. */
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
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'name', 'org_number'])
    .where(
      'id',
      'in',
      ids.map((r) => r.id),
    )
    .execute();
  return rows.sort(
    (a, b) => collator.compare(a.name, b.name) || collator.compare(a.org_number, b.org_number),
  );
}

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
      };
    }
    const tally = tallies.get(c.id) ?? emptyCounts();
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
    };
  });
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

/** Twelve months of billed and billable minutes per customer, ending with `endMonth`, for a chart. */
export async function billedHoursSeries(db: Db, endMonth: string): Promise<BilledHoursSeries> {
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(endMonth, i - 11));
  const byCustomer = new Map<string, { name: string; billed: number[]; billable: number[] }>();
  const row = (id: string, name: string) => {
    let r = byCustomer.get(id);
    if (!r) byCustomer.set(id, (r = { name, billed: months.map(() => 0), billable: months.map(() => 0) }));
    return r;
  };
  for (const [index, month] of months.entries()) {
    const batches = new Map((await listBatches(db, { month })).map((b) => [b.customerId, b]));
    for (const batch of batches.values()) {
      row(batch.customerId, batch.customerName).billed[index]! += batch.billedMinutes;
    }
    const billable = await db
      .selectFrom('billing_lines as l')
      .innerJoin('billing_batches as b', 'b.id', 'l.batch_id')
      .select(['b.customer_id', sql<number>`sum(l.actual_minutes)`.as('minutes')])
      .where('b.month', '=', month)
      .where('l.classification', '=', 'billable')
      .where('l.kind', '!=', 'fee')
      .groupBy('b.customer_id')
      .execute();
    for (const b of billable)
      row(b.customer_id, batches.get(b.customer_id)!.customerName).billable[index]! += b.minutes;
    const names = new Map((await customersInMonth(db, month)).map((c) => [c.id, c.name]));
    const open = [...names.keys()].filter((id) => !batches.has(id));
    if (open.length === 0) continue;
    for await (const lines of monthLines(db, billingPeriod(month), null, new Map())) {
      for (const line of lines) {
        if (batches.has(line.customerId)) continue;
        const r = row(line.customerId, names.get(line.customerId) ?? '');
        r.billed[index]! += line.billedMinutes;
        if (line.classification === 'billable' && line.kind !== 'fee')
          r.billable[index]! += line.actualMinutes;
      }
    }
  }
  return {
    months,
    customers: [...byCustomer.entries()]
      .map(([customerId, r]) => ({
        customerId,
        customerName: r.name,
        billedMinutes: r.billed,
        billableMinutes: r.billable,
      }))
      .filter((c) => c.billedMinutes.some((m) => m !== 0) || c.billableMinutes.some((m) => m !== 0))
      .sort((a, b) => collator.compare(a.customerName, b.customerName)),
  };
}

function adjustmentView(row: {
  id: string;
  entry_id: string;
  customer_id: string;
  month: string;
  minutes: number;
  note: string;
  created_at: number;
  created_by_name: string;
  batch_id: string | null;
}): AdjustmentView {
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
  return (await query.orderBy('a.created_at').orderBy('a.id').execute()).map(adjustmentView);
}

/**
 * A correction of a locked entry: minutes more or less, with a note, billed in the first month after the locked
 * one that is still open for the customer (the locked month itself never changes).
 */
export async function addAdjustment(
  ctx: RegistryContext,
  input: { entryId: string; minutes: number; note: string },
): Promise<AdjustmentView> {
  const entry = await ctx.db
    .selectFrom('time_entries as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .leftJoin('billing_batches as b', 'b.id', 'e.batch_id')
    .select(['e.id', 'e.batch_id', 't.customer_id', 'b.month', 'b.number'])
    .where('e.id', '=', input.entryId)
    .executeTakeFirst();
  if (!entry) throw new LotsenError('NOT_FOUND', 'No such time entry; it may have been deleted.');
  if (entry.batch_id === null || entry.month === null) {
    throw new LotsenError(
      'CONFLICT',
      'The entry is not locked: edit or reclassify it instead. Adjustments correct time in approved months.',
    );
  }
  const id = randomUUID();
  await withLockErrors(() =>
    ctx.db.transaction().execute(async (trx) => {
      const closed = new Set(
        (
          await trx
            .selectFrom('billing_batches')
            .select('month')
            .where('customer_id', '=', entry.customer_id)
            .where('month', '>', entry.month!)
            .execute()
        ).map((b) => b.month),
      );
      let month = shiftMonth(entry.month!, 1);
      while (closed.has(month)) month = shiftMonth(month, 1);
      await trx
        .insertInto('billing_adjustments')
        .values({
          id,
          entry_id: entry.id,
          customer_id: entry.customer_id,
          month,
          minutes: input.minutes,
          note: input.note,
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
