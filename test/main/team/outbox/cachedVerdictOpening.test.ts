import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionView } from '../../../../common/sessions/model.ts';
import { booksOf } from '../../../../main/team/outbox/sessionBooks.ts';
import type { DatabaseOutage } from '../../../support/postgres/databaseOutage.ts';
import {
  startTechnicianBehindOutage,
  type TechnicianBehindOutage,
} from '../../../support/postgres/technicianBehindOutage.ts';
import type { MemberLotsen } from '../../../support/postgres/testTeam.ts';
import {
  localOpenInput,
  prepareSessionCustomer,
  sessionTarget,
  sshOpenInput,
  type PreparedSessionCustomer,
} from '../../../support/sessionCustomer.ts';
import type { SshdFixture } from '../../../support/sshd/sshdFixture.ts';
import { recordedOutput } from '../../../support/recordedOutput.ts';
import { until } from '../../../support/until.ts';

/*
 * Issue 14: a NEW session while the team database is really gone (the outage proxy refuses it), on the verdict this
 * Lotsen's gate fetched within the hour. Everything its opening reads comes from what the earlier sessions of the
 * same ticket and environment read; everything it writes waits in the local queue and arrives once, in order.
 */

let fixture: TechnicianBehindOutage;
let sshd: SshdFixture;
let outage: DatabaseOutage;
let lotsen: MemberLotsen;
let typeMarker: TechnicianBehindOutage['typeMarker'];
const states = new Map<string, string>();

beforeAll(async () => {
  fixture = await startTechnicianBehindOutage();
  ({ sshd, outage, lotsen, typeMarker } = fixture);
  // The store cannot be asked while the database is away: what each window is told is what counts.
  lotsen.backend.on('sessions.changed', (view) => states.set(view.id, view.state));
}, 120_000);

afterAll(async () => fixture?.close());

const isOpen = (sessionId: string) =>
  until(`session ${sessionId} open`, () => states.get(sessionId) === 'open');

/** Opens an SSH session with the database there, trusting the test sshd's key when asked. */
async function openSshOnline(prepared: PreparedSessionCustomer): Promise<SessionView> {
  const hostKey = new Promise<string>((resolve) => {
    const stop = lotsen.backend.on('sessions.prompt', (prompt) => {
      stop();
      resolve(prompt.promptId);
    });
  });
  const opening = await lotsen.call.ok('sessions.open', sshOpenInput(prepared, { runPreConnect: false }));
  await lotsen.call.ok('sessions.answerPrompt', {
    sessionId: opening.id,
    promptId: await hostKey,
    accept: true,
  });
  await isOpen(opening.id);
  return opening;
}

describe('a new session with the team database gone', () => {
  test('opens a local and an SSH session on a cached verdict; their books arrive once, in order, when it is back', async () => {
    const prepared = await prepareSessionCustomer(lotsen.call, sessionTarget(sshd));
    const other = await prepareSessionCustomer(lotsen.call, sessionTarget(sshd), {
      name: 'Växjö kommun',
      serial: 81,
    });
    // With the database there: the gate's verdict is fetched, and what opening needs is read, for this ticket.
    const before = Date.now();
    const earlierLocal = await lotsen.call.ok(
      'sessions.open',
      localOpenInput(prepared, { runPreConnect: false }),
    );
    await isOpen(earlierLocal.id);
    const earlierSsh = await openSshOnline(prepared);
    const fetchedAt = Date.now();
    for (const earlier of [earlierLocal, earlierSsh]) {
      await lotsen.call.ok('sessions.close', { sessionId: earlier.id });
    }
    const books = booksOf(lotsen.backend);
    expect(books.waiting()).toBe(0);

    outage.cut('refuse');
    const local = await lotsen.call.ok('sessions.open', localOpenInput(prepared, { runPreConnect: false }));
    expect(local).toMatchObject({ state: 'connecting', ticketRef: 'HD-4711', customerName: 'Kalmar kommun' });
    // The verdict it runs on is the SSH session's, the newest; the view says when it was fetched.
    expect(local.verdictCachedAt).toBeGreaterThanOrEqual(before);
    expect(local.verdictCachedAt).toBeLessThanOrEqual(fetchedAt);
    await isOpen(local.id);
    await typeMarker(local.id, 'offline-local');

    // No prompt: the host key is the one trusted with the database there, and the password the one read then.
    const ssh = await lotsen.call.ok('sessions.open', sshOpenInput(prepared, { runPreConnect: false }));
    expect(ssh).toMatchObject({
      title: `${sshd.username}@${sshd.host}:${sshd.port}`,
      verdictCachedAt: local.verdictCachedAt,
    });
    await isOpen(ssh.id);
    await typeMarker(ssh.id, 'offline-ssh');
    expect(books.waiting(local.id)).toBeGreaterThanOrEqual(4);
    expect(books.waiting(ssh.id)).toBeGreaterThanOrEqual(4);

    // A ticket this machine has no verdict for is refused, saying why and what to do.
    const refused = await lotsen.call.fails('sessions.open', localOpenInput(other, { runPreConnect: false }));
    expect(refused.code).toBe('DATABASE_UNREACHABLE');
    expect(refused.message).toContain('it was not checked for this ticket and environment on this machine');
    expect(refused.message).toContain('start it when the database is back');

    const localClosed = await lotsen.call.ok('sessions.close', { sessionId: local.id });
    expect(localClosed.state).toBe('closed');
    // Reconnected as it was opened, which this Lotsen remembers: a new session, on the same cached verdict.
    const again = await lotsen.call.ok('sessions.reconnect', { sessionId: local.id, overrideReason: null });
    expect(again).toMatchObject({ kind: 'local', verdictCachedAt: local.verdictCachedAt });
    expect(again.id).not.toBe(local.id);
    await isOpen(again.id);
    await typeMarker(again.id, 'offline-again');
    await lotsen.call.ok('sessions.close', { sessionId: again.id });
    outage.restore();
    await until('the queue drained', () => books.waiting() === 0, { timeoutMs: 40_000 });
    await typeMarker(ssh.id, 'back-ssh');
    await lotsen.call.ok('sessions.close', { sessionId: ssh.id });

    // Each new session's row, time entry and recording, once each.
    // Newest first.
    const sessions = await lotsen.call.ok('sessions.list', { live: false, ticketId: prepared.ticket.id });
    expect(sessions.filter((s) => [local.id, ssh.id, again.id].includes(s.id))).toEqual([
      expect.objectContaining({ id: again.id, state: 'closed', kind: 'local' }),
      expect.objectContaining({ id: ssh.id, state: 'closed', kind: 'ssh' }),
      expect.objectContaining({
        id: local.id,
        state: 'closed',
        kind: 'local',
        closedAt: localClosed.closedAt,
      }),
    ]);
    const entries = await lotsen.call.ok('time.list', { ticketId: prepared.ticket.id });
    expect(entries.filter((e) => [local.id, ssh.id, again.id].includes(e.sessionId!))).toHaveLength(3);
    for (const [session, markers] of [
      [local, ['offline-local']],
      [again, ['offline-again']],
      [ssh, ['offline-ssh', 'back-ssh']],
    ] as const) {
      const text = await recordedOutput(lotsen.call, sessions.find((s) => s.id === session.id)!.recordingId!);
      // Each marker's echo once (the typed command shows it quoted, the echo plainly).
      const echoed = [...text.matchAll(/(?<![\w"])((?:offline|back)-\w+)(?=\r?\n)/g)].map((m) => m[1]);
      expect(echoed).toEqual(markers);
    }

    // The log: for each, that it ran on a cached verdict (first), its opening and its end, once each, in that order;
    // and the chain intact.
    const events = await lotsen.call.ok('audit.list', { subjectType: 'session', limit: 5_000 });
    for (const session of [local, again, ssh]) {
      const mine = events
        .filter((e) => e.subjectId === session.id)
        .sort((a, b) => a.seq - b.seq)
        .map((e) => e.event);
      expect(mine).toEqual(['session.cached_verdict', 'session.opened', 'session.closed']);
    }
    const cached = events.find((e) => e.subjectId === local.id && e.event === 'session.cached_verdict')!;
    expect(cached.details).toMatchObject({
      ticketId: prepared.ticket.id,
      environmentId: prepared.environment.id,
      verdictFetchedAt: local.verdictCachedAt,
    });
    expect(await lotsen.call.ok('audit.verify', {})).toMatchObject({ intact: true, firstBadSeq: null });
  }, 180_000);
});
