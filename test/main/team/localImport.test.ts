import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { tableCopies } from '../../../main/team/import/importPlan.ts';
import { importLocalStore } from '../../../main/team/import/localImport.node.ts';
import { keychain } from '../../../main/vault/keychain.node.ts';
import { openSecrets } from '../../../main/vault/secretVault.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { prepareBillingCustomer } from '../../support/billingCustomer.ts';
import { parseCsv } from '../../support/csvParse.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import {
  openPassphraseBackend,
  TEST_PASSPHRASE,
  type OpenedBackend,
} from '../../support/passphraseBackend.ts';
import { databaseFingerprint } from '../../support/postgres/databaseFingerprint.ts';
import { asSuperuser, runPostgres, superuserUrl } from '../../support/postgres/testDatabases.ts';
import { createTestTeam, type TestTeam } from '../../support/postgres/testTeam.ts';
import { makeRegistryFile } from '../../support/registryFixture.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { tamperWithStore } from '../../support/storeTampering.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * `lotsen team import-local`, end to end through the real CLI: a local store (200 customers, sessions with real
 * recordings, time, an approved month) moved into a team database of its own, whose finance member has approved a
 * month of the team's own first (batch number 1 is taken). One set-up for the file; the tests run in order on it: a
 * kill midway first (nothing may be left), then the import, then a second import (refused).
 */

const bin = fileURLToPath(new URL('../../../bin/lotsen.js', import.meta.url));
const at = (iso: string) => Date.parse(iso);
const clock = { now: at('2026-11-20T10:00:00+01:00') };
const SECRET = 'Kanariefågel-lösen-7Q!';
const TYPED = ['importerad-utdata-ett', 'importerad-utdata-två'];

let local: OpenedBackend;
let team: TestTeam;
let memberHome: { dir: string; cleanup: () => Promise<void> };
let memberEnv: NodeJS.ProcessEnv;
let importArgs: string[];
let importEnv: NodeJS.ProcessEnv;
const planted = {
  accountId: '',
  ticketId: '',
  subject: 'Inloggning via AD FS fungerar inte',
  recordingIds: [] as string[],
  casts: [] as string[],
  customerId: '',
  batchId: '',
  /** The approved month's export at home, parsed (header first). */
  exported: [] as string[][],
};
let financeHome: { dir: string; cleanup: () => Promise<void> };
let financeBackend: Backend | undefined;
let finance: ReturnType<typeof apiCaller>;
/** The team's own batch, approved before the import. */
let teamBatchNumber: number;
let localCounts: Record<string, number>;
let localFiles: Record<string, string>;

/** Every file of the folder and the SHA-256 of its bytes. */
async function fileHashes(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  const hashes: Record<string, string> = {};
  for (const name of names) {
    hashes[name] = createHash('sha256')
      .update(await readFile(join(dir, name)))
      .digest('hex');
  }
  return hashes;
}

/** Rows per copied table, the team's (as the superuser, so no rule hides any). */
async function teamCounts(): Promise<Record<string, number>> {
  return asSuperuser(team.database.name, async (client) => {
    const counts: Record<string, number> = {};
    for (const { table } of tableCopies) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM lotsen.${pg.escapeIdentifier(table)}`,
      );
      counts[table] = rows[0]!.n;
    }
    return counts;
  });
}

/** A member's own Lotsen on the member's folder (after the CLI runs there), unlocked, and its API. */
async function memberLotsen() {
  const backend = await Backend.open({ dataDir: memberHome.dir });
  await backend.unlock(memberEnv.LOTSEN_PASSPHRASE!);
  return { backend, call: apiCaller(createApi(backend, () => undefined)) };
}

async function castOf(call: ReturnType<typeof apiCaller>, recordingId: string): Promise<string> {
  let page = await call.ok('recordings.read', { recordingId, fromSeq: 0, limit: 64 });
  let text = page.header + page.events;
  while (page.nextSeq !== null) {
    page = await call.ok('recordings.read', { recordingId, fromSeq: page.nextSeq, limit: 64 });
    text += page.events;
  }
  return text;
}

beforeAll(async () => {
  // The local store: the embedded default (this file runs in the embedded project), a passphrase key file.
  local = await openPassphraseBackend({ now: () => clock.now });
  const output = new Map<string, string>();
  const call = apiCaller(createApi(local.backend, () => undefined, { shell: '/bin/sh' }));
  local.backend.on('terminal.output', ({ sessionId, data }) => {
    output.set(sessionId, (output.get(sessionId) ?? '') + Buffer.from(data).toString('utf8'));
    void call.ok('sessions.ack', { sessionId, bytes: data.length });
  });
  const prepared = await prepareBillingCustomer(call, { receivedAt: at('2026-11-02T08:00:00+01:00') });
  await call.ok('registry.import', { file: makeRegistryFile(199, { secrets: true }) });
  const account = await call.ok('registry.saveSupportAccount', {
    environmentId: prepared.environment.id,
    account: { username: 'lotsen_import' },
    secret: SECRET,
  });
  planted.accountId = account.id;
  planted.ticketId = prepared.standardTicket.id;

  // Two real terminal sessions on the ticket, recorded; their time entries go into the approved month.
  for (const typed of TYPED) {
    const session = await call.ok('sessions.open', {
      ticketId: prepared.standardTicket.id,
      environmentId: prepared.environment.id,
      kind: 'local',
      overrideReason: 'Lokal terminal för felsökning i testet av importen.',
    });
    await call.ok('sessions.input', { sessionId: session.id, data: `echo ${typed}\n` });
    const deadline = Date.now() + 15_000;
    while (!(output.get(session.id) ?? '').includes(`${typed}\r\n`)) {
      if (Date.now() > deadline) throw new Error(`the session never printed ${typed}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    clock.now += 20 * 60_000;
    const closed = await call.ok('sessions.close', { sessionId: session.id });
    planted.recordingIds.push(closed.recordingId!);
  }
  for (const entry of await call.ok('time.list', { ticketId: prepared.standardTicket.id })) {
    await call.ok('time.classify', {
      entryId: entry.id,
      rowVersion: entry.rowVersion,
      classification: 'included',
    });
  }
  const manual = await call.ok('time.addManual', {
    ticketId: prepared.specialTicket.id,
    startedAt: at('2026-11-10T09:00:00+01:00'),
    endedAt: at('2026-11-10T10:10:00+01:00'),
    note: 'Felsökning av synken',
  });
  await call.ok('time.classify', {
    entryId: manual.id,
    rowVersion: manual.rowVersion,
    classification: 'billable',
    workType: 'non_standard_access',
  });
  clock.now = at('2026-12-02T10:00:00+01:00');
  const approved = await call.ok('billing.approveMonth', {
    month: '2026-11',
    customerId: prepared.customer.id,
  });
  expect(approved.number).toBe(1);
  planted.customerId = prepared.customer.id;
  planted.batchId = approved.id;
  const exported = await call.ok('billing.export', {
    month: '2026-11',
    customerId: prepared.customer.id,
    format: 'csv',
    excelSv: false,
  });
  planted.exported = parseCsv(Buffer.from(exported.contentBase64, 'base64').toString('utf8'));
  for (const id of planted.recordingIds) planted.casts.push(await castOf(call, id));
  expect(planted.casts.join('')).toContain(TYPED[1]);
  expect((await call.ok('registry.revealSecret', { accountId: account.id })).secret).toBe(SECRET);

  const db = local.backend.registryContext().db;
  localCounts = {};
  for (const table of [...tableCopies.map((c) => c.table), 'audit_events' as const]) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    localCounts[table] = Number(row.n);
  }
  expect(localCounts.customers).toBe(200);
  expect(localCounts.billing_batches).toBe(1);
  // Closed, as a person moving to a team would have it: its files are now what must not change.
  await local.backend.lock();
  localFiles = await fileHashes(local.dataDir);

  // The team: its own database, whose first member (a technician, with the admin right) enrols through the CLI.
  team = await createTestTeam({ name: 'Tekla Tekniker', email: 'tekla@leverantor.se', role: 'technician' });
  memberHome = await makeTempDataDir();
  memberEnv = cliEnv(memberHome.dir);
  const enrolled = await runCli(['init', '--team', team.url, '--enrol', team.firstMember.code], memberEnv);
  expect(enrolled.stderr).toBe('');
  // The team's own finance member approves a month of the team's own first: its batch takes number 1.
  const member = await memberLotsen();
  try {
    const own = await member.call.ok('registry.createCustomer', {
      name: 'Teamets egen kommun',
      orgNumber: orgNumber('212999', 1),
      kind: 'municipality',
    });
    const invitation = await member.call.ok('team.addMember', {
      name: 'Fia Finans',
      email: 'fia@leverantor.se',
      role: 'finance',
    });
    financeHome = await makeTempDataDir();
    financeBackend = await Backend.open({ dataDir: financeHome.dir });
    await financeBackend.initialize({
      passphrase: TEST_PASSPHRASE,
      preference: 'passphrase',
      team: team.enrolment(invitation),
    });
    finance = apiCaller(createApi(financeBackend, () => undefined));
    const ownBatch = await finance.ok('billing.approveMonth', { month: '2026-10', customerId: own.id });
    teamBatchNumber = ownBatch.number;
    expect(teamBatchNumber).toBe(1);
  } finally {
    await member.backend.close();
  }
  const { port, superuser } = runPostgres();
  importArgs = [
    'team',
    'import-local',
    '--from',
    local.dataDir,
    '--database',
    `postgresql://${superuser.user}@127.0.0.1:${port}/${team.database.name}`,
  ];
  importEnv = { ...memberEnv, PGPASSWORD: superuser.password, LOTSEN_FROM_PASSPHRASE: TEST_PASSPHRASE };
}, 180_000);

afterAll(async () => {
  await financeBackend?.close();
  await financeHome?.cleanup();
  await local?.cleanup();
  await memberHome?.cleanup();
  await team?.drop();
});

describe('lotsen team import-local', { timeout: 120_000 }, () => {
  test('a SIGKILL while the transaction is open leaves the team database exactly as it was', async () => {
    const before = await databaseFingerprint(team.database.name);
    const child = spawn(process.execPath, [bin, ...importArgs], { env: importEnv });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const killed = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Customers are in, the rest of the store is not: the transaction is open.
      if (/lotsen: customers: \d+/.test(stderr)) child.kill('SIGKILL');
    });
    await killed;
    expect(child.signalCode).toBe('SIGKILL');
    expect(stdout).toBe('');
    // The server rolls the transaction back when it sees the connection gone.
    await asSuperuser(team.database.name, async (client) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const { rows } = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'lotsen import-local'",
        );
        if (rows[0]!.n === 0) break;
        if (Date.now() > deadline) throw new Error('the killed import is still connected');
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    expect(await databaseFingerprint(team.database.name)).toBe(before);
    expect(await fileHashes(local.dataDir)).toEqual(localFiles);
  });

  test('finance is refused before the local store or the team database is read or written', async () => {
    const before = await databaseFingerprint(team.database.name);
    const run = await runCli(importArgs, {
      ...importEnv,
      ...cliEnv(financeHome.dir, { LOTSEN_PASSPHRASE: TEST_PASSPHRASE }),
    });
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "lotsen: A local store is brought in by a technician or support lead: it holds customers' secrets, which finance holds no key to. Nothing was read or written.\n",
    );
    expect(run.code).toBe(1);
    expect(await databaseFingerprint(team.database.name)).toBe(before);
    expect(await fileHashes(local.dataDir)).toEqual(localFiles);
  });

  test('everything arrives in one transaction, reads the same through the team API, and the log verifies with its segment', async () => {
    const run = await runCli(importArgs, importEnv);
    expect(run.stderr).toContain('lotsen: customers: 200');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The local store is imported');
    expect(run.stdout).toMatch(/retention_policy: the team's own retention policy applies/);

    // Counts per table: the team held none of it before, but for its own customer and batch.
    const { audit_events: localEvents, ...copied } = localCounts;
    expect(await teamCounts()).toEqual({
      ...copied,
      customers: copied.customers! + 1,
      billing_batches: copied.billing_batches! + 1,
    });
    expect(localEvents).toBeGreaterThan(5);
    expect(await fileHashes(local.dataDir)).toEqual(localFiles);

    // Sealed afresh under the team's secrets tree: the account's secret and every recorded batch, each owner its key.
    const stored = await asSuperuser(team.database.name, async (client) => ({
      secret: (
        await client.query<{ secret: string }>('SELECT secret FROM lotsen.support_accounts WHERE id = $1', [
          planted.accountId,
        ])
      ).rows[0]!.secret,
      chunks: (
        await client.query<{ data: string }>(
          'SELECT data FROM lotsen.recording_chunks WHERE recording_id = ANY($1)',
          [planted.recordingIds],
        )
      ).rows.map((r) => r.data),
      keys: (
        await client.query<{ owner_id: string }>(
          'SELECT owner_id FROM lotsen.secret_data_keys WHERE owner_id = ANY($1)',
          [[planted.accountId, ...planted.recordingIds]],
        )
      ).rows.map((r) => r.owner_id),
    }));
    expect(stored.secret).toMatch(/^sv1\./);
    expect(stored.chunks.length).toBeGreaterThan(0);
    for (const data of stored.chunks) expect(data).toMatch(/^sv1\./);
    expect(stored.keys.sort()).toEqual([planted.accountId, ...planted.recordingIds].sort());

    // The imported batch follows the team's own: renumbered, said so, and the same lines in finance's export.
    const newNumber = teamBatchNumber + 1;
    expect(run.stdout).toContain(
      `Billing batches renumbered after the team's own (at home → in the team): 1 → ${newNumber}.`,
    );
    const batches = await finance.ok('billing.listBatches', { month: '2026-11' });
    expect(batches.map((b) => [b.id, b.number])).toEqual([[planted.batchId, newNumber]]);
    const exported = await finance.ok('billing.export', {
      month: '2026-11',
      customerId: planted.customerId,
      format: 'csv',
      excelSv: false,
    });
    const [header, ...rows] = parseCsv(Buffer.from(exported.contentBase64, 'base64').toString('utf8'));
    const [homeHeader, ...homeRows] = planted.exported;
    expect(header).toEqual(homeHeader);
    const batchColumn = header!.indexOf('Batch');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row[batchColumn])).toEqual(rows.map(() => String(newNumber)));
    expect(homeRows.map((row) => row[batchColumn])).toEqual(homeRows.map(() => '1'));
    const withoutBatch = (row: string[]) => row.filter((_, i) => i !== batchColumn);
    expect(rows.map(withoutBatch)).toEqual(homeRows.map(withoutBatch));

    const verified = await runCli(['audit', 'verify'], memberEnv);
    expect(verified.stderr).toBe('');
    expect(verified.stdout).toMatch(/The audit log is intact/);
    expect(verified.code).toBe(0);

    const member = await memberLotsen();
    try {
      const { call } = member;
      expect((await call.ok('registry.revealSecret', { accountId: planted.accountId })).secret).toBe(SECRET);
      expect((await call.ok('tickets.get', { id: planted.ticketId })).subject).toBe(planted.subject);
      for (const [i, id] of planted.recordingIds.entries())
        expect(await castOf(call, id)).toBe(planted.casts[i]);
      // Environments' pre-connect secrets (one in each first environment of the file) are sealed afresh too.
      const preConnect = await member.backend
        .registryContext()
        .db.selectFrom('environments')
        .select('pre_connect_secret')
        .where('pre_connect_secret', 'is not', null)
        .execute();
      expect(preConnect).toHaveLength(199);
      const opened = await openSecrets(
        member.backend.registryContext().db,
        preConnect.map((e) => e.pre_connect_secret!),
      );
      expect(opened.every((text) => /^Hemligt-vpn-\d+-åäö!$/.test(text))).toBe(true);
      // The link names the member and the local user they were, and the segment's end.
      const link = await asSuperuser(team.database.name, (client) =>
        client
          .query<{ actor_name: string; details: string }>(
            "SELECT actor_name, details FROM lotsen.audit_events WHERE event = 'audit.segment_imported'",
          )
          .then((r) => r.rows),
      );
      expect(link).toHaveLength(1);
      expect(link[0]!.actor_name).toBe('Tekla Tekniker');
      expect(JSON.parse(link[0]!.details)).toMatchObject({
        teamUserId: member.backend.status().user!.id,
        events: localCounts.audit_events,
        batchIds: [planted.batchId],
        batchNumbersAtHome: [1],
        batchNumbers: [teamBatchNumber + 1],
      });
    } finally {
      await member.backend.close();
    }
  });

  test('a second import of the same store is refused as a conflict, and nothing is written', async () => {
    const before = await databaseFingerprint(team.database.name);
    const run = await runCli(importArgs, importEnv);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/already holds what this store would bring: 200 customers/);
    expect(run.stderr).toContain('Nothing was written');
    expect(await databaseFingerprint(team.database.name)).toBe(before);
  });

  test('a local store that its Lotsen has open is refused: close it first', async () => {
    await local.backend.unlock(TEST_PASSPHRASE);
    try {
      // SQLite's WAL index stands beside the store while a connection has it open.
      expect(Object.keys(await fileHashes(local.dataDir))).toContain('lotsen.db-shm');
      const before = await databaseFingerprint(team.database.name);
      const run = await runCli(importArgs, importEnv);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(
        `lotsen: The local store in ${local.dataDir} is open: close Lotsen there first`,
      );
      expect(run.stderr).toContain('Nothing was written');
      expect(run.code).toBe(1);
      expect(await databaseFingerprint(team.database.name)).toBe(before);
    } finally {
      await local.backend.lock();
    }
    // Closed again, it is as it was.
    expect(await fileHashes(local.dataDir)).toEqual(localFiles);
  });

  test('audit verify finds an imported event that was edited, under the event that links its segment', async () => {
    const linkSeq = await asSuperuser(team.database.name, async (client) => {
      // The triggers refuse any edit; a superuser who turns them off is what the chain exists to catch.
      await client.query('SET session_replication_role = replica');
      await client.query(
        "UPDATE lotsen.audit_imported_events SET actor_name = 'Någon annan' WHERE seq = (SELECT max(seq) FROM lotsen.audit_imported_events)",
      );
      const { rows } = await client.query<{ seq: number }>(
        "SELECT seq::int FROM lotsen.audit_events WHERE event = 'audit.segment_imported'",
      );
      return rows[0]!.seq;
    });
    const verified = await runCli(['audit', 'verify'], memberEnv);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(`broken at event ${linkSeq}`);
    expect(verified.stderr).toMatch(
      /imported at event \d+ \(segment [0-9a-f-]+\) is broken at its event \d+/,
    );
  });

  test('a local store whose own audit log does not verify is refused before the team is touched', async () => {
    // Last: this changes the local store (its owner edits an event past the dropped trigger).
    await local.backend.unlock(TEST_PASSPHRASE);
    await tamperWithStore(
      local.backend.registryContext().db,
      ["UPDATE audit_events SET actor_name = 'Någon annan' WHERE seq = 2"],
      ['audit_events_no_update'],
    );
    await local.backend.lock();
    const before = await databaseFingerprint(team.database.name);
    const progress: string[] = [];
    const refused = await importLocalStore({
      from: local.dataDir,
      passphrase: async () => TEST_PASSPHRASE,
      keychain,
      member: { userId: randomUUID(), name: 'Tekla Tekniker', role: 'technician' },
      team: { database: team.database.name, adminUrl: superuserUrl(team.database.name) },
      progress: (line) => progress.push(line),
      now: () => clock.now,
      keyRing: null,
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'STORE_DAMAGED' });
    expect((refused as Error).message).toMatch(/audit log is broken at event 2 .*Nothing was written/);
    expect(progress).toEqual([]);
    expect(await databaseFingerprint(team.database.name)).toBe(before);
  });
});
