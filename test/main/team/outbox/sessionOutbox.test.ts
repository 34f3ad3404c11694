import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionView } from '../../../../common/sessions/model.ts';
import { booksOf } from '../../../../main/team/outbox/sessionBooks.ts';
import type { DatabaseOutage } from '../../../support/postgres/databaseOutage.ts';
import {
  startTechnicianBehindOutage,
  type TechnicianBehindOutage,
} from '../../../support/postgres/technicianBehindOutage.ts';
import type { MemberLotsen, TestTeamWithAdmin } from '../../../support/postgres/testTeam.ts';
import {
  localOpenInput,
  prepareSessionCustomer,
  sessionTarget,
  sshOpenInput,
} from '../../../support/sessionCustomer.ts';
import type { SshdFixture } from '../../../support/sshd/sshdFixture.ts';
import { recordedOutput } from '../../../support/recordedOutput.ts';
import { until } from '../../../support/until.ts';

let fixture: TechnicianBehindOutage;
let sshd: SshdFixture;
let outage: DatabaseOutage;
let team: TestTeamWithAdmin;
let lotsen: MemberLotsen;
let typeMarker: TechnicianBehindOutage['typeMarker'];

beforeAll(async () => {
  fixture = await startTechnicianBehindOutage();
  ({ sshd, outage, team, lotsen, typeMarker } = fixture);
}, 120_000);

afterAll(async () => fixture?.close());

const isOpen = (sessionId: string): Promise<SessionView> =>
  until(`session ${sessionId} open`, async () => {
    const live = await lotsen.call.ok('sessions.list', { live: true });
    return live.find((view) => view.id === sessionId && view.state === 'open');
  }) as Promise<SessionView>;

describe('a team database that goes away during live sessions', () => {
  test('a local and an SSH session keep running; their books queue, and arrive once, in order, when it is back', async () => {
    const prepared = await prepareSessionCustomer(lotsen.call, sessionTarget(sshd));
    const localOpen = await lotsen.call.ok(
      'sessions.open',
      localOpenInput(prepared, { runPreConnect: false }),
    );
    const local = await isOpen(localOpen.id);
    const hostKey = new Promise<string>((resolve) => {
      const stop = lotsen.backend.on('sessions.prompt', (prompt) => {
        stop();
        resolve(prompt.promptId);
      });
    });
    const sshOpening = await lotsen.call.ok(
      'sessions.open',
      sshOpenInput(prepared, { runPreConnect: false }),
    );
    await lotsen.call.ok('sessions.answerPrompt', {
      sessionId: sshOpening.id,
      promptId: await hostKey,
      accept: true,
    });
    const ssh = await isOpen(sshOpening.id);
    await typeMarker(local.id, 'before-local');
    await typeMarker(ssh.id, 'before-ssh');
    // Its batches written (they go at most 250 ms after the output), before the database goes.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const books = booksOf(lotsen.backend);
    expect(books.waiting()).toBe(0);

    outage.cut('refuse');
    for (let i = 1; i <= 4; i++) {
      await typeMarker(local.id, `during-local-${i}`);
      await typeMarker(ssh.id, `during-ssh-${i}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await lotsen.call.ok('sessions.resize', { sessionId: ssh.id, cols: 132, rows: 40 });
    await until('the local session’s batches queued', () => books.waiting(local.id) >= 3);
    await until('the SSH session’s batches queued', () => books.waiting(ssh.id) >= 3);
    // The local session ends during the outage: its end, its time entry's end and its audit event queue too.
    const localClosed = await lotsen.call.ok('sessions.close', { sessionId: local.id });
    expect(localClosed.state).toBe('closed');
    const queued = books.waiting();
    expect(queued).toBeGreaterThanOrEqual(8);

    const restoredAt = Date.now();
    outage.restore();
    await typeMarker(ssh.id, 'after-ssh');
    await until('the queue drained', () => books.waiting() === 0, { timeoutMs: 40_000 });
    const sshClosed = await lotsen.call.ok('sessions.close', { sessionId: ssh.id });
    expect(sshClosed.state).toBe('closed');

    // Each session's row, time entry and recording, once each and whole.
    const sessions = await lotsen.call.ok('sessions.list', { live: false, ticketId: prepared.ticket.id });
    expect(sessions.map((s) => [s.id, s.state]).sort()).toEqual(
      [
        [local.id, 'closed'],
        [ssh.id, 'closed'],
      ].sort(),
    );
    expect(sessions.find((s) => s.id === ssh.id)).toMatchObject({ cols: 132, rows: 40 });
    const entries = await lotsen.call.ok('time.list', { ticketId: prepared.ticket.id });
    expect(entries.map((e) => e.sessionId).sort()).toEqual([local.id, ssh.id].sort());
    expect(entries.find((e) => e.sessionId === local.id)!.endedAt).toBe(localClosed.closedAt);
    for (const [session, prefix, markers] of [
      [
        local,
        'local',
        ['before-local', 'during-local-1', 'during-local-2', 'during-local-3', 'during-local-4'],
      ],
      [
        ssh,
        'ssh',
        ['before-ssh', 'during-ssh-1', 'during-ssh-2', 'during-ssh-3', 'during-ssh-4', 'after-ssh'],
      ],
    ] as const) {
      const text = await recordedOutput(lotsen.call, session.recordingId!);
      // Every marker's echo once, in the order typed (the typed command shows it quoted, the echo plainly).
      const echoed = [
        ...text.matchAll(new RegExp(`(?<![\\w"])(\\w+-${prefix}(?:-\\d)?)(?=\\r?\\n)`, 'g')),
      ].map((m) => m[1]);
      expect(echoed).toEqual(markers);
    }
    const chunks = await team.connect(team.admin).then(async (client) => {
      try {
        const { rows } = await client.query<{ recording_id: string; n: string; top: number }>(
          'SELECT recording_id, count(*) AS n, max(seq) AS top FROM lotsen.recording_chunks GROUP BY recording_id',
        );
        return rows;
      } finally {
        await client.end();
      }
    });
    // No batch lost nor doubled: seq 0..n-1, each once.
    for (const row of chunks) expect(Number(row.n)).toBe(Number(row.top) + 1);

    // The log: each session's opening and end once, the queued end at the moment it happened, the chain intact.
    const events = await lotsen.call.ok('audit.list', { subjectType: 'session', limit: 5_000 });
    for (const session of [local, ssh]) {
      const mine = events.filter((e) => e.subjectId === session.id).map((e) => e.event);
      expect(mine.sort()).toEqual(['session.closed', 'session.opened']);
    }
    const queuedEnd = events.find((e) => e.subjectId === local.id && e.event === 'session.closed')!;
    // When it happened (during the outage), not when the queue drained.
    expect(queuedEnd.at).toBeGreaterThanOrEqual(localClosed.closedAt!);
    expect(queuedEnd.at).toBeLessThan(restoredAt);
    expect(await lotsen.call.ok('audit.verify', {})).toMatchObject({ intact: true, firstBadSeq: null });
  }, 120_000);
});
