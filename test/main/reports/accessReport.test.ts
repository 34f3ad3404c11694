import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EventName, EventPayload } from '../../../common/api/contract.ts';
import type { SessionOpenInput, SessionView } from '../../../common/sessions/model.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { monthOf } from '../../../main/billing/billingPeriod.ts';
import { accessReportColumns, accessReportCsv } from '../../../main/reports/accessReportCsv.ts';
import { exportRecordingAudited } from '../../../main/sessions/recording/auditedExport.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { nextEvent } from '../../support/backendEvents.ts';
import { parseCsv } from '../../support/csvParse.ts';
import { openPassphraseBackend, TEST_PASSPHRASE, TEST_USER } from '../../support/passphraseBackend.ts';
import { testDataSource } from '../../support/postgres/testTeam.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import {
  localOpenInput,
  prepareSessionCustomer,
  sessionTarget,
  sshOpenInput,
  type PreparedSessionCustomer,
} from '../../support/sessionCustomer.ts';
import { startSshd, type SshdFixture } from '../../support/sshd/sshdFixture.ts';

/*
 * One store for the file: two customers, real sessions (an SSH session to the test sshd and local ptys), and the
 * exports and reveals Lotsen audits, for both. Each test reads the reports of that store; only the export test adds.
 */

const teamRun = testDataSource() === 'team';
/** Who exports billing: finance, a second member on a team database; the one local user embedded. */
const FINANCE_NAME = teamRun ? 'Fia Finans' : TEST_USER.name;
const DAY = 24 * 60 * 60 * 1000;
const OVERRIDE_REASON = 'Rektorn ringde om inloggningen';

let sshd: SshdFixture;
let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let financeMember: Awaited<ReturnType<typeof openPassphraseBackend>> | undefined;
let call: ReturnType<typeof apiCaller>;
/** Finance's caller: the billing export is theirs (on a team database a second member; else the same). */
let finance: ReturnType<typeof apiCaller>;
let out: string;
let kalmar: PreparedSessionCustomer;
let vaxjo: PreparedSessionCustomer;
let kalmarSessions: SessionView[];
let vaxjoSession: SessionView;
/** Around every session of the file: from yesterday to tomorrow. */
let period: { from: number; to: number };

const next = <E extends EventName>(event: E, matches: (payload: EventPayload<E>) => boolean) =>
  nextEvent(opened.backend, event, matches);

/** Opens a session, waits until it works, closes it: a session as a technician leaves one. */
async function sessionFor(input: SessionOpenInput, trustHostKey = false): Promise<SessionView> {
  const hostKey = trustHostKey ? next('sessions.prompt', (p) => p.kind === 'hostKey') : null;
  // Listening before the call: a local session can be open before `sessions.open` has answered.
  const settled = new Map<string, SessionView>();
  const stopListening = opened.backend.on('sessions.changed', (s) => {
    if (['open', 'failed'].includes(s.state) && !settled.has(s.id)) settled.set(s.id, s);
  });
  const session = await call.ok('sessions.open', input);
  const isOpen = settled.has(session.id)
    ? Promise.resolve(settled.get(session.id)!)
    : next('sessions.changed', (s) => s.id === session.id && ['open', 'failed'].includes(s.state));
  stopListening();
  if (hostKey) {
    const prompt = await hostKey;
    await call.ok('sessions.answerPrompt', { sessionId: session.id, promptId: prompt.promptId, accept: true });
  }
  expect((await isOpen).state).toBe('open');
  return call.ok('sessions.close', { sessionId: session.id });
}

beforeAll(async () => {
  sshd = await startSshd();
  opened = await openPassphraseBackend();
  financeMember = await opened.joinAs('finance');
  call = apiCaller(createApi(opened.backend, () => undefined, { shell: '/bin/sh' }));
  finance = apiCaller(createApi(financeMember.backend));
  out = await mkdtemp(join(tmpdir(), 'lotsen-access-report-'));

  kalmar = await prepareSessionCustomer(call, sessionTarget(sshd));
  vaxjo = await prepareSessionCustomer(
    call,
    { host: 'wap01.dmz.vaxjo.se', port: 22, username: 'lev-support', secret: 'Hemligt-1' },
    { name: 'Växjö kommun', serial: 81 },
  );
  const ssh = await sessionFor(sshOpenInput(kalmar), true);
  const local = await sessionFor(localOpenInput(kalmar));
  // Without a DPA Kalmar is blocked: the next session opens only on a written override.
  const [dpa] = (await call.ok('agreements.list', { customerId: kalmar.customer.id })).dpas;
  await call.ok('dpas.delete', { id: dpa!.id });
  const overridden = await sessionFor(localOpenInput(kalmar, { overrideReason: OVERRIDE_REASON }));
  kalmarSessions = [ssh, local, overridden];
  vaxjoSession = await sessionFor(localOpenInput(vaxjo));

  // Every kind of export and reveal, once for each customer (the registry export is the whole registry).
  for (const [prepared, session] of [
    [kalmar, ssh],
    [vaxjo, vaxjoSession],
  ] as const) {
    await call.ok('registry.revealSecret', { accountId: prepared.account.id, purpose: 'felsökning' });
    await exportRecordingAudited(opened.backend, session.recordingId!, join(out, `${session.id}.cast`));
    await finance.ok('billing.export', {
      month: monthOf(Date.now()),
      format: 'csv',
      excelSv: false,
      customerId: prepared.customer.id,
    });
  }
  const registryExport = await runCli(
    ['registry', 'export', '--include-secrets', '--out', join(out, 'registry.json')],
    cliEnv(opened.dataDir, { LOTSEN_PASSPHRASE: TEST_PASSPHRASE }),
  );
  expect(registryExport.stderr).toContain('Exported 2 customers');
  period = { from: Date.now() - DAY, to: Date.now() + DAY };
}, 60_000);
afterAll(async () => {
  await financeMember?.cleanup();
  await opened?.cleanup();
  await sshd?.stop();
  if (out) await rm(out, { recursive: true, force: true });
});

const kalmarReport = () => call.ok('reports.access', { customerId: kalmar.customer.id, ...period });

describe('the access report', () => {
  test("the access report lists every session on the customer's servers in the period", async () => {
    const report = await kalmarReport();
    expect(report).toMatchObject({ customerName: 'Kalmar kommun', orgNumber: kalmar.customer.orgNumber });
    expect(report.sessions.map((s) => s.sessionId)).toEqual(kalmarSessions.map((s) => s.id));
    const [ssh, local, overridden] = report.sessions;
    expect(ssh).toEqual({
      sessionId: kalmarSessions[0]!.id,
      technicianId: opened.backend.status().user!.id,
      technicianName: TEST_USER.name,
      environmentId: kalmar.environment.id,
      environmentName: 'Produktion',
      kind: 'ssh',
      serverHost: sshd.host,
      serverRole: 'wap',
      openedAt: kalmarSessions[0]!.openedAt,
      closedAt: kalmarSessions[0]!.closedAt,
      durationSeconds: Math.round((kalmarSessions[0]!.closedAt! - kalmarSessions[0]!.openedAt) / 1000),
      state: 'closed',
      endCode: null,
      ticketId: kalmar.ticket.id,
      ticketRef: 'HD-4711',
      recorded: true,
      overridden: false,
    });
    expect(local).toMatchObject({ kind: 'local', serverHost: null, serverRole: null, overridden: false });
    expect(overridden).toMatchObject({ kind: 'local', overridden: true, ticketRef: 'HD-4711' });

    // Växjö's session is not Kalmar's; a period that ended before the sessions holds none.
    const vaxjoReport = await call.ok('reports.access', { customerId: vaxjo.customer.id, ...period });
    expect(vaxjoReport.sessions.map((s) => s.sessionId)).toEqual([vaxjoSession.id]);
    const before = await call.ok('reports.access', {
      customerId: kalmar.customer.id,
      from: period.from - DAY,
      to: kalmarSessions[0]!.openedAt,
    });
    expect(before.sessions).toEqual([]);

    // The CSV has a row per session, in Swedish time, with "local terminal" where no server was involved.
    const [header, ...rows] = parseCsv(accessReportCsv(report, { excelSv: false }));
    expect(header).toEqual([...accessReportColumns]);
    const sessionRows = rows.filter((r) => r[0] === 'session');
    expect(sessionRows.map((r) => [r[6], r[7], r[8], r[10], r[12], r[13]])).toEqual([
      [sshd.host, 'wap', 'ssh', 'HD-4711', 'yes', 'no'],
      ['local terminal', '', 'local', 'HD-4711', 'yes', 'no'],
      ['local terminal', '', 'local', 'HD-4711', 'yes', 'yes'],
    ]);
    expect(sessionRows[0]![1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
  });

  test('it lists exports and reveals concerning the customer', async () => {
    const { exports } = await kalmarReport();
    expect(exports.map((e) => [e.event, e.subjectRef])).toEqual([
      ['secret.revealed', sshd.username],
      ['recording.exported', 'HD-4711'],
      ['billing.exported', monthOf(Date.now())],
      ['registry.exported_with_secrets', 'whole registry (2 customers)'],
    ]);
    expect(exports.map((e) => e.subjectId)).toEqual([
      kalmar.account.id,
      kalmarSessions[0]!.recordingId,
      kalmar.customer.id,
      null,
    ]);
    // The support lead revealed, exported the recording and the registry; finance exported the billing month.
    expect(exports.map((e) => e.actorName)).toEqual([TEST_USER.name, TEST_USER.name, FINANCE_NAME, TEST_USER.name]);

    // Växjö's reveal, recording and billing export are in Växjö's report, not in Kalmar's.
    const vaxjoReport = await call.ok('reports.access', { customerId: vaxjo.customer.id, ...period });
    expect(vaxjoReport.exports.map((e) => e.subjectId)).toEqual([
      vaxjo.account.id,
      vaxjoSession.recordingId,
      vaxjo.customer.id,
      null,
    ]);
  });

  test('it never carries ticket subjects or requester names', async () => {
    const { csv, report } = await call.ok('reports.exportAccess', {
      customerId: kalmar.customer.id,
      ...period,
    });
    const shown = [csv, JSON.stringify(report), JSON.stringify(await kalmarReport())];
    // The ticket is there, by its reference and id...
    for (const text of shown) expect(text).toContain('HD-4711');
    for (const text of shown) expect(text).toContain(kalmar.ticket.id);
    // ...and its personal data, and the override's reason, are not.
    for (const personal of [
      kalmar.ticket.subject,
      kalmar.ticket.requesterName,
      kalmar.ticket.requesterEmail,
      OVERRIDE_REASON,
      'felsökning',
    ]) {
      for (const text of shown) expect(text).not.toContain(personal);
    }
  });

  test('exporting the report is audited', async () => {
    const before = await kalmarReport();
    const exported = await call.ok('reports.exportAccess', {
      customerId: kalmar.customer.id,
      ...period,
      excelSv: true,
    });
    expect(exported.fileName).toMatch(
      new RegExp(`^access-report-${kalmar.customer.orgNumber}-\\d{4}-\\d\\d-\\d\\d--\\d{4}-\\d\\d-\\d\\d\\.csv$`),
    );
    expect(exported.csv.split('\r\n')[0]).toContain('Record;At (Stockholm);');

    const [event] = await call.ok('audit.list', { limit: 1 });
    expect(event).toMatchObject({
      event: 'report.access_exported',
      subjectType: 'customer',
      subjectId: kalmar.customer.id,
      // Ids, the period and counts: nothing a purge would have to take back.
      details: {
        from: period.from,
        to: period.to,
        sessions: before.sessions.length,
        exports: before.exports.length,
      },
    });
    expect(Object.keys(event!.details).sort()).toEqual(['exports', 'from', 'sessions', 'to']);
    expect((await call.ok('audit.verify', {})).intact).toBe(true);

    // The next report lists the export, by the days it covered.
    const after = await kalmarReport();
    expect(after.exports.at(-1)).toMatchObject({
      event: 'report.access_exported',
      seq: event!.seq,
      subjectRef: expect.stringMatching(/^\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d$/),
    });
    // Viewing the report is not an export.
    expect((await call.ok('audit.list', { limit: 1 }))[0]!.seq).toBe(event!.seq);
  });

  test('a report asks for a customer that exists and a period of at most 400 days', async () => {
    const bad = await call.fails('reports.access', {
      customerId: kalmar.customer.id,
      from: period.to,
      to: period.from,
    });
    expect(bad).toMatchObject({ code: 'VALIDATION' });
    expect(JSON.stringify(bad.details)).toContain('The end of the period must come after its start');
    const long = await call.fails('reports.exportAccess', {
      customerId: kalmar.customer.id,
      from: 0,
      to: 401 * DAY,
    });
    expect(JSON.stringify(long.details)).toContain('at most 400 days');
    const missing = await call.fails('reports.exportAccess', {
      customerId: '00000000-0000-4000-8000-000000000000',
      ...period,
    });
    expect(missing.code).toBe('NOT_FOUND');
  });
});
