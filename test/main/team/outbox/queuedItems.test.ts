import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditHash, GENESIS_HASH } from '../../../../main/audit/auditChain.ts';
import { chainBreak } from '../../../../main/audit/auditChainWalk.ts';
import { applyItem } from '../../../../main/team/outbox/applyItem.ts';
import type { OutboxItem } from '../../../../main/team/outbox/outboxItems.ts';
import { isConnectionLoss } from '../../../../main/team/outbox/connectionLoss.ts';
import type { AuditEventsTable } from '../../../../main/store/schema.ts';
import {
  createTestTeamWithAdmin,
  type MemberLotsen,
  type TestTeamWithAdmin,
} from '../../../support/postgres/testTeam.ts';

describe('audit verification and times', () => {
  test('an event earlier than the one before it (written from the queue) is part of an intact chain', () => {
    const rows: AuditEventsTable[] = [];
    let prevHash = GENESIS_HASH;
    for (const [seq, at] of [
      [1, 2_000],
      [2, 1_000], // happened before event 1, written after it
      [3, 3_000],
    ] as const) {
      const fields = {
        seq,
        at,
        actorId: 'u',
        actorName: 'U',
        event: 'session.opened',
        subjectType: 'session',
        subjectId: 's',
        details: {},
        prevHash,
      };
      const hash = auditHash(fields);
      rows.push({
        seq,
        at,
        actor_id: 'u',
        actor_name: 'U',
        event: 'session.opened',
        subject_type: 'session',
        subject_id: 's',
        details: '{}',
        prev_hash: prevHash,
        hash,
      });
      prevHash = hash;
    }
    expect(chainBreak(rows)).toBeNull();
    // The time is still covered by the hash: changing it breaks the chain.
    rows[1] = { ...rows[1]!, at: 1_001 };
    expect(chainBreak(rows)).toMatchObject({ seq: 2 });
  });
});

describe('which failures wait in the queue', () => {
  test('a database that cannot be reached; never one that refused the write', () => {
    expect(isConnectionLoss(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('terminating'), { code: '57P01' }))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('no connection'), { code: '08006' }))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('denied'), { code: '42501' }))).toBe(false);
    expect(isConnectionLoss(Object.assign(new Error('duplicate'), { code: '23505' }))).toBe(false);
  });
});

describe('a queued item written twice (a crash between its write and its removal from the queue)', () => {
  let team: TestTeamWithAdmin;
  let lotsen: MemberLotsen;
  beforeAll(async () => {
    team = await createTestTeamWithAdmin();
    lotsen = await team.enrolLotsen(team.admin, {
      name: 'Tekla Tekniker',
      email: 'tekla@leverantor.se',
      role: 'support_lead',
    });
  }, 60_000);
  afterAll(async () => {
    await lotsen?.close();
    await team?.drop();
  });

  test('an audit event is appended once, at the time it happened, and the chain verifies', async () => {
    const sessionId = randomUUID();
    const happenedAt = Date.now() - 60_000;
    const item: OutboxItem = {
      id: randomUUID(),
      sessionId,
      happenedAt,
      payload: {
        kind: 'audit-event',
        event: 'session.opened',
        subject: { type: 'session', id: sessionId },
        details: { kind: 'local', title: { personal: 'sh', ticketId: null } },
      },
    };
    await applyItem(lotsen.backend, item, true);
    await applyItem(lotsen.backend, item, true);
    const events = await lotsen.call.ok('audit.list', { subjectId: sessionId });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ at: happenedAt, details: { queuedAs: item.id, title: 'sh' } });
    expect(await lotsen.call.ok('audit.verify', {})).toMatchObject({ intact: true });
  });
});
