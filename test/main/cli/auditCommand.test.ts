import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { Backend } from '../../../main/app/backend.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { auditHash } from '../../../main/audit/auditChain.ts';
import { monthOf } from '../../../main/billing/billingPeriod.ts';
import { destroyDataKeys } from '../../../main/personalData/personalDataKeys.ts';
import { openEncryptedConnection } from '../../../main/store/database.node.ts';
import { readKeyFile } from '../../../main/vault/keyFile.node.ts';
import { TEST_USER } from '../../support/passphraseBackend.ts';
import { cliEnv, initWithCli, runCli } from '../../support/runCli.ts';
import { testDataSource } from '../../support/postgres/testTeam.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

const teamRun = testDataSource() === 'team';

describe('lotsen audit', () => {
  let home: Awaited<ReturnType<typeof makeTempDataDir>>;
  beforeEach(async () => {
    home = await makeTempDataDir('lotsen-audit-cli-');
  });
  afterEach(async () => home.cleanup());

  test('an export with secrets is audited, and verify exits 0 on the intact log', async () => {
    const env = cliEnv(home.dir);
    await initWithCli(env);
    expect(
      (await runCli(['registry', 'export', '--include-secrets', '--out', `${home.dir}/x.json`], env)).code,
    ).toBe(0);
    expect(
      (await runCli(['registry', 'export', '--include-secrets', '--out', `${home.dir}/y.json`], env)).code,
    ).toBe(0);

    const listed = JSON.parse((await runCli(['audit', 'list', '--json'], env)).stdout);
    expect(listed.map((e: { event: string }) => e.event)).toEqual([
      'registry.exported_with_secrets',
      'registry.exported_with_secrets',
    ]);
    const intact = await runCli(['audit', 'verify'], env);
    expect(intact).toMatchObject({ code: 0, stdout: 'The audit log is intact: 2 events.\n' });
    // Five commands, each unlocking through scrypt (on a team database, after \`team create\` and enrolment).
  }, 120_000);
});

describe('lotsen audit and sealed details', () => {
  let home: Awaited<ReturnType<typeof makeTempDataDir>>;
  beforeEach(async () => {
    home = await makeTempDataDir('lotsen-audit-sealed-');
  });
  afterEach(async () => home.cleanup());

  test('list opens sealed details, shows gallrad once their key is destroyed, and verify still passes', async () => {
    const env = cliEnv(home.dir);
    await initWithCli(env);
    const out = join(home.dir, 'Åsa Öberg.json');
    expect((await runCli(['registry', 'export', '--include-secrets', '--out', out], env)).code).toBe(0);
    const [event] = JSON.parse((await runCli(['audit', 'list', '--json'], env)).stdout);
    expect(event.details).toEqual({ customers: 0, to: out });

    const backend = await Backend.open({ dataDir: home.dir });
    try {
      await backend.unlock(env.LOTSEN_PASSPHRASE!);
      const db = backend.registryContext().db;
      const stored = await db.selectFrom('audit_events').select('details').executeTakeFirstOrThrow();
      expect(stored.details).not.toContain('Öberg');
      expect(await destroyDataKeys(db, [{ kind: 'month', id: monthOf(event.at) }])).toBe(1);
    } finally {
      await backend.close();
    }
    const listed = await runCli(['audit', 'list'], env);
    expect(listed.stdout).toContain('"to":"gallrad"');
    expect(listed.stdout).not.toContain('Öberg');
    expect(await runCli(['audit', 'verify'], env)).toMatchObject({
      code: 0,
      stdout: 'The audit log is intact: 1 event.\n',
    });
    // Six unlocks, each a passphrase through scrypt (128 MiB), in child processes.
  }, 120_000);
});

describe.skipIf(teamRun)(
  'lotsen audit verify catches each kind of tampering — embedded only: each case tampers a copy of the store folder; on a team database the same verify meets the same tampering through the API (test/main/audit/auditTrail.test.ts)',
  () => {
    // One store with six events, copied whole for each case: the passphrase's KDF runs once for the store and once
    // for the key, not once per case. A copy is the same store: nothing in the folder names the folder, the key file
    // opens with the passphrase wherever it is, and the store was closed (its WAL checkpointed) before copying.
    const SESSION_EVENTS = 5;
    /** The session events and one about a host. */
    const EVENTS = SESSION_EVENTS + 1;
    let actorId: string;
    let folders: string;
    let prepared: string;
    let key: Buffer;
    const passphrase = cliEnv('').LOTSEN_PASSPHRASE!;

    beforeAll(async () => {
      folders = await mkdtemp(join(tmpdir(), 'lotsen-audit-tamper-'));
      prepared = join(folders, 'prepared');
      const backend = await Backend.open({ dataDir: prepared });
      await backend.initialize({ user: TEST_USER, passphrase, preference: 'passphrase' });
      for (let n = 1; n <= SESSION_EVENTS; n++) {
        await backend.audit().append({
          event: n % 2 === 1 ? 'session.opened' : 'session.closed',
          subject: { type: 'session', id: `s${Math.ceil(n / 2)}` },
          details: n % 2 === 1 ? { kind: 'ssh' } : { code: 'CLOSED' },
        });
      }
      // Not a session: a host behind two jump hosts, whose id is longer than most.
      await backend.audit().append({
        event: 'hostkey.trusted',
        subject: {
          type: 'host',
          id: `${'adfs01.'.repeat(30)}vaxjo.se:22 via jump.vaxjo.se:22 via dmz.vaxjo.se:22`,
        },
        details: { keyType: 'ssh-ed25519' },
      });
      actorId = backend.status().user!.id;
      await backend.close();
      key = await readKeyFile(dataFiles.keyFile(prepared), passphrase);
    });
    afterAll(async () => {
      if (folders) await rm(folders, { recursive: true, force: true });
    });

    let copies = 0;
    /** A copy of the prepared store, changed as someone with its key would: the append-only triggers go first. */
    async function tamperedCopy(statements: readonly string[]): Promise<string> {
      const dir = join(folders, `case-${++copies}`);
      await cp(prepared, dir, { recursive: true });
      const raw = openEncryptedConnection(dataFiles.database(dir), key);
      try {
        raw.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
        for (const statement of statements) raw.exec(statement);
      } finally {
        raw.close();
      }
      return dir;
    }

    /** Event 3 made anew by someone who knows the hash: its own hash is right and it follows event 2. */
    function forgedEventThree(): string {
      const raw = openEncryptedConnection(dataFiles.database(prepared), key);
      try {
        const two = raw.prepare('SELECT * FROM audit_events WHERE seq = 2').get() as {
          at: number;
          actor_id: string;
          actor_name: string;
          hash: string;
        };
        const fields = {
          seq: 3,
          at: two.at + 1,
          actorId: two.actor_id,
          actorName: two.actor_name,
          event: 'secret.revealed',
          subjectType: 'support_account',
          subjectId: 'a1',
          details: { purpose: 'ingen' },
          prevHash: two.hash,
        };
        const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
        return (
          'INSERT INTO audit_events VALUES (' +
          [
            fields.seq,
            fields.at,
            quote(fields.actorId),
            quote(fields.actorName),
            quote(fields.event),
            quote(fields.subjectType),
            quote(fields.subjectId),
            quote(JSON.stringify(fields.details)),
            quote(fields.prevHash),
            quote(auditHash(fields)),
          ].join(', ') +
          ')'
        );
      } finally {
        raw.close();
      }
    }

    // Moves events 3.. one up, to make room for an event at 3 (in two steps: seq is unique).
    const makeRoomAtThree = [
      'UPDATE audit_events SET seq = seq + 100 WHERE seq >= 3',
      'UPDATE audit_events SET seq = seq - 99 WHERE seq >= 100',
    ];

    test('list narrows by event, who, subject and time, and pages with --before-seq', async () => {
      const env = cliEnv(await tamperedCopy([]));
      const seqs = async (args: string[]) =>
        JSON.parse((await runCli(['audit', 'list', ...args, '--json'], env)).stdout).map(
          (e: { seq: number }) => e.seq,
        );
      const host = `${'adfs01.'.repeat(30)}vaxjo.se:22 via jump.vaxjo.se:22 via dmz.vaxjo.se:22`;
      expect(await seqs([])).toEqual([6, 5, 4, 3, 2, 1]);
      expect(await seqs(['--event', 'session.closed'])).toEqual([4, 2]);
      expect(await seqs(['--subject', 'session:s2'])).toEqual([4, 3]);
      expect(await seqs(['--subject', 'session'])).toEqual([5, 4, 3, 2, 1]);
      expect(await seqs(['--subject', `host:${host}`])).toEqual([6]);
      expect(await seqs(['--actor', actorId])).toEqual([6, 5, 4, 3, 2, 1]);
      expect(await seqs(['--actor', 'someone-else'])).toEqual([]);
      expect(await seqs(['--before-seq', '3', '--limit', '1'])).toEqual([2]);
      expect(await seqs(['--until', '2000-01-01T00:00:00Z'])).toEqual([]);
      expect(await seqs(['--until', '2099-01-01T00:00:00Z'])).toEqual([6, 5, 4, 3, 2, 1]);
      expect(await runCli(['audit', 'list', '--since', '2099-01-01T00:00:00Z'], env)).toMatchObject({
        code: 0,
        stdout: 'No audit events match.\n',
      });
      const bad = await runCli(['audit', 'list', '--since', '2026-11-01'], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('give an ISO 8601 instant with an offset');
    }, 180_000);

    test('the intact copy exits 0', async () => {
      const run = await runCli(['audit', 'verify'], cliEnv(await tamperedCopy([])));
      expect(run).toEqual({ code: 0, stdout: `The audit log is intact: ${EVENTS} events.\n`, stderr: '' });
    });

    test.each([
      {
        kind: 'an edited event',
        statements: () => [`UPDATE audit_events SET details = '{"host":"evil.example","n":3}' WHERE seq = 3`],
        firstBad: 3,
        reason: 'event 3 is not as it was written: it was edited',
      },
      {
        kind: 'a deleted event',
        statements: () => ['DELETE FROM audit_events WHERE seq = 2'],
        firstBad: 2,
        reason: 'event 2 is missing (the next one found is 3): events were deleted',
      },
      {
        kind: 'an inserted event (a copy of event 2 with another code)',
        statements: () => [
          ...makeRoomAtThree,
          `INSERT INTO audit_events SELECT 3, at, actor_id, actor_name, 'secret.revealed', subject_type, subject_id, details, prev_hash, hash FROM audit_events WHERE seq = 2`,
        ],
        firstBad: 3,
        reason: 'event 3 does not follow event 2: events were inserted, deleted or reordered',
      },
      {
        // The forgery itself checks out, so the first event that is not as written is the one after it.
        kind: 'an inserted event with a correct hash of its own',
        statements: () => [...makeRoomAtThree, forgedEventThree()],
        firstBad: 4,
        reason: 'event 4 does not follow event 3: events were inserted, deleted or reordered',
      },
      {
        kind: 'two reordered events',
        statements: () => [
          'UPDATE audit_events SET seq = 100 WHERE seq = 2',
          'UPDATE audit_events SET seq = 2 WHERE seq = 3',
          'UPDATE audit_events SET seq = 3 WHERE seq = 100',
        ],
        firstBad: 2,
        reason: 'event 2 does not follow event 1: events were inserted, deleted or reordered',
      },
      {
        // The chain that is left is intact; only the anchors (the head file, the key file's) know event 6 was written.
        kind: 'a truncated tail',
        statements: () => ['DELETE FROM audit_events WHERE seq >= 4'],
        firstBad: 4,
        reason:
          'the log ends at event 3 but audit-head.json records event 6: events were deleted from the end; ' +
          'the log ends at event 3 but the anchor in lotsen.key records event 6: events were deleted from the end',
      },
    ])('$kind: exits 1 naming event $firstBad', async ({ statements, firstBad, reason }) => {
      const run = await runCli(['audit', 'verify'], cliEnv(await tamperedCopy(statements())));
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr: `lotsen: the audit log is broken at event ${firstBad}: ${reason}\n`,
      });
    });
  },
);
