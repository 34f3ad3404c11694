import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiError } from '../../../common/api/errors.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { TEAM_SCHEMA } from '../../../main/store/teamDatabase.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { prepareBillingCustomer } from '../../support/billingCustomer.ts';
import { openPassphraseBackend, type OpenedBackend } from '../../support/passphraseBackend.ts';
import { asSuperuser } from '../../support/postgres/testDatabases.ts';

/*
 * Issue 14: finance approves a customer's month on one Lotsen while a technician, on another, logs late time in that
 * month and edits an entry of it, on one PostgreSQL database, many times over. Each time exactly one of approval and
 * late entry wins: the entry first leaves the month with unclassified time, so the approval is refused with CONFLICT
 * (classify it, then approve); the approval first closes the month, so the entry is refused with LOCKED (the month is
 * approved: corrections go in as adjustments). Whichever way, the books add up: each batch's totals are its lines',
 * each line bills its entry as stored, and every entry of an approved month is in its batch.
 */

const minutes = (n: number) => n * 60_000;
/** Months that have ended by the clock below and lie inside the agreement (in force since 1 January 2026). */
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`);

describe('month approval racing late time on a team database', { timeout: 300_000 }, () => {
  let lead: OpenedBackend;
  let financeMember: OpenedBackend;
  let call: ReturnType<typeof apiCaller>;
  let finance: ReturnType<typeof apiCaller>;
  let customers: Awaited<ReturnType<typeof prepareBillingCustomer>>[];

  beforeAll(async () => {
    const now = Date.parse('2026-11-20T10:00:00+01:00');
    lead = await openPassphraseBackend({ now: () => now, source: 'team' });
    financeMember = await lead.joinAs('finance');
    call = apiCaller(createApi(lead.backend));
    finance = apiCaller(createApi(financeMember.backend));
    const receivedAt = Date.parse('2026-01-02T08:00:00+01:00');
    customers = [
      await prepareBillingCustomer(call, { receivedAt }),
      await prepareBillingCustomer(call, { name: 'Lunds kommun', serial: 121, receivedAt }),
    ];
  }, 120_000);
  afterAll(async () => {
    await financeMember?.cleanup();
    await lead?.cleanup();
  });

  test('exactly one of approval and late entry wins each time, with CONFLICT or LOCKED, and the books add up', async () => {
    const outcomes = { approvalWon: 0, entryWon: 0 };
    let round = 0;
    for (const fixture of customers) {
      const ticketId = fixture.standardTicket.id;
      for (const month of MONTHS) {
        const day = (d: number, hour: number) =>
          Date.parse(`${month}-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`);
        // The month's classified time, enough of it that the approval has work to do while the others write.
        const logged = [];
        for (let d = 3; d < 9; d++) {
          const entry = await call.ok('time.addManual', {
            ticketId,
            startedAt: day(d, 8),
            endedAt: day(d, 8) + minutes(20 + d),
            note: `Konfiguration dag ${d}`,
          });
          logged.push(
            await call.ok('time.classify', {
              entryId: entry.id,
              rowVersion: entry.rowVersion,
              classification: 'billable',
              workType: 'configuration_change',
            }),
          );
        }
        const edited = logged[0]!;
        // The technician's writes start up to 40 ms after the approval, a different lead each round, so the
        // writes land before, during and after the approval's transaction.
        const lead = later((round++ % 5) * 10);
        const [approval, late, edit] = await Promise.allSettled([
          finance.ok('billing.approveMonth', { month, customerId: fixture.customer.id }),
          lead.then(() =>
            call.ok('time.addManual', {
              ticketId,
              startedAt: day(20, 13),
              endedAt: day(20, 13) + minutes(45),
              note: 'Sent inrapporterad tid',
            }),
          ),
          lead.then(() =>
            call.ok('time.update', {
              id: edited.id,
              rowVersion: edited.rowVersion,
              endedAt: edited.endedAt! + minutes(30),
            }),
          ),
        ]);
        const label = `${fixture.customer.name} ${month}`;
        expect([approval.status, late.status].sort(), label).toEqual(['fulfilled', 'rejected']);
        if (approval.status === 'fulfilled') {
          outcomes.approvalWon++;
          expect(await refusal(call, 'time.addManual', lateEntryOf(ticketId, day)), label).toMatchObject({
            code: 'LOCKED',
          });
        } else {
          outcomes.entryWon++;
          const refused = await finance.fails('billing.approveMonth', {
            month,
            customerId: fixture.customer.id,
          });
          expect(refused, label).toMatchObject({ code: 'CONFLICT', details: { unclassified: 1 } });
          expect(String(approval.reason), label).toMatch(
            /CONFLICT .*cannot be approved: 1 entry is unclassified/,
          );
          // As finance then does: the late time is classified and the month approved, with it in the batch.
          if (late.status !== 'fulfilled') throw new Error('unreachable: one of the two won');
          await call.ok('time.classify', {
            entryId: late.value.id,
            rowVersion: late.value.rowVersion,
            classification: 'included',
          });
          await finance.ok('billing.approveMonth', { month, customerId: fixture.customer.id });
        }
        // The edit either went in before the approval (and the batch bills it) or was refused: never lost silently.
        if (edit.status === 'rejected') expect(String(edit.reason), label).toMatch(/LOCKED|CONFLICT/);
      }
    }
    await expectBooksAddUp(lead);
    // Which order wins is the race's to choose (both come up in a run, the entry more often, as the approval first
    // reads the month outside its transaction); each round had exactly one winner.
    expect(outcomes.approvalWon + outcomes.entryWon).toBe(customers.length * MONTHS.length);
  });
});

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Time logged after the round: refused once the month is approved. */
function lateEntryOf(ticketId: string, day: (d: number, hour: number) => number) {
  return { ticketId, startedAt: day(21, 13), endedAt: day(21, 13) + minutes(15), note: 'Ännu senare' };
}

async function refusal(
  call: ReturnType<typeof apiCaller>,
  method: string,
  input: unknown,
): Promise<ApiError> {
  return call.fails(method, input);
}

/**
 * The books as the database's owner reads them: each batch's totals are the sums of its lines, each entry line bills
 * its entry as stored now (its seconds), and no entry in an approved month is outside its batch.
 */
async function expectBooksAddUp(opened: OpenedBackend): Promise<void> {
  await asSuperuser(opened.team!.database.name, async (client) => {
    await client.query(`SET search_path = ${TEAM_SCHEMA}`);
    const totals =
      await client.query(`SELECT b.month, b.customer_name, b.lines::int, b.actual_minutes::int, b.billed_minutes::int,
        b.amount_ore::int, count(l.seq)::int AS line_count, coalesce(sum(l.actual_minutes), 0)::int AS line_actual,
        coalesce(sum(l.billed_minutes), 0)::int AS line_billed, coalesce(sum(l.amount_ore), 0)::int AS line_amount
      FROM billing_batches b LEFT JOIN billing_lines l ON l.batch_id = b.id
      GROUP BY b.id`);
    expect(totals.rows.length).toBeGreaterThan(0);
    for (const b of totals.rows) {
      expect({
        lines: b.line_count,
        actual: b.line_actual,
        billed: b.line_billed,
        amount: b.line_amount,
      }).toEqual({
        lines: b.lines,
        actual: b.actual_minutes,
        billed: b.billed_minutes,
        amount: b.amount_ore,
      });
    }
    const stale =
      await client.query(`SELECT e.id, l.actual_seconds, (e.ended_at - e.started_at) / 1000 AS seconds
      FROM time_entries e JOIN billing_lines l ON l.batch_id = e.batch_id AND l.seq = e.line_seq
      WHERE l.entry_id = e.id AND l.actual_seconds <> round((e.ended_at - e.started_at) / 1000.0)`);
    expect(stale.rows, 'lines that bill an entry other than as it is stored').toEqual([]);
    const outside = await client.query(`SELECT e.id, b.month FROM time_entries e
      JOIN tickets t ON t.id = e.ticket_id
      JOIN billing_batches b ON b.customer_id = t.customer_id
        AND e.started_at >= b.period_start AND e.started_at < b.period_end
      WHERE e.batch_id IS DISTINCT FROM b.id`);
    expect(outside.rows, 'entries in an approved month outside its batch').toEqual([]);
  });
}
