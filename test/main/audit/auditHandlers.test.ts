import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { AuditAnchors } from '../../../main/audit/auditAnchors.node.ts';
import { AuditTrail, type AuditInput } from '../../../main/audit/auditTrail.node.ts';
import { headFilePlace } from '../../../main/vault/auditAnchorPlaces.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openPassphraseBackend, TEST_USER, type OpenedBackend } from '../../support/passphraseBackend.ts';
import { testDataSource } from '../../support/postgres/testTeam.ts';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 2, 10, 8); // 09:00 in Stockholm
const OLLE = { id: 'olle-ombud', name: 'Olle Ombud' };

const teamRun = testDataSource() === 'team';

let opened: OpenedBackend;
let call: ReturnType<typeof apiCaller>;
let now = START;
/**
 * The same log written by a second person: on a team database another member's own Lotsen (the database takes an
 * event only in its writer's own name); in the embedded store a second writer at the same console (a store on a
 * shared drive).
 */
let asOlle: AuditTrail;
let olleId: string;
let olle: OpenedBackend | null = null;

beforeEach(async () => {
  now = START;
  opened = await openPassphraseBackend({ now: () => now });
  call = apiCaller(createApi(opened.backend));
  if (teamRun) {
    olle = await opened.joinAs('technician');
    asOlle = olle.backend.audit();
    olleId = olle.backend.registryContext().principal.userId;
    return;
  }
  olleId = OLLE.id;
  asOlle = new AuditTrail(
    opened.backend.registryContext().db,
    // These tests read the log back; which anchors the second writer keeps does not matter to them.
    new AuditAnchors([headFilePlace(opened.dataDir)]),
    OLLE,
    () => now,
  );
});
afterEach(async () => {
  await olle?.cleanup();
  olle = null;
  await opened.cleanup();
});

/** Writes one event an hour: seq n at START + (n - 1) hours. */
async function write(trail: AuditTrail, input: AuditInput) {
  const event = await trail.append(input);
  now += HOUR;
  return event;
}

async function writeDay() {
  const tekla = opened.backend.audit();
  await write(tekla, { event: 'session.opened', subject: { type: 'session', id: 's1' } });
  await write(asOlle, { event: 'secret.revealed', subject: { type: 'support_account', id: 'a1' } });
  await write(tekla, { event: 'session.closed', subject: { type: 'session', id: 's1' } });
  await write(asOlle, { event: 'session.opened', subject: { type: 'session', id: 's2' } });
  await write(tekla, { event: 'billing.exported', subject: { type: 'customer', id: 'c1' } });
}

const seqs = (events: { seq: number }[]) => events.map((e) => e.seq);

describe('audit.list filters', () => {
  test('by who did it', async () => {
    await writeDay();
    expect(seqs(await call.ok('audit.list', { actorId: olleId }))).toEqual([4, 2]);
    const [latest] = await call.ok('audit.list', {});
    expect(seqs(await call.ok('audit.list', { actorId: latest!.actorId }))).toEqual([5, 3, 1]);
  });

  test('by what it was done to: a kind of record, or one record of it', async () => {
    await writeDay();
    expect(seqs(await call.ok('audit.list', { subjectType: 'session' }))).toEqual([4, 3, 1]);
    expect(seqs(await call.ok('audit.list', { subjectType: 'session', subjectId: 's1' }))).toEqual([3, 1]);
    expect(seqs(await call.ok('audit.list', { subjectType: 'customer', subjectId: 's1' }))).toEqual([]);
  });

  test('by period: from its start, up to but not including its end', async () => {
    await writeDay();
    const period = { from: START + HOUR, to: START + 3 * HOUR };
    expect(seqs(await call.ok('audit.list', period))).toEqual([3, 2]);
    expect(seqs(await call.ok('audit.list', { from: START + 4 * HOUR }))).toEqual([5]);
    expect(seqs(await call.ok('audit.list', { to: START + HOUR }))).toEqual([1]);
  });

  test('filters combine, and pages go on before the last seq of the page before', async () => {
    await writeDay();
    const filter = { subjectType: 'session', from: START } as const;
    const first = await call.ok('audit.list', { ...filter, limit: 2 });
    expect(seqs(first)).toEqual([4, 3]);
    const next = await call.ok('audit.list', { ...filter, limit: 2, beforeSeq: first.at(-1)!.seq });
    expect(seqs(next)).toEqual([1]);
    expect(
      seqs(await call.ok('audit.list', { event: 'session.opened', actorId: olleId, subjectId: 's2' })),
    ).toEqual([4]);
  });

  test('a period that ends before it starts, or an empty actor or subject kind, is refused with a reason', async () => {
    const backwards = await call.fails('audit.list', { from: START + HOUR, to: START });
    expect(backwards.code).toBe('VALIDATION');
    expect(backwards.details?.issues).toEqual([
      { path: 'to', message: 'The end of the period must come after its start' },
    ]);
    const same = await call.fails('audit.list', { from: START, to: START });
    expect(same.details?.issues?.[0]?.message).toBe('The end of the period must come after its start');
    const empty = await call.fails('audit.list', { actorId: ' ', subjectType: '' });
    expect(empty.details?.issues).toEqual([
      { path: 'actorId', message: 'Say whose events to show' },
      { path: 'subjectType', message: 'Say what kind of subject' },
    ]);
    const unknown = await call.fails('audit.list', { actor: 'Olle' });
    expect(unknown.code).toBe('VALIDATION');
  });
});

describe('audit.actors', () => {
  test.skipIf(teamRun)(
    "everyone in the log once, by name, under the name of their latest event — embedded only: a team database takes an event only in its member's own name, so a renamed writer is a renamed member",
    async () => {
      await writeDay();
      const renamed = new AuditTrail(
        opened.backend.registryContext().db,
        new AuditAnchors([headFilePlace(opened.dataDir)]),
        { id: OLLE.id, name: 'Olle Ombudsman' },
        () => now,
      );
      await write(renamed, { event: 'secret.revealed', subject: { type: 'support_account', id: 'a1' } });
      const actors = await call.ok('audit.actors', {});
      expect(actors.map((a) => a.actorName)).toEqual(['Olle Ombudsman', TEST_USER.name]);
      expect(actors[0]!.actorId).toBe(OLLE.id);
    },
  );
});
