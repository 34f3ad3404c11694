import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { MAX_VALUE_CHARS } from '../../common/api/errorDetails/index.ts';
import { keyedError, LotsenError } from '../../common/api/errors.ts';
import { cutText } from '../../common/api/limits.ts';
import type { BatchView } from '../../common/billing/model.ts';
import { personalSealer } from '../personalData/personalDataKeys.ts';
import { ZERO_MINUTES_BELOW_MS } from '../../common/time/zeroMinutes.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import type { BillingLinesTable } from '../store/schema.ts';
import { serialiseWrites } from '../store/writeLocks.ts';
import { batchView, findBatch } from './billingBatches.ts';
import { billedCustomer } from './billingCustomers.ts';
import {
  emptyTally,
  monthLines,
  tallyIssues,
  tallyProblems,
  type LineDraft,
  type MonthTally,
} from './billingLines.ts';
import { billingPeriod, monthName } from './billingPeriod.ts';
import { withLockErrors } from './periodLocks.ts';
import { closeMonthForApproval } from './monthTurns.ts';
import { ROW_VERSION_BUMP } from '../store/rowVersion.ts';

/** Lines are written in groups this size: 21 columns each stays well under SQLite's variable limit. */
const INSERT_CHUNK = 400;
/** Entries are pointed at their lines in groups this size (each row looks its line up in the group). */
const ENTRY_UPDATE_CHUNK = 100;

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
  const who = await billedCustomer(ctx.db, input.customerId);
  const label = { month: input.month, customer: who.name };
  if (period.end > ctx.now()) {
    throw keyedError('CONFLICT', 'records.monthNotEnded', label);
  }
  const alreadyApproved = async (db: typeof ctx.db) => {
    const existing = await findBatch(db, input.customerId, input.month);
    if (!existing) return;
    throw keyedError(
      'CONFLICT',
      'records.monthAlreadyApproved',
      { ...label, batch: String(existing.number) },
      { batchId: existing.id },
    );
  };
  await alreadyApproved(ctx.db);
  // Fail fast, before the month's lines are computed, on what most often stops an approval.
  const open = await ctx.db
    .selectFrom('time_entries as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .select([
      sql<number>`sum(case when e.ended_at is null then 1 else 0 end)`.as('running'),
      // Not one under a minute: it bills nothing and need not be classified (common/time/zeroMinutes.ts).
      sql<number>`sum(case when e.ended_at is not null and e.classification = 'unclassified' and e.ended_at - e.started_at >= ${ZERO_MINUTES_BELOW_MS} then 1 else 0 end)`.as(
        'unclassified',
      ),
    ])
    .where('t.customer_id', '=', input.customerId)
    .where('e.started_at', '>=', period.start)
    .where('e.started_at', '<', period.end)
    .executeTakeFirstOrThrow();
  if ((open.running ?? 0) > 0 || (open.unclassified ?? 0) > 0) {
    throw refusal(label, {
      ...emptyTally(),
      unclassified: open.unclassified ?? 0,
      running: open.running ?? 0,
    });
  }

  const id = randomUUID();
  await withLockErrors(() =>
    ctx.db.transaction().execute(async (trx) => {
      // Again inside the transaction: another window or the CLI may have approved it since the check above. On a
      // team database another member's approval may run at this moment: approvals take turns from here.
      await serialiseWrites(trx, 'billing approval');
      // Time logged in the month meanwhile is either committed before this (and counted below) or waits and is
      // refused once the month is approved (monthTurns.ts).
      await closeMonthForApproval(trx, who.id, input.month);
      await alreadyApproved(trx);
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
      const seal = sealOncePerTicket(personalSealer(trx));
      const tallies = new Map<string, MonthTally>();
      const totals = { lines: 0, actual: 0, billed: 0, amount: 0 };
      let pending: { line: LineDraft; seq: number }[] = [];
      const flush = async () => {
        if (pending.length === 0) return;
        await trx
          .insertInto('billing_lines')
          .values(await Promise.all(pending.map(({ line, seq }) => lineRow(id, seq, line, seal))))
          .execute();
        const entries = pending.flatMap(({ line, seq }) =>
          line.entryIds.map((entryId) => [entryId, seq] as const),
        );
        for (let i = 0; i < entries.length; i += ENTRY_UPDATE_CHUNK) {
          const chunk = entries.slice(i, i + ENTRY_UPDATE_CHUNK);
          await sql`WITH v(id, seq) AS (VALUES ${sql.join(chunk.map(([entryId, seq]) => sql`(${entryId}, CAST(${seq} AS integer))`))})
            UPDATE time_entries SET batch_id = ${id}, line_seq = (SELECT v.seq FROM v WHERE v.id = time_entries.id), ${ROW_VERSION_BUMP}
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
        // An unclassified one under a minute is on no line: it bills nothing (common/time/zeroMinutes.ts).
        .where(
          sql<boolean>`NOT (e.classification = 'unclassified' AND e.ended_at - e.started_at < ${ZERO_MINUTES_BELOW_MS})`,
        )
        .executeTakeFirstOrThrow();
      if (unlocked.n > 0) {
        throw new LotsenError(
          'INTERNAL',
          `${monthName(input.month)} for ${who.name}: ${unlocked.n} entries were left out of the batch; nothing was approved.`,
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

/** The month and customer an approval's refusal names. */
interface MonthLabel {
  month: string;
  customer: string;
}

/** Main's English names the problems; the console words them from `monthIssues`, the codes they were made from. */
function refusal(label: MonthLabel, tally: MonthTally): LotsenError {
  const problems = tallyProblems(tally);
  return keyedError(
    'CONFLICT',
    'records.monthNotApprovable',
    // Many agreements without rates could make the list longer than a detail value may be; the console words it
    // from `monthIssues` anyway.
    { ...label, problems: cutText(problems.join('; '), MAX_VALUE_CHARS) },
    { unclassified: tally.unclassified, running: tally.running, problems, monthIssues: tallyIssues(tally) },
  );
}

type TicketSealer = (ticketId: string, text: string) => Promise<string>;

/**
 * Seals each text of a ticket once per approval: its subject and technician come again on each of its lines, and one
 * sealed value serves them all (the lines share the ticket anyway), so the export opens it once too.
 */
function sealOncePerTicket(seal: ReturnType<typeof personalSealer>): TicketSealer {
  const sealed = new Map<string, Promise<string>>();
  return (ticketId, text) => {
    const name = `${ticketId}\n${text}`;
    let value = sealed.get(name);
    if (!value) sealed.set(name, (value = seal({ kind: 'ticket', id: ticketId }, text)));
    return value;
  };
}

/**
 * A line as stored: its ticket's subject, technician and note sealed under the ticket's data key, so the batch holds
 * no personal text in the clear and a purge (destroying that key) changes none of its bytes.
 */
async function lineRow(
  batchId: string,
  seq: number,
  line: LineDraft,
  seal: TicketSealer,
): Promise<BillingLinesTable> {
  const ticket = line.ticketId;
  return {
    batch_id: batchId,
    seq,
    kind: line.kind,
    ticket_id: line.ticketId,
    ticket_ref: line.ticketRef,
    ticket_subject: await seal(ticket, line.ticketSubject),
    day: line.day,
    technician: await seal(ticket, line.technician),
    agreement_ref: line.agreementRef,
    classification: line.classification,
    work_type: line.workType,
    actual_seconds: line.actualSeconds,
    actual_minutes: line.actualMinutes,
    billed_minutes: line.billedMinutes,
    rate_ore: line.rateOre,
    amount_ore: line.amountOre,
    note: await seal(ticket, line.note),
    entry_count: line.entryIds.length,
    entry_id: line.entryId,
    adjustment_id: line.adjustmentId,
  };
}
