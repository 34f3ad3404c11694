import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionView } from '../../../../common/sessions/model.ts';
import { dataFiles } from '../../../../main/app/dataDir.node.ts';
import { OutboxFile } from '../../../../main/team/outbox/outboxFile.node.ts';
import { outboxKey } from '../../../../main/team/outbox/outboxKey.node.ts';
import { loadDatabaseKey } from '../../../../main/vault/databaseKey.node.ts';
import { keychain as osKeychain } from '../../../../main/vault/keychain.node.ts';
import { apiCaller } from '../../../support/apiCaller.ts';
import { startDatabaseOutage, type DatabaseOutage } from '../../../support/postgres/databaseOutage.ts';
import {
  createTestTeamWithAdmin,
  type MemberLotsen,
  type TestTeamWithAdmin,
} from '../../../support/postgres/testTeam.ts';
import { openApiSocket, startServeProcess, type ServeProcess } from '../../../support/serveProcess.ts';
import { prepareSessionCustomer, sessionTarget, sshOpenInput } from '../../../support/sessionCustomer.ts';
import { socketApi, type SocketApi } from '../../../support/socketApi.ts';
import { startSshd, type SshdFixture } from '../../../support/sshd/sshdFixture.ts';
import { TEST_PASSPHRASE } from '../../../support/testPassphrase.ts';
import { recordedOutput } from '../../../support/recordedOutput.ts';
import { until } from '../../../support/until.ts';

let sshd: SshdFixture;
let outage: DatabaseOutage;
let team: TestTeamWithAdmin;
let lotsen: MemberLotsen;
let server: ServeProcess | null = null;
let socket: SocketApi | null = null;

beforeAll(async () => {
  [sshd, outage, team] = await Promise.all([startSshd(), startDatabaseOutage(), createTestTeamWithAdmin()]);
  // Enrolled in process, its data source on the outage proxy; `lotsen serve` then runs on the same data folder.
  lotsen = await team.enrolLotsen(
    team.admin,
    { name: 'Tekla Tekniker', email: 'tekla@leverantor.se', role: 'support_lead' },
    { port: outage.port },
  );
}, 120_000);

afterAll(async () => {
  outage?.restore();
  socket?.close();
  await server?.stop();
  await lotsen?.close();
  await Promise.all([sshd?.stop(), outage?.close(), team?.drop()]);
});

const env = (withPassphrase: boolean): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  LOTSEN_HOME: lotsen.backend.dataDir,
  DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/lotsen-no-bus',
  ...(withPassphrase ? { LOTSEN_PASSPHRASE: TEST_PASSPHRASE } : {}),
});

async function serve(withPassphrase: boolean) {
  server = await startServeProcess(env(withPassphrase));
  socket = socketApi(await openApiSocket(server));
  return apiCaller(socket);
}

/** How many items wait in the member's queue, read as their Lotsen reads it (another process may hold it open). */
async function queued(): Promise<number> {
  const key = await loadDatabaseKey(lotsen.backend.dataDir, {
    keyStore: 'passphrase',
    passphrase: TEST_PASSPHRASE,
    keychain: osKeychain,
  });
  const queue = OutboxFile.open(dataFiles.outbox(lotsen.backend.dataDir), outboxKey(key));
  try {
    return queue.count();
  } finally {
    queue.close();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Lotsen killed while session books wait for the team database', () => {
  test('an SSH session types on through an outage; SIGKILL, restart, database back: nothing lost or doubled', async () => {
    const prepared = await prepareSessionCustomer(lotsen.call, sessionTarget(sshd));
    await lotsen.backend.lock();

    let call = await serve(true);
    const opening = await call.ok('sessions.open', sshOpenInput(prepared, { runPreConnect: false }));
    const prompt = await until('the host key question', () => socket!.events('sessions.prompt')[0]);
    await call.ok('sessions.answerPrompt', {
      sessionId: opening.id,
      promptId: prompt!.promptId,
      accept: true,
    });
    await until('the session open', () =>
      socket!.events('sessions.changed').some((s: SessionView) => s.id === opening.id && s.state === 'open'),
    );
    const type = async (marker: string) => {
      await call.ok('sessions.input', {
        sessionId: opening.id,
        data: `echo ${marker.replace('-', '"-"')}\n`,
      });
      await pause(400); // past a recording batch's 250 ms
    };
    await type('before-1');

    outage.cut('refuse');
    for (let i = 1; i <= 5; i++) await type(`during-${i}`);
    await until('items in the queue', async () => (await queued()) >= 3);

    server!.child.kill('SIGKILL');
    await server!.exited;
    socket!.close();
    const waiting = await queued();
    expect(waiting).toBeGreaterThanOrEqual(3);

    // Restarted while the database is still away: it cannot unlock, and the queue is kept as it was.
    call = await serve(false);
    const refused = await call.fails('app.unlock', { passphrase: TEST_PASSPHRASE });
    expect(refused.code).toBe('TEAM_DATABASE_UNAVAILABLE');
    expect(await queued()).toBe(waiting);

    // Back: the unlock drains the queue, then ends the session the kill left live, at its last recorded output.
    outage.restore();
    await call.ok('app.unlock', { passphrase: TEST_PASSPHRASE });
    expect(await queued()).toBe(0);
    const [session] = await call.ok('sessions.list', { live: false, ticketId: prepared.ticket.id });
    expect(session).toMatchObject({ id: opening.id, state: 'disconnected', endCode: 'INTERRUPTED' });

    // The recording holds every line typed, once, in order; its batches are numbered without a gap or a double.
    const text = await recordedOutput(call, session!.recordingId!);
    const echoed = [...text.matchAll(/(?<![\w"])((?:before|during)-\d)(?=\r?\n)/g)].map((m) => m[1]);
    expect(echoed).toEqual(['before-1', 'during-1', 'during-2', 'during-3', 'during-4', 'during-5']);
    const client = await team.connect(team.admin);
    try {
      const { rows } = await client.query<{ n: string; top: number }>(
        'SELECT count(*) AS n, max(seq) AS top FROM lotsen.recording_chunks WHERE recording_id = $1',
        [session!.recordingId],
      );
      expect(Number(rows[0]!.n)).toBe(Number(rows[0]!.top) + 1);
    } finally {
      await client.end();
    }

    const [entry, ...more] = await call.ok('time.list', { ticketId: prepared.ticket.id });
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ sessionId: opening.id, endedAt: session!.closedAt });
    const logged = (await call.ok('audit.list', { subjectId: opening.id })).map((e) => e.event).sort();
    expect(logged).toEqual(['session.disconnected', 'session.opened']);
    expect(await call.ok('audit.verify', {})).toMatchObject({ intact: true, firstBadSeq: null });
  }, 180_000);
});
