import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { createApiClient } from '../../../renderer/api/client.ts';
import { selectHoursChart } from '../../../renderer/store/billing/slices/history/selectors.ts';
import {
  approvalBlocker,
  selectCustomerMonths,
} from '../../../renderer/store/billing/slices/month/selectors.ts';
import { createStores, startStores, type Stores } from '../../../renderer/store/stores.ts';
import { selectTimerElapsed } from '../../../renderer/store/time/slices/timer/selectors.ts';
import {
  selectWeekDays,
  selectWeekSummary,
} from '../../../renderer/store/time/slices/timesheet/selectors.ts';
import { weekStartOf } from '../../../renderer/store/time/week.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';
import { inProcessTransport } from '../support/inProcessTransport.ts';
import { waitFor } from '../support/wsServer.ts';

const MINUTE = 60_000;
/** Wednesday 18 November 2026, 10:00 in Sweden: the backend's clock, moved by the tests. */
const WEDNESDAY = Date.parse('2026-11-18T10:00:00+01:00');
const RATE_ORE = 1_250_00;

let clock = WEDNESDAY;
let env: Awaited<ReturnType<typeof openPassphraseBackend>>;
let stores: Stores;
let stop: () => void;
let call: ReturnType<typeof apiCaller>;
let ticketId: string;
let customerId: string;
let me: string;

beforeEach(async () => {
  clock = WEDNESDAY;
  env = await openPassphraseBackend({ now: () => clock });
  stores = createStores(createApiClient(inProcessTransport(env.backend)));
  stop = startStores(stores);
  call = apiCaller(createApi(env.backend, () => undefined));
  const { customer, environment } = await createCustomerWithEnvironment(call);
  customerId = customer.id;
  await call.ok('agreements.save', {
    customerId,
    agreement: {
      reference: 'FA-1',
      startsOn: '2026-01-01',
      services: [{ kind: 'sso', name: 'AD FS', environmentId: environment.id }],
      hourlyRatesOre: { configuration_change: RATE_ORE },
      rounding: { incrementMinutes: 15, scope: 'entry', minimumMinutes: 0 },
    },
  });
  await call.ok('dpas.save', {
    customerId,
    dpa: { signedOn: '2026-01-01', reference: 'PUB-1', signatory: 'Karin Jurist' },
  });
  const ticket = await call.ok('tickets.save', {
    ticket: {
      customerId,
      requesterName: 'Åsa Öberg',
      requesterEmail: 'asa.oberg@vaxjo.se',
      subject: 'Certifikatbyte',
      receivedAt: WEDNESDAY - 60 * MINUTE,
    },
  });
  ticketId = ticket.id;
  await waitFor(() => stores.app.getState().status?.state === 'unlocked');
  me = stores.app.getState().status!.user!.id;
});

afterEach(async () => {
  stop();
  await env.cleanup();
});

describe('the time store against a real backend', () => {
  it('runs a timer, shows it stopped in its week with a suggestion, and classifies it', async () => {
    const time = stores.time;
    const started = await time.getState().startTimer(ticketId);
    expect(time.getState().running?.id).toBe(started.id);
    time.getState().tick(started.startedAt + 65_000);
    expect(selectTimerElapsed(time.getState())).toBe(65);

    clock += 30 * MINUTE;
    const stopped = await time.getState().stopTimer();
    expect(stopped?.actualSeconds).toBe(1_800);
    expect(time.getState().running).toBeNull();

    time.getState().showWeek(weekStartOf(WEDNESDAY));
    await waitFor(() => time.getState().sheetStatus === 'ready' && time.getState().entries.length === 1);
    const days = selectWeekDays(time.getState(), me);
    expect(days.map((d) => d.day)).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
    expect(days[2]!.entries.map((e) => e.id)).toEqual([started.id]);
    expect(days[2]!.seconds).toBe(1_800);
    expect(selectWeekSummary(time.getState(), me)).toEqual({
      seconds: 1_800,
      entries: 1,
      unclassified: 1,
      locked: 0,
    });
    expect(days[2]!.entries[0]!.suggestion?.classification).toBe('included');
    // The tickets for the pickers came with the week.
    expect(time.getState().tickets.map((t) => t.id)).toEqual([ticketId]);

    // Stopped since it started: classified at the version the timesheet shows now.
    await time.getState().classify({
      entryId: started.id,
      rowVersion: days[2]!.entries[0]!.rowVersion,
      classification: 'billable',
      workType: 'configuration_change',
    });
    const [entry] = time.getState().entries;
    expect(entry).toMatchObject({ classification: 'billable', workType: 'configuration_change' });
    expect(selectWeekSummary(time.getState(), me).unclassified).toBe(0);
    // Another technician's filter shows nothing of this week.
    expect(selectWeekSummary(time.getState(), 'someone-else').entries).toBe(0);
  });

  it('follows a timer started elsewhere, and moves to the week a manual entry went into', async () => {
    const time = stores.time;
    await call.ok('time.startTimer', { ticketId, note: '' });
    await waitFor(() => time.getState().running?.ticketId === ticketId);
    await call.ok('time.stopTimer', {});
    await waitFor(() => time.getState().running === null);

    time.getState().showWeek(weekStartOf(WEDNESDAY));
    await waitFor(() => time.getState().sheetStatus === 'ready');
    const lastWeek = Date.parse('2026-11-10T09:00:00+01:00');
    await time
      .getState()
      .addManual({ ticketId, startedAt: lastWeek, endedAt: lastWeek + 45 * MINUTE, note: '' });
    expect(time.getState().weekStart).toBe('2026-11-09');
    await waitFor(() => time.getState().sheetStatus === 'ready' && time.getState().entries.length === 1);
    expect(time.getState().entries[0]).toMatchObject({ source: 'manual', actualSeconds: 45 * 60 });

    time.getState().stepWeek(1);
    expect(time.getState().weekStart).toBe('2026-11-16');
    await waitFor(() => time.getState().sheetStatus === 'ready' && time.getState().entries.length === 1);
    expect(time.getState().entries[0]!.source).toBe('timer');
  });

  it('opens on the week of the first visit, not of when the app started; later visits keep the week shown', async () => {
    const time = stores.time;
    // The app was started on a Friday in October and left open; the timesheet is first opened on Wednesday 18 Nov.
    time.setState({ weekStart: weekStartOf(Date.parse('2026-10-09T16:00:00+02:00')) });
    await call.ok('time.addManual', {
      ticketId,
      startedAt: WEDNESDAY - 120 * MINUTE,
      endedAt: WEDNESDAY - 90 * MINUTE,
      note: '',
    });
    time.getState().openTimesheet(WEDNESDAY);
    expect(time.getState().weekStart).toBe('2026-11-16');
    await waitFor(() => time.getState().sheetStatus === 'ready' && time.getState().entries.length === 1);

    time.getState().stepWeek(-1);
    await waitFor(() => time.getState().sheetStatus === 'ready');
    time.getState().openTimesheet(WEDNESDAY);
    expect(time.getState().weekStart).toBe('2026-11-09');
  });
});

describe('the billing store against a real backend', () => {
  it('totals a month, approves it (locking its time), charts it and exports it as a download', async () => {
    const entry = await stores.time.getState().addManual({
      ticketId,
      startedAt: WEDNESDAY,
      endedAt: WEDNESDAY + 37 * MINUTE,
      note: '',
    });
    const billing = stores.billing;
    billing.getState().setMonth('2026-11');
    await waitFor(
      () => billing.getState().monthStatus === 'ready' && billing.getState().historyStatus === 'ready',
    );
    let [customer] = selectCustomerMonths(billing.getState());
    // Unclassified time is counted, not totalled: it is neither billed nor included yet.
    expect(customer).toMatchObject({
      customerId,
      entries: 1,
      unclassified: 1,
      actualMinutes: 0,
      status: 'open',
    });
    expect(customer!.problems).toEqual(['1 entry is unclassified']);
    // November has not ended by the backend's clock, and the entry is not classified.
    expect(billing.getState().summary?.ended).toBe(false);
    expect(approvalBlocker(billing.getState().summary, customer!)).toBe('The month has not ended yet.');

    await stores.time.getState().classify({
      entryId: entry.id,
      rowVersion: entry.rowVersion,
      classification: 'billable',
      workType: 'configuration_change',
    });
    clock = Date.parse('2026-12-02T09:00:00+01:00');
    // The classification reached the billing store as an event.
    await waitFor(() => selectCustomerMonths(billing.getState())[0]?.unclassified === 0);
    await billing.getState().loadMonth();
    [customer] = selectCustomerMonths(billing.getState());
    expect(approvalBlocker(billing.getState().summary, customer!)).toBeNull();
    // 37 minutes round up to 45, at 1 250 kr an hour.
    expect(customer).toMatchObject({ actualMinutes: 37, billedMinutes: 45, amountOre: (45 * RATE_ORE) / 60 });

    const batch = await billing.getState().approveMonth(customerId);
    expect(batch.number).toBe(1);
    [customer] = selectCustomerMonths(billing.getState());
    expect(customer).toMatchObject({ status: 'approved', batchNumber: 1 });
    expect(approvalBlocker(billing.getState().summary, customer!)).toBe('Already approved.');
    const chart = selectHoursChart(billing.getState());
    expect(chart.months.at(-1)).toBe('2026-11');
    expect(chart.series).toEqual([
      { key: customerId, name: 'Växjö kommun', values: [...Array(11).fill(0), 0.75] },
    ]);

    // The timesheet shows the entry locked, and main refuses to change it.
    const time = stores.time;
    time.getState().showWeek(weekStartOf(WEDNESDAY));
    await waitFor(() => time.getState().entries[0]?.batchId === batch.id);
    await expect(
      time.getState().classify({
        entryId: entry.id,
        rowVersion: time.getState().entries[0]!.rowVersion,
        classification: 'no_charge',
        workType: null,
      }),
    ).rejects.toMatchObject({ code: 'LOCKED' });

    // Progress as the store showed it while the export ran (events from main, matched by the export's id).
    const seen: string[] = [];
    const unsubscribe = billing.subscribe(({ exportJob }) => {
      if (exportJob?.state === 'running') seen.push(`${exportJob.done}/${exportJob.total}`);
    });
    const result = await billing
      .getState()
      .runExport({ month: '2026-11', customerId, format: 'csv', excelSv: true });
    expect(billing.getState().exportJob).toMatchObject({
      state: 'done',
      fileName: result.fileName,
      rows: 1,
      preview: false,
    });
    unsubscribe();
    expect(seen).toContain('0/1');
    const csv = Buffer.from(result.contentBase64, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [, line] = csv.trimEnd().split('\r\n');
    // Swedish Excel: semicolons and decimal commas, quoted so a comma-separated reading cannot split them.
    expect(line).toContain(';Certifikatbyte;');
    expect(line).toContain(';"1250,00";');
    expect(line).toContain(';"937,50";');
  });

  it('a failed export says why and keeps the store usable', async () => {
    const billing = stores.billing;
    await expect(
      billing
        .getState()
        .runExport({ month: '2026-11', customerId: 'no-such-customer', format: 'csv', excelSv: false }),
    ).rejects.toBeTruthy();
    expect(billing.getState().exportJob?.state).toBe('failed');
    expect(billing.getState().exportJob?.error).toBeTruthy();
    billing.getState().clearExport();
    expect(billing.getState().exportJob).toBeNull();
  });

  it('locking the app forgets every figure and entry', async () => {
    await stores.time.getState().startTimer(ticketId);
    stores.billing.getState().setMonth('2026-11');
    await waitFor(() => stores.billing.getState().monthStatus === 'ready');
    await stores.app.getState().lock();
    await waitFor(
      () => stores.time.getState().running === null && stores.billing.getState().summary === null,
    );
    expect(stores.time.getState().sheetStatus).toBe('idle');
    expect(stores.billing.getState().monthStatus).toBe('idle');
  });
});
