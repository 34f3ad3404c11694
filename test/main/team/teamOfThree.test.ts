import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiCaller } from '../../support/apiCaller.ts';
import { parseCsv } from '../../support/csvParse.ts';
import { createTestDatabase, runPostgres, type TestDatabase } from '../../support/postgres/testDatabases.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { openApiSocket, startServeProcess, type ServeProcess } from '../../support/serveProcess.ts';
import { localOpenInput, prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import { shiftedClockEnv } from '../../support/shiftedClock.ts';
import { socketApi, type SocketApi } from '../../support/socketApi.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import { until } from '../../support/until.ts';

/*
 * A team at work, as the issue tells it: a support lead, a technician and finance, each on their own machine (their
 * own data folder, enrolled through the real `lotsen init --team`) running their own `lotsen serve` process, all in
 * one team database on the run's PostgreSQL. Each process is driven over its WebSocket API, as its page would be.
 *
 * The support lead's and the technician's processes run on a clock shifted to 20 November 2026, so the technician's
 * session falls in a month that has ended by finance's (real) clock, and finance may approve it.
 */

const at = (iso: string) => Date.parse(iso);
const NOVEMBER_DAY = at('2026-11-20T09:00:00+01:00');
const MONTH = '2026-11';

interface Member {
  name: string;
  email: string;
  env: NodeJS.ProcessEnv;
  server: ServeProcess | null;
  socket: SocketApi | null;
  call: ReturnType<typeof apiCaller>;
}

/** Any target will do for the server on record: the technician's session is a local terminal on the ticket. */
const RECORDED_SERVER = { host: 'wap01.kalmar.se', port: 22, username: 'svc_lotsen', secret: 'ej-använd' };

const codeIn = (stdout: string) => /LOTSEN-[0-9a-f]{8}-[0-9A-Z-]+/.exec(stdout)?.[0] ?? '';

describe('a team of three on three Lotsen processes', { timeout: 240_000 }, () => {
  let database: TestDatabase;
  let url: string;
  const homes: { cleanup: () => Promise<void> }[] = [];
  let lead: Member;
  let technician: Member;
  let finance: Member;

  const member = async (name: string, email: string): Promise<Member> => {
    const home = await makeTempDataDir('lotsen-team-of-three-');
    homes.push(home);
    return {
      name,
      email,
      env: cliEnv(home.dir),
      server: null,
      socket: null,
      call: apiCaller({ dispatch: () => Promise.reject(new Error(`${name}'s Lotsen is not running`)) }),
    };
  };
  const cli = async (who: Member, args: string[], extra: NodeJS.ProcessEnv = {}) => {
    const run = await runCli(args, { ...who.env, ...extra }, { timeout: 90_000 });
    if (run.code !== 0) throw new Error(`lotsen ${args.slice(0, 2).join(' ')} failed: ${run.stderr}`);
    return run.stdout;
  };
  const invite = async (who: Member, role: string) => {
    const invited = await cli(lead, [
      'team',
      'add-member',
      '--name',
      who.name,
      '--email',
      who.email,
      '--role',
      role,
    ]);
    await cli(who, ['init', '--team', url, '--enrol', codeIn(invited)]);
  };
  /** Starts the member's `lotsen serve`, on a clock shifted to `clockAt` if given, and connects to its API. */
  const start = async (who: Member, clockAt?: number) => {
    who.server = await startServeProcess({
      ...who.env,
      ...(clockAt === undefined ? {} : shiftedClockEnv(clockAt - Date.now())),
    });
    who.socket = socketApi(await openApiSocket(who.server));
    who.call = apiCaller(who.socket);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    url = `postgresql://127.0.0.1:${runPostgres().port}/${database.name}`;
    lead = await member('Lena Ledare', 'lena.ledare@leverantor.se');
    technician = await member('Tekla Tekniker', 'tekla.tekniker@leverantor.se');
    finance = await member('Frida Finans', 'frida.finans@leverantor.se');

    const { port, superuser } = runPostgres();
    const created = await cli(
      lead,
      [
        'team',
        'create',
        '--database',
        `postgresql://${superuser.user}@127.0.0.1:${port}/${database.name}`,
        '--name',
        lead.name,
        '--email',
        lead.email,
        '--role',
        'support_lead',
      ],
      { PGPASSWORD: superuser.password },
    );
    await cli(lead, ['init', '--team', url, '--enrol', codeIn(created)]);
    await invite(technician, 'technician');
    await invite(finance, 'finance');

    await Promise.all([start(lead, NOVEMBER_DAY), start(technician, NOVEMBER_DAY), start(finance)]);
  }, 240_000);

  afterAll(async () => {
    for (const who of [lead, technician, finance]) {
      who?.socket?.close();
      await who?.server?.stop();
    }
    await Promise.all(homes.map((h) => h.cleanup()));
    await database?.drop();
  });

  test("the support lead's DPA opens the technician's gate; the session's time reaches finance, who approves and exports it", async () => {
    const prepared = await prepareSessionCustomer(lead.call, RECORDED_SERVER, {
      withDpa: false,
      hourlyRatesOre: { configuration_change: 120_000 },
    });
    const open = localOpenInput(prepared, { runPreConnect: false });

    // No DPA yet: the technician's session is refused, and overriding the gate is a support lead's call, not theirs.
    const refused = await technician.call.fails('sessions.open', open);
    expect(refused.code).toBe('NOT_ELIGIBLE');
    expect(refused.details?.blockers).toEqual([expect.objectContaining({ code: 'NO_DPA' })]);
    const overridden = await technician.call.fails('sessions.open', {
      ...open,
      overrideReason: 'Rektorn ringde, inloggningen är nere för hela skolan.',
    });
    expect(overridden.code).toBe('FORBIDDEN');

    await lead.call.ok('dpas.save', {
      customerId: prepared.customer.id,
      dpa: { signedOn: '2020-01-01', reference: 'PUB-1', signatory: 'Karin Jurist' },
    });
    const session = await technician.call.ok('sessions.open', open);
    expect(session.overridden).toBe(false);
    const states = () =>
      technician
        .socket!.events('sessions.changed')
        .filter((s) => s.id === session.id)
        .map((s) => s.state);
    await until('a state other than connecting', async () =>
      states().some((state) => state !== 'connecting'),
    );
    expect(states(), technician.server!.stderr()).toContain('open');
    await technician.call.ok('sessions.input', { sessionId: session.id, data: 'echo hej\n' });
    await technician.call.ok('sessions.close', { sessionId: session.id });

    // The session's own time entry, the technician's, which they classify.
    const [entry] = await technician.call.ok('time.list', { ticketId: prepared.ticket.id });
    expect(entry).toMatchObject({ technicianName: technician.name, ticketId: prepared.ticket.id });
    expect(entry!.startedAt).toBeGreaterThanOrEqual(NOVEMBER_DAY);
    expect(entry!.startedAt).toBeLessThan(at('2026-12-01T00:00:00+01:00'));
    await technician.call.ok('time.classify', {
      entryId: entry!.id,
      rowVersion: entry!.rowVersion,
      classification: 'billable',
      workType: 'configuration_change',
    });

    // The support lead sees the technician's session and time on their own machine.
    expect(
      (await lead.call.ok('sessions.list', { live: false, ticketId: prepared.ticket.id })).map((s) => s.id),
    ).toEqual([session.id]);
    expect((await lead.call.ok('time.list', { ticketId: prepared.ticket.id })).map((e) => e.id)).toEqual([
      entry!.id,
    ]);

    // Finance, on real time (December): November has ended; the technician's entry is there to approve and export.
    const november = await finance.call.ok('time.list', {
      from: at('2026-11-01T00:00:00+01:00'),
      to: at('2026-12-01T00:00:00+01:00'),
    });
    expect(november).toEqual([
      expect.objectContaining({ id: entry!.id, technicianName: technician.name, classification: 'billable' }),
    ]);
    const batch = await finance.call.ok('billing.approveMonth', {
      month: MONTH,
      customerId: prepared.customer.id,
    });
    const exported = await finance.call.ok('billing.export', { month: MONTH, format: 'csv' });
    expect(exported).toMatchObject({ preview: false, batchIds: [batch.id] });
    const [header, ...rows] = parseCsv(Buffer.from(exported.contentBase64, 'base64').toString('utf8'));
    const cell = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(
      rows.filter((row) => cell(row, 'Technician') === technician.name).map((row) => cell(row, 'Ticket')),
    ).toEqual(['HD-4711']);

    // Approved: the technician can no longer change their entry; their session and finance's approval and export are
    // events of one intact chain, read on the support lead's machine.
    expect(
      (
        await technician.call.fails('time.update', {
          id: entry!.id,
          rowVersion: entry!.rowVersion,
          note: 'senare',
        })
      ).code,
    ).toBe('LOCKED');
    const verdict = await lead.call.ok('audit.verify', {});
    expect(verdict).toMatchObject({ intact: true });
    // The support lead recorded the DPA, finance approved and exported, the technician worked: each is audited.
    expect((await lead.call.ok('audit.actors', {})).map((a) => a.actorName).sort()).toEqual(
      [finance.name, lead.name, technician.name].sort(),
    );
  });

  test('a removed member can no longer connect, and the others work on', async () => {
    const [tekla] = (await lead.call.ok('team.members', { show: 'current' })).filter(
      (m) => m.email === technician.email,
    );
    const removed = await lead.call.ok('team.removeMember', { userId: tekla!.userId });
    expect(removed.endedConnections).toBeGreaterThan(0);

    // Their running Lotsen loses the database; a new one is refused at the door.
    const cut = await technician.call.fails('registry.listCustomers', {});
    expect(cut.code).toBe('UNAUTHORIZED');
    const again = await runCli(['customers', 'list'], technician.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('refused the login');

    expect(await finance.call.ok('registry.listCustomers', {})).toHaveLength(1);
    // Finance's Lotsen opens no sessions, so it ends no interrupted ones at unlock: the database refused it nothing.
    expect(finance.server!.stderr()).not.toContain('permission denied');
  });
});
