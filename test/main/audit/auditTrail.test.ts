import { readFile, writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import type { Db } from '../../../main/store/database.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openPassphraseBackend, TEST_PASSPHRASE, TEST_USER } from '../../support/passphraseBackend.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';
import { testDataSource } from '../../support/postgres/testTeam.ts';
import { tamperWithStore } from '../../support/storeTampering.ts';

const teamRun = testDataSource() === 'team';

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
let db: Db;
beforeEach(async () => {
  opened = await openPassphraseBackend();
  call = apiCaller(createApi(opened.backend));
  db = opened.backend.registryContext().db;
});
afterEach(async () => opened.cleanup());

async function writeEvents(count: number) {
  for (let i = 1; i <= count; i++) {
    await opened.backend.audit().append({
      event: 'session.opened',
      subject: { type: 'session', id: `s${i}` },
      details: { kind: i % 2 === 1 ? 'ssh' : 'local' },
    });
  }
}

/** Tampering as someone with the key (or the database server) would do it: the append-only triggers go first. */
const tamper = (statements: string[]) =>
  tamperWithStore(db, statements, ['audit_events_no_update', 'audit_events_no_delete']);

describe('the audit log', () => {
  test('events are chained: each names the previous hash, and verify finds the log intact', async () => {
    await writeEvents(3);
    const events = await call.ok('audit.list', {});
    expect(events.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(events[2]!.prevHash).toBe('0'.repeat(64));
    expect(events[1]!.prevHash).toBe(events[2]!.hash);
    expect(events[0]).toMatchObject({
      actorName: TEST_USER.name,
      event: 'session.opened',
      subjectId: 's3',
      details: { kind: 'ssh' },
    });
    expect(await call.ok('audit.verify', {})).toEqual({
      intact: true,
      events: 3,
      firstBadSeq: null,
      reason: null,
    });
  });

  test('ordinary writes cannot change or delete an event', async () => {
    await writeEvents(1);
    // A member's own login holds no such privilege on a team database; the trigger (for the owner too) is the
    // embedded store's guard, and the team database's second one (test/main/team/tableRules.test.ts).
    const refused = teamRun ? /permission denied for table audit_events/ : /append-only/;
    await expect(sql`UPDATE audit_events SET actor_name = 'x'`.execute(db)).rejects.toThrow(refused);
    await expect(sql`DELETE FROM audit_events`.execute(db)).rejects.toThrow(refused);
  });

  test.each([
    [
      'an edited event',
      [`UPDATE audit_events SET details = '{"host":"evil.example","n":3}' WHERE seq = 3`],
      3,
      /edited/,
    ],
    ['an edited actor', [`UPDATE audit_events SET actor_name = 'Någon annan' WHERE seq = 2`], 2, /edited/],
    ['a deleted event', ['DELETE FROM audit_events WHERE seq = 2'], 2, /deleted/],
    [
      'an inserted event',
      [
        'UPDATE audit_events SET seq = seq + 100 WHERE seq >= 3',
        'UPDATE audit_events SET seq = seq - 99 WHERE seq >= 100',
        `INSERT INTO audit_events SELECT 3, at, actor_id, actor_name, 'secret.revealed', subject_type, subject_id, details, prev_hash, hash FROM audit_events WHERE seq = 2`,
      ],
      3,
      /inserted|edited/,
    ],
    [
      'two reordered events',
      [
        'UPDATE audit_events SET seq = 100 WHERE seq = 2',
        'UPDATE audit_events SET seq = 2 WHERE seq = 3',
        'UPDATE audit_events SET seq = 3 WHERE seq = 100',
      ],
      2,
      /reordered/,
    ],
    ['events deleted from the end', ['DELETE FROM audit_events WHERE seq >= 4'], 4, /deleted from the end/],
  ] as const)('verify names the first bad event for %s', async (_kind, statements, firstBad, reason) => {
    await writeEvents(5);
    await tamper([...statements]);
    const verdict = await call.ok('audit.verify', {});
    expect(verdict).toMatchObject({ intact: false, firstBadSeq: firstBad });
    expect(verdict.reason).toMatch(reason);
  });

  test('a chain rewritten with fresh hashes still differs from the head recorded beside the store', async () => {
    await writeEvents(2);
    // The anchor a rewrite cannot reach: a file beside the embedded store; the head row a team database keeps,
    // which a superuser rewriting the events must also find and match (test/main/audit/teamAuditChain.test.ts).
    if (teamRun) {
      await tamper([`UPDATE audit_head SET hash = '${'f'.repeat(64)}' WHERE id = 1 AND seq = 2`]);
    } else {
      const head = JSON.parse(await readFile(dataFiles.auditHead(opened.dataDir), 'utf8'));
      expect(head.seq).toBe(2);
      await writeFile(dataFiles.auditHead(opened.dataDir), JSON.stringify({ seq: 2, hash: 'f'.repeat(64) }));
    }
    expect(await call.ok('audit.verify', {})).toMatchObject({
      intact: false,
      firstBadSeq: 2,
      reason: expect.stringMatching(/rewritten/),
    });
  });
});

describe('audited acts', () => {
  test('revealing a secret returns it and writes who, which account and why; reads never carry it', async () => {
    const { environment } = await createCustomerWithEnvironment(call);
    const account = await call.ok('registry.saveSupportAccount', {
      environmentId: environment.id,
      account: { username: 'svc_reveal' },
      secret: 'Visa-Mig-2026!',
    });
    expect(
      await call.ok('registry.revealSecret', { accountId: account.id, purpose: 'ärende HD-4711' }),
    ).toEqual({ secret: 'Visa-Mig-2026!' });
    const [event] = await call.ok('audit.list', { event: 'secret.revealed' });
    expect(event).toMatchObject({
      actorName: TEST_USER.name,
      subjectType: 'support_account',
      subjectId: account.id,
      details: { username: 'svc_reveal', environmentId: environment.id, purpose: 'ärende HD-4711' },
    });
    expect(JSON.stringify(event)).not.toContain('Visa-Mig');
  });
});

describe('two Lotsens on one store', () => {
  test('events appended by both at once all land, in one chain (a busy store is tried again)', async () => {
    const other = await Backend.open({ dataDir: opened.dataDir });
    await other.unlock(TEST_PASSPHRASE);
    try {
      const each = (backend: Backend, who: string) =>
        Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            backend
              .audit()
              .append({ event: 'session.opened', subject: { type: 'session', id: `${who}-${i}` } }),
          ),
        );
      await Promise.all([each(opened.backend, 'app'), each(other, 'cli')]);
      expect(await call.ok('audit.verify', {})).toMatchObject({ intact: true, events: 50 });
    } finally {
      await other.close();
    }
  });
});
