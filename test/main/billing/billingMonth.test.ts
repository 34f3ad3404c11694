import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { openPersonal, sealPersonal } from '../../../main/personalData/personalDataKeys.ts';
import { sqliteConnectionOf } from '../../../main/store/database.node.ts';
import { insertEntry } from '../../../main/time/timeEntryRepository.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { prepareBillingCustomer } from '../../support/billingCustomer.ts';
import { openPassphraseBackend, TEST_PASSPHRASE, TEST_USER } from '../../support/passphraseBackend.ts';
import { testDataSource } from '../../support/postgres/testTeam.ts';
import { contractVersion } from '../../support/storedVersion.ts';

const teamRun = testDataSource() === 'team';
/** Who approves and corrects: finance, a second member on a team database; the one local user embedded. */
const FINANCE_NAME = teamRun ? 'Fia Finans' : TEST_USER.name;
/**
 * How the store refuses the support lead's own statements on the billing tables: embedded, the lock triggers; on a
 * team database the lead may not write those tables at all, so its grants refuse first (the triggers stay behind).
 */
const BILLING_WRITE_REFUSED = teamRun ? /permission denied for table billing_/ : /LOTSEN_LOCKED/;

/*
 * Classification, approval of a month, locks and adjustments, through the real dispatcher on a real encrypted
 * store. Figures are worked out by hand beside them: the agreement bills in 15-minute steps per entry, at 1 200 kr
 * an hour for configuration changes and 1 500 kr for non-standard access.
 */

const at = (iso: string) => Date.parse(iso);
const minutes = (n: number) => n * 60_000;

describe('billing months', () => {
  let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
  let financeMember: Awaited<ReturnType<typeof openPassphraseBackend>>;
  let call: ReturnType<typeof apiCaller>;
  /** Finance's caller: approvals and corrections are theirs (on a team database a second member; else the same). */
  let finance: ReturnType<typeof apiCaller>;
  let now = at('2026-11-20T10:00:00+01:00');
  let fixture: Awaited<ReturnType<typeof prepareBillingCustomer>>;

  beforeEach(async () => {
    now = at('2026-11-20T10:00:00+01:00');
    await openStore();
    fixture = await prepareBillingCustomer(call, { receivedAt: at('2026-11-02T08:00:00+01:00') });
  });
  afterEach(async () => {
    await financeMember.cleanup();
    await opened.cleanup();
  });

  async function openStore() {
    opened = await openPassphraseBackend({ now: () => now });
    financeMember = await opened.joinAs('finance');
    call = apiCaller(createApi(opened.backend));
    finance = apiCaller(createApi(financeMember.backend));
  }

  const manual = (ticketId: string, start: string, length: number, note = '') =>
    call.ok('time.addManual', { ticketId, startedAt: at(start), endedAt: at(start) + minutes(length), note });

  /** November: 37 min of configuration change, 50 min included, 20 min through the non-standard VPN. */
  async function november() {
    const config = await manual(
      fixture.standardTicket.id,
      '2026-11-05T09:00:00+01:00',
      37,
      'Ändrade claim-regel',
    ).then((entry) =>
      call.ok('time.classify', {
        entryId: entry.id,
        rowVersion: entry.rowVersion,
        classification: 'billable',
        workType: 'configuration_change',
      }),
    );
    const included = await manual(
      fixture.standardTicket.id,
      '2026-11-05T13:00:00+01:00',
      50,
      'Felsökning',
    ).then((entry) =>
      call.ok('time.classify', {
        entryId: entry.id,
        rowVersion: entry.rowVersion,
        classification: 'included',
      }),
    );
    const special = await manual(
      fixture.specialTicket.id,
      '2026-11-30T23:30:00+01:00',
      20,
      'Via Fortinet',
    ).then((entry) =>
      call.ok('time.classify', {
        entryId: entry.id,
        rowVersion: entry.rowVersion,
        classification: 'billable',
        workType: 'non_standard_access',
      }),
    );
    return { config, included, special };
  }

  test('unclassified entries carry a suggestion: included for standard access, billable 8.6 for non-standard', async () => {
    const standard = await manual(fixture.standardTicket.id, '2026-11-05T09:00:00+01:00', 30);
    const special = await manual(fixture.specialTicket.id, '2026-11-05T11:00:00+01:00', 30);
    expect(standard).toMatchObject({
      classification: 'unclassified',
      suggestion: { classification: 'included', workType: null },
      batchId: null,
    });
    expect(special.suggestion).toMatchObject({ classification: 'billable', workType: 'non_standard_access' });
    expect(special.suggestion!.reason).toContain(
      'Skolnätet uses non-standard access, billable under section 8.6',
    );
    expect(await call.ok('time.suggestion', { entryId: special.id })).toEqual(special.suggestion);
    const timer = await call.ok('time.startTimer', { ticketId: fixture.specialTicket.id });
    expect(timer.suggestion?.workType).toBe('non_standard_access');

    const missing = await call.fails('time.classify', {
      entryId: special.id,
      rowVersion: special.rowVersion,
      classification: 'billable',
    });
    expect(missing.details?.issues).toEqual([
      { path: 'workType', message: 'Billable time needs a work type' },
    ]);
    const classified = await call.ok('time.classify', {
      entryId: special.id,
      rowVersion: special.rowVersion,
      classification: 'billable',
      workType: 'non_standard_access',
    });
    expect(classified).toMatchObject({ classification: 'billable', suggestion: null });
    const listed = await call.ok('time.list', { customerId: fixture.customer.id });
    expect(listed.map((e) => [e.classification, e.suggestion?.classification ?? null])).toEqual([
      ['unclassified', 'included'],
      ['billable', null],
      ['unclassified', 'billable'],
    ]);
  });

  test("a session's entry is judged by the warnings shown when the session was opened", async () => {
    const ctx = opened.backend.registryContext();
    const sessionId = '00000000-0000-4000-8000-0000000000aa';
    await ctx.db
      .insertInto('sessions')
      .values({
        id: sessionId,
        kind: 'local',
        title: 'PowerShell mot wap01',
        ticket_id: fixture.standardTicket.id,
        environment_id: fixture.environment.id,
        server_id: null,
        account_id: null,
        technician_id: ctx.actorId,
        owner: 'test#1',
        state: 'closed',
        opened_at: now,
        closed_at: now + minutes(30),
        end_code: null,
        end_message: null,
        end_details: null,
        override_reason: null,
        // The environment was reached another way then (its access has changed since).
        // Sealed under the ticket's key, as the session manager stores them.
        warnings: await sealPersonal(
          ctx.db,
          { kind: 'ticket', id: fixture.standardTicket.id },
          JSON.stringify([
            { code: 'NON_STANDARD_ACCESS', message: 'Produktion uses a non-standard access method.' },
          ]),
        ),
        recording_id: null,
        time_entry_id: null,
        cols: 80,
        rows: 24,
      })
      .execute();
    // In a transaction, as every caller writes time: on a team database it holds the month open (monthTurns.ts).
    const entryId = await ctx.db.transaction().execute((trx) =>
      insertEntry(trx, ctx, {
        ticketId: fixture.standardTicket.id,
        startedAt: now,
        endedAt: now + minutes(30),
        source: 'session',
        sessionId,
        note: 'PowerShell mot wap01',
      }),
    );
    const manual = await call.ok('time.addManual', {
      ticketId: fixture.standardTicket.id,
      startedAt: now,
      endedAt: now + minutes(30),
    });
    const entries = await call.ok('time.list', { ticketId: fixture.standardTicket.id });
    expect(entries.find((e) => e.id === entryId)?.suggestion).toMatchObject({
      classification: 'billable',
      workType: 'non_standard_access',
    });
    // The same ticket now, through its standard environment: included.
    expect(entries.find((e) => e.id === manual.id)?.suggestion?.classification).toBe('included');
    // A session's times are the session's: only its note can change, and it cannot be deleted.
    expect(
      (await call.fails('time.update', { id: entryId, rowVersion: 1, endedAt: now + minutes(60) })).code,
    ).toBe('CONFLICT');
    expect((await call.fails('time.delete', { id: entryId })).code).toBe('CONFLICT');
    expect(
      await call.ok('time.update', { id: entryId, rowVersion: 1, note: 'Bytte certifikat' }),
    ).toMatchObject({
      note: 'Bytte certifikat',
    });
  });

  test('an entry under a minute need not be classified: it holds up no approval and is not counted unclassified', async () => {
    await november();
    now = at('2026-11-06T10:00:00+01:00');
    await call.ok('time.startTimer', { ticketId: fixture.standardTicket.id });
    now += 20_000;
    const stopped = await call.ok('time.stopTimer', {});
    expect(stopped).toMatchObject({ classification: 'unclassified' });
    now = at('2026-12-01T08:00:00+01:00');
    const summary = await call.ok('billing.monthSummary', { month: '2026-11' });
    expect(summary.customers[0]).toMatchObject({ unclassified: 0, problems: [] });
    const batch = await finance.ok('billing.approveMonth', {
      month: '2026-11',
      customerId: fixture.customer.id,
    });
    expect(batch).toMatchObject({ month: '2026-11' });
    // A minute is classified like any other time.
    now = at('2026-12-06T10:00:00+01:00');
    await call.ok('time.startTimer', { ticketId: fixture.standardTicket.id });
    now += 60_000;
    await call.ok('time.stopTimer', {});
    now = at('2027-01-01T08:00:00+01:00');
    expect(
      (await finance.fails('billing.approveMonth', { month: '2026-12', customerId: fixture.customer.id }))
        .details,
    ).toMatchObject({ unclassified: 1 });
  });

  test('approval is refused before the month ends and while entries are unclassified or running', async () => {
    await november();
    const open = await manual(fixture.standardTicket.id, '2026-11-06T10:00:00+01:00', 10);
    await call.ok('time.startTimer', { ticketId: fixture.standardTicket.id });
    const input = { month: '2026-11', customerId: fixture.customer.id };

    const early = await finance.fails('billing.approveMonth', input);
    expect(early).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('has not ended') });

    now = at('2026-12-01T08:00:00+01:00');
    const refused = await finance.fails('billing.approveMonth', input);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      'November 2026 for Växjö kommun cannot be approved: 1 entry is unclassified; 1 entry is still running. ' +
        'Classify the time, stop what runs and price billable work, then approve again.',
    );
    expect(refused.details).toMatchObject({ unclassified: 1, running: 1 });
    expect(await call.ok('billing.listBatches', {})).toEqual([]);

    const summary = await call.ok('billing.monthSummary', { month: '2026-11' });
    expect(summary.customers[0]).toMatchObject({
      status: 'open',
      entries: 5,
      unclassified: 1,
      running: 1,
      problems: ['1 entry is unclassified', '1 entry is still running'],
      issues: [
        { code: 'unclassified', count: 1 },
        { code: 'running', count: 1 },
      ],
    });

    await call.ok('time.classify', {
      entryId: open.id,
      rowVersion: open.rowVersion,
      classification: 'no_charge',
    });
    const stopped = await call.ok('time.stopTimer', {});
    // Stopped, the timer's entry is unclassified time like any other.
    expect((await finance.fails('billing.approveMonth', input)).details).toMatchObject({
      unclassified: 1,
      running: 0,
    });
    await call.ok('time.classify', {
      entryId: stopped!.id,
      rowVersion: stopped!.rowVersion,
      classification: 'included',
    });
    const batch = await finance.ok('billing.approveMonth', input);
    expect(batch).toMatchObject({ number: 1, month: '2026-11', entries: 5, lines: 5 });
  });

  test('an approved month stores actual and billed minutes apart, per line, and locks its entries', async () => {
    const { config, included, special } = await november();
    now = at('2026-12-02T09:00:00+01:00');
    const batch = await finance.ok('billing.approveMonth', {
      month: '2026-11',
      customerId: fixture.customer.id,
    });
    // 37 min -> 45 min at 1 200 kr/h = 900 kr; 20 min -> 30 min at 1 500 kr/h = 750 kr; 50 min included.
    expect(batch).toMatchObject({
      customerName: 'Växjö kommun',
      entries: 3,
      lines: 3,
      actualMinutes: 37 + 50 + 20,
      billedMinutes: 45 + 30,
      amountOre: 90_000 + 75_000,
      approvedBy: FINANCE_NAME,
      approvedAt: now,
    });
    const lines = await opened.backend
      .registryContext()
      .db.selectFrom('billing_lines')
      .select([
        'seq',
        'entry_id',
        'day',
        'actual_seconds',
        'actual_minutes',
        'billed_minutes',
        'rate_ore',
        'amount_ore',
      ])
      .where('batch_id', '=', batch.id)
      .orderBy('seq')
      .execute();
    expect(lines).toEqual([
      {
        seq: 1,
        entry_id: config.id,
        day: '2026-11-05',
        actual_seconds: 2220,
        actual_minutes: 37,
        billed_minutes: 45,
        rate_ore: 120_000,
        amount_ore: 90_000,
      },
      {
        seq: 2,
        entry_id: included.id,
        day: '2026-11-05',
        actual_seconds: 3000,
        actual_minutes: 50,
        billed_minutes: 0,
        rate_ore: 0,
        amount_ore: 0,
      },
      // 23:30 on 30 November in Sweden is still November, though it is 22:30 UTC.
      {
        seq: 3,
        entry_id: special.id,
        day: '2026-11-30',
        actual_seconds: 1200,
        actual_minutes: 20,
        billed_minutes: 30,
        rate_ore: 150_000,
        amount_ore: 75_000,
      },
    ]);
    const entries = await call.ok('time.list', { customerId: fixture.customer.id });
    expect(entries.every((e) => e.batchId === batch.id)).toBe(true);
    // Made (1), classified (2), and put into the batch by the approval (3): an edit begun before it is stale.
    expect(entries.map((e) => e.rowVersion)).toEqual([3, 3, 3]);

    const again = await finance.fails('billing.approveMonth', {
      month: '2026-11',
      customerId: fixture.customer.id,
    });
    expect(again.message).toContain('already approved (billing batch 1)');
    const summary = await call.ok('billing.monthSummary', { month: '2026-11' });
    expect(summary).toMatchObject({
      ended: true,
      customers: [{ status: 'approved', batchNumber: 1, billedMinutes: 75, amountOre: 165_000 }],
      totals: { billedMinutes: 75, amountOre: 165_000, unclassified: 0 },
    });
    const audit = await call.ok('audit.list', { event: 'billing.month_approved' });
    expect(audit[0]).toMatchObject({
      subjectId: batch.id,
      details: { number: 1, month: '2026-11', amountOre: 165_000, billedMinutes: 75 },
    });
  });

  test('locked entries refuse every change, through every API call and in the store itself', async () => {
    const { config } = await november();
    const december = await manual(fixture.standardTicket.id, '2026-12-01T09:00:00+01:00', 15);
    now = at('2026-12-02T09:00:00+01:00');
    await finance.ok('billing.approveMonth', { month: '2026-11', customerId: fixture.customer.id });
    const before = await call.ok('time.list', { customerId: fixture.customer.id });

    const refusals = [
      await call.fails('time.classify', {
        entryId: config.id,
        rowVersion: config.rowVersion,
        classification: 'no_charge',
      }),
      await call.fails('time.update', {
        id: config.id,
        rowVersion: config.rowVersion,
        note: 'ändrad i efterhand',
      }),
      await call.fails('time.update', {
        id: config.id,
        rowVersion: config.rowVersion,
        endedAt: config.endedAt! + minutes(30),
      }),
      await call.fails('time.delete', { id: config.id }),
      // Time cannot be added to, or moved into, the approved month either.
      await call.fails('time.addManual', {
        ticketId: fixture.standardTicket.id,
        startedAt: at('2026-11-10T09:00:00+01:00'),
        endedAt: at('2026-11-10T10:00:00+01:00'),
      }),
      await call.fails('time.update', {
        id: december.id,
        rowVersion: december.rowVersion,
        startedAt: at('2026-11-30T23:50:00+01:00'),
      }),
    ];
    for (const refusal of refusals) expect(refusal.code).toBe('LOCKED');
    expect(refusals[0]!.message).toContain('November 2026 was approved in billing batch 1');
    expect(refusals[4]!.message).toContain('November 2026 is approved for Växjö kommun (billing batch 1)');

    // A clock that reads November (a machine with a wrong date) cannot start a timer in the closed month.
    now = at('2026-11-25T09:00:00+01:00');
    expect(await call.fails('time.startTimer', { ticketId: fixture.standardTicket.id })).toMatchObject({
      code: 'LOCKED',
    });
    now = at('2026-12-02T09:00:00+01:00');

    // The store's triggers refuse what no API call offers: stopping (re-running) a locked entry, editing, deleting.
    const db = opened.backend.registryContext().db;
    await expect(
      db.updateTable('time_entries').set({ ended_at: null }).where('id', '=', config.id).execute(),
    ).rejects.toThrow(/LOTSEN_LOCKED/);
    await expect(db.deleteFrom('time_entries').where('id', '=', config.id).execute()).rejects.toThrow(
      /LOTSEN_LOCKED/,
    );
    await expect(sql`UPDATE billing_lines SET amount_ore = 1`.execute(db)).rejects.toThrow(
      BILLING_WRITE_REFUSED,
    );
    await expect(sql`DELETE FROM billing_batches`.execute(db)).rejects.toThrow(BILLING_WRITE_REFUSED);
    await expect(
      db
        .insertInto('time_entries')
        .values({
          id: '00000000-0000-4000-8000-000000000001',
          ticket_id: fixture.standardTicket.id,
          technician_id: config.technicianId,
          started_at: at('2026-11-11T09:00:00+01:00'),
          ended_at: at('2026-11-11T10:00:00+01:00'),
          source: 'manual',
          session_id: null,
          note: '',
          classification: 'billable',
          work_type: 'project',
          batch_id: null,
          line_seq: null,
          created_at: now,
          created_by: config.technicianId,
          updated_at: now,
          updated_by: config.technicianId,
        })
        .execute(),
    ).rejects.toThrow(/LOTSEN_LOCKED/);

    expect(await call.ok('time.list', { customerId: fixture.customer.id })).toEqual(before);
    // Billed time is accounting material: its customer stays.
    expect(await call.fails('registry.deleteCustomer', { id: fixture.customer.id })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('approved billing months'),
    });
    // December is open: its entry can still be edited and deleted.
    expect(
      await call.ok('time.update', { id: december.id, rowVersion: december.rowVersion, note: 'ok' }),
    ).toMatchObject({ note: 'ok' });
    await call.ok('time.delete', { id: december.id });
  });

  test('an adjustment corrects locked time in the next open month, priced as the line it corrects', async () => {
    const { config, included } = await november();
    const notLocked = await manual(fixture.standardTicket.id, '2026-12-03T09:00:00+01:00', 15);
    now = at('2026-12-02T09:00:00+01:00');
    await finance.ok('billing.approveMonth', { month: '2026-11', customerId: fixture.customer.id });
    now = at('2026-12-04T09:00:00+01:00');

    const refused = await finance.fails('billing.addAdjustment', {
      entryId: notLocked.id,
      minutes: 10,
      note: 'fel',
    });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('not locked') });
    expect(
      (await finance.fails('billing.addAdjustment', { entryId: config.id, minutes: 0, note: 'x' })).code,
    ).toBe('VALIDATION');

    const more = await finance.ok('billing.addAdjustment', {
      entryId: config.id,
      minutes: 20,
      note: 'Glömde dokumentationen',
    });
    expect(more).toMatchObject({ month: '2026-12', minutes: 20, batchId: null, createdBy: FINANCE_NAME });
    now += minutes(1);
    const less = await finance.ok('billing.addAdjustment', {
      entryId: config.id,
      minutes: -10,
      note: 'Dubbelräknat',
    });
    now += minutes(1);
    const onIncluded = await finance.ok('billing.addAdjustment', {
      entryId: included.id,
      minutes: 5,
      note: 'Samtal',
    });
    await call.ok('time.classify', {
      entryId: notLocked.id,
      rowVersion: notLocked.rowVersion,
      classification: 'included',
    });

    // December as it stands: 15 min included, +20 min and -10 min at 1 200 kr/h (billed as given, not rounded),
    // +5 min on included time (not billed).
    const december = await call.ok('billing.monthSummary', { month: '2026-12' });
    expect(december.customers[0]).toMatchObject({
      status: 'open',
      adjustments: 3,
      actualMinutes: 15 + 20 - 10 + 5,
      billedMinutes: 20 - 10,
      amountOre: 40_000 - 20_000,
    });

    now = at('2027-01-02T09:00:00+01:00');
    const batch = await finance.ok('billing.approveMonth', {
      month: '2026-12',
      customerId: fixture.customer.id,
    });
    expect(batch).toMatchObject({ number: 2, lines: 4, billedMinutes: 10, amountOre: 20_000 });
    const adjustments = await call.ok('billing.listAdjustments', { customerId: fixture.customer.id });
    expect(adjustments.map((a) => [a.id, a.batchId])).toEqual([
      [more.id, batch.id],
      [less.id, batch.id],
      [onIncluded.id, batch.id],
    ]);
    // November and December are both closed now: the next correction lands in January.
    const january = await finance.ok('billing.addAdjustment', {
      entryId: config.id,
      minutes: 15,
      note: 'Sent ändring',
    });
    expect(january.month).toBe('2027-01');
    const audit = await call.ok('audit.list', { event: 'billing.adjustment_added' });
    expect(audit).toHaveLength(4);
    // A locked adjustment cannot be edited in the store either.
    await expect(
      sql`UPDATE billing_adjustments SET minutes = 99 WHERE id = ${more.id}`.execute(
        opened.backend.registryContext().db,
      ),
    ).rejects.toThrow(BILLING_WRITE_REFUSED);
  });

  test('per ticket and day, entries are summed before rounding, and acute escalation adds its fee', async () => {
    await financeMember.cleanup();
    await opened.cleanup();
    await openStore();
    fixture = await prepareBillingCustomer(call, {
      receivedAt: at('2026-11-02T08:00:00+01:00'),
      rounding: { incrementMinutes: 30, scope: 'ticket_day', minimumMinutes: 60 },
    });
    for (const [start, length] of [
      ['2026-11-05T09:00:00+01:00', 10],
      ['2026-11-05T14:00:00+01:00', 25],
      ['2026-11-06T09:00:00+01:00', 70],
    ] as const) {
      const entry = await manual(fixture.standardTicket.id, start, length, `arbete ${length}`);
      await call.ok('time.classify', {
        entryId: entry.id,
        rowVersion: entry.rowVersion,
        classification: 'billable',
        workType: 'configuration_change',
      });
    }
    await call.ok('tickets.escalate', { id: fixture.standardTicket.id, at: at('2026-11-05T15:00:00+01:00') });
    now = at('2026-12-01T09:00:00+01:00');
    const batch = await finance.ok('billing.approveMonth', {
      month: '2026-11',
      customerId: fixture.customer.id,
    });
    // 5 Nov: 10 + 25 = 35 min -> 60 (the minimum); 6 Nov: 70 -> 90. At 1 200 kr/h: 1 200 + 1 800 kr; fee 2 500 kr.
    expect(batch).toMatchObject({ entries: 3, lines: 3, actualMinutes: 105, billedMinutes: 150 });
    expect(batch.amountOre).toBe(120_000 + 180_000 + 250_000);
    const db = opened.backend.registryContext().db;
    const stored = await db
      .selectFrom('billing_lines')
      .select(['kind', 'day', 'entry_count', 'actual_minutes', 'billed_minutes', 'amount_ore', 'note'])
      .where('batch_id', '=', batch.id)
      .orderBy('seq')
      .execute();
    // Notes are stored sealed under the ticket's data key.
    const notes = await openPersonal(
      db,
      stored.map((line) => line.note),
    );
    const lines = stored.map((line, i) => ({ ...line, note: notes[i] }));
    expect(lines).toEqual([
      {
        kind: 'time',
        day: '2026-11-05',
        entry_count: 2,
        actual_minutes: 35,
        billed_minutes: 60,
        amount_ore: 120_000,
        note: 'arbete 10 · arbete 25',
      },
      {
        kind: 'time',
        day: '2026-11-06',
        entry_count: 1,
        actual_minutes: 70,
        billed_minutes: 90,
        amount_ore: 180_000,
        note: 'arbete 70',
      },
      {
        kind: 'fee',
        day: '2026-11-05',
        entry_count: 0,
        actual_minutes: 0,
        billed_minutes: 0,
        amount_ore: 250_000,
        note: 'Acute escalation at 2026-11-05T15:00:00+01:00',
      },
    ]);
  });

  test('an acute escalation on a ticket whose time is all included is billed as its one fee line, once', async () => {
    const first = await manual(fixture.standardTicket.id, '2026-11-05T14:00:00+01:00', 40, 'Felsökning');
    const second = await manual(fixture.standardTicket.id, '2026-11-05T16:10:00+01:00', 25, 'Uppföljning');
    for (const entry of [first, second]) {
      await call.ok('time.classify', {
        entryId: entry.id,
        rowVersion: entry.rowVersion,
        classification: 'included',
      });
    }
    await call.ok('tickets.escalate', { id: fixture.standardTicket.id, at: at('2026-11-05T15:00:00+01:00') });
    now = at('2026-12-01T09:00:00+01:00');
    const batch = await finance.ok('billing.approveMonth', {
      month: '2026-11',
      customerId: fixture.customer.id,
    });
    const fee = fixture.agreement.acuteEscalation.feeOre;
    expect(fee).toBeGreaterThan(0);
    expect(batch).toMatchObject({
      entries: 2,
      lines: 3,
      actualMinutes: 65,
      billedMinutes: 0,
      amountOre: fee,
    });
    const lines = await opened.backend
      .registryContext()
      .db.selectFrom('billing_lines')
      .select([
        'kind',
        'classification',
        'entry_id',
        'ticket_id',
        'agreement_ref',
        'billed_minutes',
        'amount_ore',
      ])
      .where('batch_id', '=', batch.id)
      .orderBy('seq')
      .execute();
    const time = { kind: 'time', classification: 'included', ticket_id: fixture.standardTicket.id };
    expect(lines).toEqual([
      { ...time, entry_id: first.id, agreement_ref: 'AVT-2026-01', billed_minutes: 0, amount_ore: 0 },
      { ...time, entry_id: second.id, agreement_ref: 'AVT-2026-01', billed_minutes: 0, amount_ore: 0 },
      {
        kind: 'fee',
        classification: 'billable',
        entry_id: null,
        ticket_id: fixture.standardTicket.id,
        agreement_ref: fixture.agreement.reference,
        billed_minutes: 0,
        amount_ore: fee,
      },
    ]);
    // The fee is November's: the month after bills nothing for the ticket.
    expect((await call.ok('billing.monthSummary', { month: '2026-12' })).customers).toEqual([]);
  });

  test('an agreement without the acute option refuses the escalation: the ticket bills its time and no fee line', async () => {
    // The option switched off but its fee kept, as finance might leave it: disabled means no acute escalation.
    await call.ok('agreements.save', {
      customerId: fixture.customer.id,
      id: fixture.agreement.id,
      rowVersion: await contractVersion(call, fixture.customer.id, fixture.agreement.id),
      agreement: {
        reference: fixture.agreement.reference,
        startsOn: '2026-01-01',
        acuteEscalation: { enabled: false, feeOre: 250_000 },
        hourlyRatesOre: { configuration_change: 120_000 },
        services: fixture.agreement.services,
        rounding: { incrementMinutes: 15, scope: 'entry', minimumMinutes: 0 },
      },
    });
    const entry = await manual(
      fixture.standardTicket.id,
      '2026-11-05T09:00:00+01:00',
      37,
      'Ändrade claim-regel',
    );
    await call.ok('time.classify', {
      entryId: entry.id,
      rowVersion: entry.rowVersion,
      classification: 'billable',
      workType: 'configuration_change',
    });
    expect(
      await call.fails('tickets.escalate', {
        id: fixture.standardTicket.id,
        at: at('2026-11-05T15:00:00+01:00'),
      }),
    ).toMatchObject({ code: 'NOT_ELIGIBLE', details: { reason: 'NO_ACUTE_OPTION' } });
    now = at('2026-12-01T09:00:00+01:00');
    const batch = await finance.ok('billing.approveMonth', {
      month: '2026-11',
      customerId: fixture.customer.id,
    });
    // 37 min -> 45 at 1 200 kr/h: 900 kr, and nothing for the refused escalation.
    expect(batch).toMatchObject({
      entries: 1,
      lines: 1,
      actualMinutes: 37,
      billedMinutes: 45,
      amountOre: 90_000,
    });
    const lines = await opened.backend
      .registryContext()
      .db.selectFrom('billing_lines')
      .select(['kind', 'ticket_id', 'billed_minutes', 'amount_ore'])
      .where('batch_id', '=', batch.id)
      .orderBy('seq')
      .execute();
    expect(lines).toEqual([
      { kind: 'time', ticket_id: fixture.standardTicket.id, billed_minutes: 45, amount_ore: 90_000 },
    ]);
  });

  test('a correction cannot take off more than was billed for the line it corrects', async () => {
    const { config, included } = await november();
    now = at('2026-12-02T09:00:00+01:00');
    await finance.ok('billing.approveMonth', { month: '2026-11', customerId: fixture.customer.id });
    const adjust = (entryId: string, by: number) => {
      now += minutes(1);
      return finance.ok('billing.addAdjustment', { entryId, minutes: by, note: 'Rättelse' });
    };
    const refused = (entryId: string, by: number) =>
      finance.fails('billing.addAdjustment', { entryId, minutes: by, note: 'Rättelse' });

    // 37 min of configuration change was billed as 45.
    expect(await refused(config.id, -46)).toMatchObject({
      code: 'VALIDATION',
      message:
        'At most 45 minutes can be taken off: the line that billed this entry counted 45 minutes, and a ' +
        'correction cannot bill less than nothing.',
      details: { issues: [{ path: 'minutes' }] },
    });
    await adjust(config.id, 10);
    await adjust(config.id, -30);
    expect((await refused(config.id, -26)).message).toBe(
      'At most 25 minutes can be taken off: the line that billed this entry counted 45 minutes and earlier ' +
        'corrections -20, and a correction cannot bill less than nothing.',
    );
    await adjust(config.id, -25);
    expect((await refused(config.id, -1)).message).toContain('At most 0 minutes can be taken off');
    // Included time bills nothing; a correction of it cannot count less than the 50 minutes worked.
    expect((await refused(included.id, -51)).message).toContain('At most 50 minutes can be taken off');
    await adjust(included.id, -50);

    const adjustments = await call.ok('billing.listAdjustments', { customerId: fixture.customer.id });
    expect(adjustments.map((a) => a.minutes)).toEqual([10, -30, -25, -50]);
    expect((await call.ok('billing.monthSummary', { month: '2026-12' })).customers[0]).toMatchObject({
      adjustments: 4,
      billedMinutes: -45,
      amountOre: -90_000,
    });
  });

  test('two approvals of one month at once: one batch, and the other is told which', async () => {
    await november();
    now = at('2026-12-02T09:00:00+01:00');
    const input = { month: '2026-11', customerId: fixture.customer.id };
    // A double click, or the app and `lotsen time approve` together: both pass the first check. Which one wins is the
    // store's to decide (SQLite's write lock; PostgreSQL's advisory lock, store/writeLocks.ts), not the call order.
    const api = createApi(financeMember.backend);
    const results = await Promise.all([1, 2].map(() => api.dispatch('billing.approveMonth', input)));
    const won = results.flatMap((r) => (r.ok ? [r.value] : []));
    const refused = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(won).toMatchObject([{ number: 1, billedMinutes: 45 + 30, amountOre: 90_000 + 75_000 }]);
    expect(refused).toMatchObject([
      {
        code: 'CONFLICT',
        message:
          'November 2026 for Växjö kommun is already approved (billing batch 1). Corrections go in as adjustments.',
      },
    ]);
    // The books add up: one batch, the month's total billed once, one approval in the log.
    expect(await call.ok('billing.listBatches', { month: '2026-11' })).toHaveLength(1);
    expect((await call.ok('billing.monthSummary', { month: '2026-11' })).totals).toMatchObject({
      billedMinutes: 75,
      amountOre: 165_000,
    });
    expect(await call.ok('audit.list', { event: 'billing.month_approved' })).toHaveLength(1);
    expect(await call.ok('audit.verify', {})).toMatchObject({ intact: true });
  });

  test.skipIf(teamRun)(
    "an approval while another Lotsen holds the store for writing is CONFLICT, try again, and nothing is approved — embedded only: another process holds SQLite's one write lock; on a team database approvals wait their turn (the test above)",
    async () => {
      await november();
      now = at('2026-12-02T09:00:00+01:00');
      const input = { month: '2026-11', customerId: fixture.customer.id };
      // Another process's write transaction: SQLite does not wait for it once this one has read (at most the busy
      // timeout otherwise).
      const other = await Backend.open({ dataDir: opened.dataDir });
      try {
        await other.unlock(TEST_PASSPHRASE);
        const otherConnection = sqliteConnectionOf(other.registryContext().db)!;
        otherConnection.exec('BEGIN IMMEDIATE');
        const refused = await finance.fails('billing.approveMonth', input);
        otherConnection.exec('ROLLBACK');
        expect(refused).toEqual({
          code: 'CONFLICT',
          message:
            'Another Lotsen was writing to the store at the same moment, so this was not done; try again.',
          detail: { key: 'storage.storeBusy', values: {} },
        });
        expect(await call.ok('billing.listBatches', { month: '2026-11' })).toEqual([]);
        expect(await finance.ok('billing.approveMonth', input)).toMatchObject({ number: 1 });
      } finally {
        await other.close();
      }
    },
    30_000,
  );

  test('corrections are priced as the change they make to their line, so taking it to zero bills exactly nothing', async () => {
    // 10 min of a change in the customer's environment, billed as 15 min at 1 100 kr/h: 275 kr.
    const entry = await manual(fixture.standardTicket.id, '2026-11-05T09:00:00+01:00', 10);
    await call.ok('time.classify', {
      entryId: entry.id,
      rowVersion: entry.rowVersion,
      classification: 'billable',
      workType: 'customer_environment_change',
    });
    now = at('2026-12-02T09:00:00+01:00');
    const batch = await finance.ok('billing.approveMonth', {
      month: '2026-11',
      customerId: fixture.customer.id,
    });
    expect(batch.amountOre).toBe(27_500);
    // Seven corrections of -2 min and one of -1. Priced one by one, 2 min is 36,666... kr, rounded to 36,67, and
    // 1 min 18,33: together 275,02 kr taken off a line of 275 kr. As changes of the line's total they take 275.
    for (const by of [-2, -2, -2, -2, -2, -2, -2, -1]) {
      now += minutes(1);
      await finance.ok('billing.addAdjustment', { entryId: entry.id, minutes: by, note: 'Rättelse' });
    }
    const december = (await call.ok('billing.monthSummary', { month: '2026-12' })).customers[0];
    expect(december).toMatchObject({ adjustments: 8, billedMinutes: -15, amountOre: -27_500 });
  });

  test("a month's customers are those with time started in it: its first instant counts, the next month's does not", async () => {
    const other = await prepareBillingCustomer(call, {
      name: 'Örebro kommun',
      serial: 71,
      receivedAt: at('2026-10-20T08:00:00+02:00'),
    });
    now = at('2026-12-02T09:00:00+01:00');
    // Växjö: one at November's first instant, one in its last minutes running on into December.
    await manual(fixture.specialTicket.id, '2026-11-01T00:00:00+01:00', 5);
    await manual(fixture.standardTicket.id, '2026-11-30T23:50:00+01:00', 20);
    // Örebro: one at December's first instant, and two on one ticket in October.
    await manual(other.standardTicket.id, '2026-12-01T00:00:00+01:00', 20);
    await manual(other.specialTicket.id, '2026-10-30T10:00:00+01:00', 30);
    await manual(other.specialTicket.id, '2026-10-31T23:59:00+01:00', 30);
    const customers = async (month: string) =>
      (await call.ok('billing.monthSummary', { month })).customers.map((c) => [c.customerName, c.entries]);
    expect(await customers('2026-10')).toEqual([['Örebro kommun', 2]]);
    expect(await customers('2026-11')).toEqual([['Växjö kommun', 2]]);
    expect(await customers('2026-12')).toEqual([['Örebro kommun', 1]]);
    expect(await customers('2026-09')).toEqual([]);
  });

  test('twelve months of billed hours per customer, approved months from their batch', async () => {
    await november();
    await manual(fixture.standardTicket.id, '2026-10-01T09:00:00+02:00', 61).then((e) =>
      call.ok('time.classify', {
        entryId: e.id,
        rowVersion: e.rowVersion,
        classification: 'billable',
        workType: 'project',
      }),
    );
    now = at('2026-12-02T09:00:00+01:00');
    await finance.ok('billing.approveMonth', { month: '2026-11', customerId: fixture.customer.id });
    const series = await call.ok('billing.billedHours', {});
    expect(series.months[0]).toBe('2026-01');
    expect(series.months[11]).toBe('2026-12');
    expect(series.customers).toEqual([
      {
        customerId: fixture.customer.id,
        customerName: 'Växjö kommun',
        // October is still open: 61 min -> 75 as it would bill; November approved: 45 + 30.
        billedMinutes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 75, 75, 0],
      },
    ]);
  });
});
