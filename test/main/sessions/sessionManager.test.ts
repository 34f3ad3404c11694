import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { EventName, EventPayload } from '../../../common/api/contract.ts';
import type { SessionOpenInput, SessionPrompt, SessionView } from '../../../common/sessions/model.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import type { AuditTrail } from '../../../main/audit/auditTrail.node.ts';
import { endInterruptedSessions } from '../../../main/sessions/interruptedSessions.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { nextEvent } from '../../support/backendEvents.ts';
import { openPassphraseBackend, TEST_PASSPHRASE } from '../../support/passphraseBackend.ts';
import {
  localOpenInput,
  prepareSessionCustomer,
  serverInOtherEnvironment,
  sessionTarget,
  sshOpenInput,
  type PreparedSessionCustomer,
} from '../../support/sessionCustomer.ts';
import {
  authorizedKeyPair,
  startAgent,
  startSshd,
  type SshdFixture,
} from '../../support/sshd/sshdFixture.ts';
import { testDataSource } from '../../support/postgres/testTeam.ts';
import { failInserts, failUpdates } from '../../support/writeFailure.ts';
import { storedVersion } from '../../support/storedVersion.ts';

const teamRun = testDataSource() === 'team';

let sshd: SshdFixture;
beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => sshd?.stop());

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
let output: Map<string, string>;
const stops: (() => void)[] = [];

beforeEach(async () => {
  opened = await openPassphraseBackend();
  call = apiCaller(
    createApi(opened.backend, () => undefined, {
      shell: '/bin/sh',
      keepaliveIntervalMs: 300,
      keepaliveCountMax: 2,
      connectTimeoutMs: 5_000,
    }),
  );
  output = new Map();
  const decoders = new Map<string, TextDecoder>();
  stops.push(
    opened.backend.on('terminal.output', ({ sessionId, data }) => {
      const decoder = decoders.get(sessionId) ?? new TextDecoder();
      decoders.set(sessionId, decoder);
      output.set(sessionId, (output.get(sessionId) ?? '') + decoder.decode(data, { stream: true }));
      // A client that draws at once: acknowledge everything, as xterm's write callback would.
      void call.ok('sessions.ack', { sessionId, bytes: data.length });
    }),
  );
});
afterEach(async () => {
  while (stops.length) stops.pop()!();
  await opened.cleanup();
});

const next = <E extends EventName>(
  event: E,
  matches: (payload: EventPayload<E>) => boolean,
  timeoutMs = 15_000,
  backend: Backend = opened.backend,
) => nextEvent(backend, event, matches, timeoutMs);

const stateOf = (id: string, ...states: SessionView['state'][]) =>
  next('sessions.changed', (s) => s.id === id && states.includes(s.state));

/** Opens a local terminal for the prepared ticket; resolves once it is open. */
async function openLocal(
  prepared: PreparedSessionCustomer,
  extra: Partial<SessionOpenInput> = {},
): Promise<SessionView> {
  // Listening before the call: a local session can be open before `sessions.open` has answered.
  const open = new Set<string>();
  const stop = opened.backend.on('sessions.changed', (s) => {
    if (s.state === 'open') open.add(s.id);
  });
  try {
    const session = await call.ok('sessions.open', localOpenInput(prepared, extra));
    if (!open.has(session.id)) await stateOf(session.id, 'open');
    return session;
  } finally {
    stop();
  }
}

/** Approves the environment's pre-connect command on this machine, as a person does after reading it in full. */
async function approvePreConnect(prepared: PreparedSessionCustomer, command: string): Promise<void> {
  await call.ok('sessions.approvePreConnect', { environmentId: prepared.environment.id, command });
}

/** As if the process that ran these sessions had been killed: their owner is a pid that no longer exists. */
async function orphan(sessionIds: string[]): Promise<void> {
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  await opened.backend
    .registryContext()
    .db.updateTable('sessions')
    .set({ owner: `${hostname()}#${dead}` })
    .where('id', 'in', sessionIds)
    .execute();
}

/** A second Lotsen on the same data folder (another window after a reload, a CLI command beside `lotsen serve`). */
async function openBeside() {
  const beside = await Backend.open({ dataDir: opened.dataDir });
  const besideCall = apiCaller(createApi(beside, () => undefined, { shell: '/bin/sh' }));
  await beside.unlock(TEST_PASSPHRASE);
  return { beside, besideCall };
}

/** The asciicast events of a session's recording. */
async function recordedEvents(recordingId: string): Promise<[number, string, string][]> {
  const page = await call.ok('recordings.read', { recordingId, limit: 64 });
  return page.events
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as [number, string, string]);
}

async function waitForOutput(sessionId: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const seen = output.get(sessionId) ?? '';
    if (pattern.test(seen)) return seen;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(
    `output never matched ${String(pattern)}; got ${JSON.stringify(output.get(sessionId) ?? '')}`,
  );
}

/** Opens an SSH session to `target`, trusting its host key when asked; resolves once it is open. */
async function openSsh(prepared: PreparedSessionCustomer, extra: Partial<SessionOpenInput> = {}) {
  const hostKeyAsked = next('sessions.prompt', (p) => p.kind === 'hostKey');
  const session = await call.ok('sessions.open', sshOpenInput(prepared, { cols: 100, rows: 30, ...extra }));
  const isOpen = stateOf(session.id, 'open', 'failed');
  const prompt = await hostKeyAsked;
  await call.ok('sessions.answerPrompt', {
    sessionId: session.id,
    promptId: prompt.promptId,
    accept: true,
  });
  return { session, prompt, opened: await isOpen };
}

const passwordTarget = () => sessionTarget(sshd);

describe('an SSH session for a ticket, against a real sshd', () => {
  test('opens after trusting the host key, runs a command, closes; time, audit and recording follow', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const { session, prompt, opened: open } = await openSsh(prepared);
    expect(session).toMatchObject({ state: 'connecting', ticketRef: 'HD-4711', overridden: false });
    expect(prompt).toMatchObject({
      kind: 'hostKey',
      host: sshd.host,
      port: sshd.port,
      fingerprint:
        sshd.hostKeyFingerprints[
          prompt.kind === 'hostKey' ? (prompt.keyType as 'ssh-ed25519') : 'ssh-ed25519'
        ],
    });
    expect(open.state).toBe('open');
    expect(open.title).toBe(`${sshd.username}@${sshd.host}:${sshd.port}`);

    await call.ok('sessions.input', { sessionId: session.id, data: 'echo "svar-$((6*7))-åäö"\n' });
    await waitForOutput(session.id, /svar-42-åäö/);

    const closed = await call.ok('sessions.close', { sessionId: session.id });
    expect(closed).toMatchObject({ state: 'closed', endCode: null });
    expect(closed.closedAt).not.toBeNull();

    const [entry] = await call.ok('time.list', { ticketId: prepared.ticket.id });
    expect(entry).toMatchObject({ source: 'session', sessionId: session.id, classification: 'unclassified' });
    expect(entry!.endedAt).toBe(closed.closedAt);

    const events = (await call.ok('audit.list', {})).map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['hostkey.trusted', 'session.opened', 'session.closed']));
    expect((await call.ok('audit.verify', {})).intact).toBe(true);

    const [recording] = await call.ok('recordings.list', { ticketId: prepared.ticket.id });
    expect(recording).toMatchObject({
      sessionId: session.id,
      ticketRef: 'HD-4711',
      customerName: 'Kalmar kommun',
    });
    const page = await call.ok('recordings.read', { recordingId: recording!.id });
    expect(page.events).toContain('svar-42-åäö');

    // The key is known now: a second session opens without asking.
    let asked = false;
    stops.push(opened.backend.on('sessions.prompt', () => (asked = true)));
    const again = await call.ok('sessions.open', sshOpenInput(prepared));
    await stateOf(again.id, 'open');
    expect(asked).toBe(false);
    await call.ok('sessions.close', { sessionId: again.id });
  });

  test('a private key from the store; the shell ending on its own closes the session', async () => {
    const pair = await authorizedKeyPair(sshd);
    const prepared = await prepareSessionCustomer(call, { ...passwordTarget(), secret: pair.privateKey });
    const { session, opened: open } = await openSsh(prepared);
    expect(open.state).toBe('open');
    const closed = stateOf(session.id, 'closed', 'disconnected');
    await call.ok('sessions.input', { sessionId: session.id, data: 'exit 0\n' });
    expect(await closed).toMatchObject({ state: 'closed', endMessage: 'The shell ended (exit code 0).' });
  });

  test('an encrypted private key from the store: main asks for its passphrase, marked as its own question', async () => {
    const pair = await authorizedKeyPair(sshd, 'nyckel-lösen-42');
    const prepared = await prepareSessionCustomer(call, { ...passwordTarget(), secret: pair.privateKey });
    const asked = next('sessions.prompt', (p) => p.kind === 'keyboard');
    const hostKey = next('sessions.prompt', (p) => p.kind === 'hostKey');
    const session = await call.ok('sessions.open', sshOpenInput(prepared));
    const open = stateOf(session.id, 'open', 'failed');
    // The key is opened before the connection, so its passphrase is asked before the host key.
    const prompt = (await asked) as Extract<SessionPrompt, { kind: 'keyboard' }>;
    // The console words this question itself (renderer/features/sessions/keyboardPromptText.ts).
    expect(prompt.keyPassphraseFor).toEqual({ username: prepared.account.username, host: '127.0.0.1' });
    expect(prompt.prompts).toEqual([{ prompt: 'Passphrase for the key: ', echo: false }]);
    await call.ok('sessions.answerPrompt', {
      sessionId: session.id,
      promptId: prompt.promptId,
      accept: true,
      answers: ['nyckel-lösen-42'],
    });
    const key = await hostKey;
    await call.ok('sessions.answerPrompt', { sessionId: session.id, promptId: key.promptId, accept: true });
    expect((await open).state).toBe('open');
    await call.ok('sessions.close', { sessionId: session.id });
  });

  test('the shell opens at the newest size sent while the session was connecting', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const hostKeyAsked = next('sessions.prompt', (p) => p.kind === 'hostKey');
    const session = await call.ok('sessions.open', sshOpenInput(prepared, { cols: 100, rows: 30 }));
    const prompt = await hostKeyAsked;
    // The tab is drawn (and fitted) while the connection still waits for the person: no shell exists yet.
    await call.ok('sessions.resize', { sessionId: session.id, cols: 132, rows: 40 });
    const isOpen = stateOf(session.id, 'open', 'failed');
    await call.ok('sessions.answerPrompt', {
      sessionId: session.id,
      promptId: prompt.promptId,
      accept: true,
    });
    expect((await isOpen).state).toBe('open');
    await call.ok('sessions.input', { sessionId: session.id, data: "stty size | sed 's/^/size=/'\n" });
    await waitForOutput(session.id, /size=40 132\r\n/);
    await call.ok('sessions.close', { sessionId: session.id });
  });

  test('agent: the key stays in the SSH agent; the stored secret is not used', async () => {
    const pair = await authorizedKeyPair(sshd);
    const agent = await startAgent(pair.file);
    const own = await openPassphraseBackend();
    try {
      const ownCall = apiCaller(createApi(own.backend, () => undefined, { agentSocket: agent.socket }));
      const prepared = await prepareSessionCustomer(ownCall, { ...passwordTarget(), secret: 'fel-lösenord' });
      const hostKey = new Promise<SessionPrompt>((resolve) => {
        const stop = own.backend.on('sessions.prompt', (prompt) => {
          stop();
          resolve(prompt);
        });
      });
      const session = await ownCall.ok('sessions.open', sshOpenInput(prepared, { auth: 'agent' }));
      const opened = new Promise<SessionView>((resolve) => {
        const stop = own.backend.on('sessions.changed', (view) => {
          if (view.id === session.id && (view.state === 'open' || view.state === 'failed')) {
            stop();
            resolve(view);
          }
        });
      });
      const prompt = await hostKey;
      await ownCall.ok('sessions.answerPrompt', {
        sessionId: session.id,
        promptId: prompt.promptId,
        accept: true,
      });
      expect((await opened).state).toBe('open');
      await ownCall.ok('sessions.close', { sessionId: session.id });
    } finally {
      await own.cleanup();
      await agent.stop();
      await pair.cleanup();
    }
  });

  test('keyboard-interactive: the server’s prompt reaches the UI and the answer logs in', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const keyboard = next('sessions.prompt', (p) => p.kind === 'keyboard');
    const hostKey = next('sessions.prompt', (p) => p.kind === 'hostKey');
    const session = await call.ok('sessions.open', sshOpenInput(prepared, { auth: 'keyboardInteractive' }));
    const open = stateOf(session.id, 'open', 'failed');
    const key = await hostKey;
    await call.ok('sessions.answerPrompt', { sessionId: session.id, promptId: key.promptId, accept: true });
    const prompt = (await keyboard) as Extract<SessionPrompt, { kind: 'keyboard' }>;
    expect(prompt.prompts[0]).toMatchObject({ echo: false });
    expect(prompt.prompts[0]!.prompt).toMatch(/password/i);
    await call.ok('sessions.answerPrompt', {
      sessionId: session.id,
      promptId: prompt.promptId,
      accept: true,
      answers: [sshd.password],
    });
    expect((await open).state).toBe('open');
    await call.ok('sessions.close', { sessionId: session.id });
  });

  test('a changed host key fails the session; replacing it is audited and lets the next one in', async () => {
    const own = await startSshd();
    try {
      const prepared = await prepareSessionCustomer(call, sessionTarget(own));
      const first = await openSsh(prepared);
      await call.ok('sessions.close', { sessionId: first.session.id });
      const renewed = await own.restartWithNewHostKeys();
      Object.assign(own, renewed);

      const session = await call.ok('sessions.open', sshOpenInput(prepared));
      const failed = await stateOf(session.id, 'failed', 'open');
      expect(failed).toMatchObject({ state: 'failed', endCode: 'HOST_KEY_MISMATCH' });
      expect(failed.endMessage).toContain('CHANGED');
      expect(failed.timeEntryId).toBeNull();

      const change = failed.hostKeyChange!;
      const keyType = change.keyType as 'ssh-ed25519';
      expect(change).toMatchObject({
        host: sshd.host,
        port: own.port,
        expected: first.prompt.kind === 'hostKey' ? first.prompt.fingerprint : '',
        presented: renewed.hostKeyFingerprints[keyType],
      });
      const reason = 'Confirmed by phone with the customer’s IT (server reinstalled).';
      const refused = await call.fails('sessions.replaceHostKey', { sessionId: session.id, reason: 'ok' });
      expect(refused.details?.issues?.map((i) => i.path)).toEqual(['reason']);
      // The key comes from a session that was refused for it, and from nowhere else.
      const notChanged = await call.fails('sessions.replaceHostKey', { sessionId: first.session.id, reason });
      expect(notChanged).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('did not fail on a changed host key'),
      });

      // The new key and its audit event are written together: an audit log that cannot take the event keeps the old key.
      const db = opened.backend.registryContext().db;
      const auditBack = await failInserts(db, 'audit_events', {
        when: "NEW.event = 'hostkey.replaced'",
        message: 'the audit log is full',
      });
      const unaudited = await call.fails('sessions.replaceHostKey', { sessionId: session.id, reason });
      expect(unaudited.code).toBe('INTERNAL');
      const storedKey = () =>
        db
          .selectFrom('known_hosts')
          .select('fingerprint')
          .where('port', '=', own.port)
          .where('key_type', '=', keyType)
          .executeTakeFirstOrThrow();
      expect(await storedKey()).toEqual({ fingerprint: change.expected });
      await auditBack();

      await call.ok('sessions.replaceHostKey', { sessionId: session.id, reason });
      expect(await storedKey()).toEqual({ fingerprint: change.presented });
      const [replaced] = await call.ok('audit.list', { event: 'hostkey.replaced' });
      expect(replaced!.details).toEqual({
        keyType,
        fingerprint: change.presented,
        replaced: change.expected,
        reason,
        sessionId: session.id,
      });
      const twice = await call.fails('sessions.replaceHostKey', { sessionId: session.id, reason });
      expect(twice).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already replaced') });
      expect(await call.ok('audit.list', { event: 'hostkey.replaced' })).toHaveLength(1);
      expect((await call.ok('audit.verify', {})).intact).toBe(true);

      const retry = await call.ok('sessions.open', sshOpenInput(prepared));
      expect((await stateOf(retry.id, 'open', 'failed')).state).toBe('open');
      await call.ok('sessions.close', { sessionId: retry.id });
    } finally {
      await own.stop();
    }
  });

  test('a killed sshd marks the session disconnected and closes its time entry', async () => {
    const own = await startSshd();
    try {
      const prepared = await prepareSessionCustomer(call, sessionTarget(own));
      const { session } = await openSsh(prepared);
      const dropped = stateOf(session.id, 'disconnected', 'closed');
      own.kill();
      const ended = await dropped;
      expect(ended).toMatchObject({ state: 'disconnected', endCode: 'SSH_DISCONNECTED' });
      expect(ended.endMessage).toMatch(/dropped/);
      const [entry] = await call.ok('time.list', { ticketId: prepared.ticket.id });
      expect(entry!.endedAt).toBe(ended.closedAt);
      expect((await call.ok('audit.list', { event: 'session.disconnected' })).length).toBe(1);
    } finally {
      await own.stop();
    }
  });
});

describe('the eligibility gate', () => {
  test('a blocker stops the session; an override with a reason opens it and is audited', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget(), { withDpa: false });
    const open = localOpenInput(prepared);
    const refused = await call.fails('sessions.open', open);
    expect(refused.code).toBe('NOT_ELIGIBLE');
    expect(refused.details?.blockers).toEqual([expect.objectContaining({ code: 'NO_DPA' })]);
    expect(await call.ok('sessions.list', { live: false })).toEqual([]);

    const tooShort = await call.fails('sessions.open', { ...open, overrideReason: 'brådis' });
    expect(tooShort.code).toBe('VALIDATION');

    const session = await call.ok('sessions.open', {
      ...open,
      overrideReason: 'Avtalet förnyas, PUB skickat för signering; akut inloggningsfel.',
    });
    expect(session.overridden).toBe(true);
    expect(session.warnings.map((w) => w.code)).toContain('NO_DPA');
    await stateOf(session.id, 'open');
    const [override] = await call.ok('audit.list', { event: 'eligibility.overridden' });
    expect(override).toMatchObject({ subjectId: session.id, details: { blockers: ['NO_DPA'] } });
    await call.ok('sessions.close', { sessionId: session.id });
  });
});

describe('local terminals', () => {
  test('the pre-connect command runs in the terminal first; a failing one stops the session', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget(), {
      preConnectCommand: 'echo "vpn: ansluten till $((40+2))"',
    });
    await approvePreConnect(prepared, 'echo "vpn: ansluten till $((40+2))"');
    const session = await openLocal(prepared);
    await waitForOutput(session.id, /vpn: ansluten till 42/);
    await call.ok('sessions.input', { sessionId: session.id, data: 'echo lokal-$((2+3))\n' });
    await waitForOutput(session.id, /lokal-5/);
    await call.ok('sessions.close', { sessionId: session.id });

    await call.ok('registry.saveEnvironment', {
      customerId: prepared.customer.id,
      id: prepared.environment.id,
      rowVersion: await storedVersion(call, prepared.customer.id, prepared.environment.id),
      environment: {
        name: 'Produktion',
        access: { vpnType: 'none', method: 'ssh', preConnectCommand: 'exit 3' },
      },
    });
    await approvePreConnect(prepared, 'exit 3');
    const failing = await call.ok('sessions.open', localOpenInput(prepared));
    expect(await stateOf(failing.id, 'failed', 'open')).toMatchObject({
      state: 'failed',
      endCode: 'PRECONNECT_FAILED',
      endMessage: expect.stringContaining('exit code 3'),
    });
    // Both runs are audited with how they ended, the failed one too.
    const runs = await call.ok('audit.list', { event: 'preconnect.ran' });
    expect(runs.map((run) => [run.subjectId, run.details.exitCode, run.details.succeeded])).toEqual([
      [failing.id, 3, false],
      [session.id, 0, true],
    ]);
  });

  test('closed while still opening: the time entry it was starting is closed with it, and no opening is logged after the end', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const session = await call.ok('sessions.open', localOpenInput(prepared));
    // At once, while the opening still has its books to start.
    const closed = await call.ok('sessions.close', { sessionId: session.id });
    const entries = await call.ok('time.list', { ticketId: prepared.ticket.id });
    // The local shell's entry is started as the opening answers, so there is one, and the close has closed it.
    expect(entries).toHaveLength(1);
    expect(entries.map((e) => e.endedAt)).toEqual(entries.map(() => closed.closedAt));
    expect(entries.filter((e) => e.startedAt > closed.closedAt!)).toEqual([]);
    // What the opening still had under way (none of it waits for the person) is done well within this.
    await new Promise((r) => setTimeout(r, 500));
    expect((await call.ok('time.list', { ticketId: prepared.ticket.id })).map((e) => e.endedAt)).toEqual(
      entries.map(() => closed.closedAt),
    );
    const logged = (await call.ok('audit.list', { subjectType: 'session', subjectId: session.id }))
      .map((e) => e.event)
      .reverse();
    expect([[], ['session.opened', 'session.closed']]).toContainEqual(logged);
    expect(await call.ok('sessions.list', { live: true })).toEqual([]);
  });

  test('closed as its pre-connect step is announced: neither the command nor the ticket’s time starts', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget(), {
      preConnectCommand: 'echo vpn-startad',
    });
    await approvePreConnect(prepared, 'echo vpn-startad');
    let closing: Promise<SessionView> | undefined;
    const announced = new Promise<void>((resolve) => {
      stops.push(
        opened.backend.on('sessions.changed', (s) => {
          if (s.state !== 'preconnect' || closing) return;
          // The dispatcher runs the handler at once: the end has begun before the step announced here goes on.
          closing = call.ok('sessions.close', { sessionId: s.id });
          resolve();
        }),
      );
    });
    const session = await call.ok('sessions.open', localOpenInput(prepared));
    await announced;
    expect(await closing).toMatchObject({ id: session.id, state: 'closed' });
    // What the opening still had under way (none of it waits for the person) is done well within this.
    await new Promise((r) => setTimeout(r, 500));
    expect(output.get(session.id) ?? '').not.toContain('vpn-startad');
    const entries = await call.ok('time.list', { ticketId: prepared.ticket.id });
    // The end began before the pre-connect step started the ticket's time, so none was started.
    expect(entries).toEqual([]);
  });

  test('the pre-connect command and the shell start at the newest size sent before they did', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget(), {
      preConnectCommand: "stty size | sed 's/^/pre=/'",
    });
    await approvePreConnect(prepared, "stty size | sed 's/^/pre=/'");
    // Each state is announced before the program of that step starts, and the dispatcher runs the resize handler at
    // once: these resizes come while the session has no terminal.
    stops.push(
      opened.backend.on('sessions.changed', (s) => {
        if (s.state === 'preconnect')
          void call.ok('sessions.resize', { sessionId: s.id, cols: 90, rows: 20 });
        if (s.state === 'connecting' && output.get(s.id)?.includes('pre=')) {
          void call.ok('sessions.resize', { sessionId: s.id, cols: 132, rows: 40 });
        }
      }),
    );
    const session = await openLocal(prepared, { cols: 100, rows: 30 });
    await waitForOutput(session.id, /pre=\d+ \d+\r\n/);
    expect(output.get(session.id)).toMatch(/pre=20 90\r\n/);
    await call.ok('sessions.input', { sessionId: session.id, data: "stty size | sed 's/^/size=/'\n" });
    await waitForOutput(session.id, /size=40 132\r\n/);
    await call.ok('sessions.close', { sessionId: session.id });
  });

  test('locking ends live sessions as disconnected, closing their time entries', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const session = await openLocal(prepared);
    const ended = stateOf(session.id, 'disconnected');
    await opened.backend.lock();
    expect((await ended).endMessage).toMatch(/locked/);
    await opened.backend.unlock(TEST_PASSPHRASE);
    const [entry] = await call.ok('time.list', { ticketId: prepared.ticket.id });
    expect(entry!.endedAt).not.toBeNull();
  });
});

describe('sessions left behind', () => {
  test('a second Lotsen (a CLI command beside `lotsen serve`) leaves live sessions alone; a dead owner’s end at unlock', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const session = await openLocal(prepared);
    await call.ok('sessions.input', { sessionId: session.id, data: 'echo spår-$((1+1))\n' });
    await waitForOutput(session.id, /spår-2/);

    let second = await openBeside();
    const [stillLive] = await second.besideCall.ok('sessions.list', { live: true });
    expect(stillLive).toMatchObject({ id: session.id, state: 'open' });
    await second.beside.close();

    await orphan([session.id]);
    second = await openBeside();
    const [ended] = await second.besideCall.ok('sessions.list', { live: false });
    expect(ended).toMatchObject({ id: session.id, state: 'disconnected', endCode: 'INTERRUPTED' });
    const [entry] = await second.besideCall.ok('time.list', { ticketId: prepared.ticket.id });
    // At the session's end, or as it started if that came later (closeTimeEntry: never before its start).
    expect(entry!.endedAt).toBe(Math.max(ended!.closedAt!, entry!.startedAt));
    expect(ended!.closedAt).toBeGreaterThanOrEqual(ended!.openedAt);
    // Its end is audited like any disconnection, saying why.
    const disconnected = await second.besideCall.ok('audit.list', { event: 'session.disconnected' });
    expect(disconnected).toEqual([
      expect.objectContaining({
        subjectId: session.id,
        details: expect.objectContaining({
          ticketId: prepared.ticket.id,
          code: 'INTERRUPTED',
          message: expect.stringContaining('Lotsen stopped while this session was open'),
        }),
      }),
    ]);
    expect((await second.besideCall.ok('audit.verify', {})).intact).toBe(true);
    await second.beside.close();
  });
});

describe('sessions left behind: ends that cannot be taken as they are', () => {
  test('a time entry that started after the last recorded output ends as it started, never before', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const session = await openLocal(prepared);
    const db = opened.backend.registryContext().db;
    // As if the shell had come an hour after anything was recorded (a host-key question left waiting, say).
    const [entry] = await call.ok('time.list', { ticketId: prepared.ticket.id });
    const startedAt = Date.now() + 3_600_000;
    await db.updateTable('time_entries').set({ started_at: startedAt }).where('id', '=', entry!.id).execute();
    await orphan([session.id]);

    const { beside, besideCall } = await openBeside();
    try {
      const [ended] = await besideCall.ok('sessions.list', { live: false });
      expect(ended).toMatchObject({ id: session.id, endCode: 'INTERRUPTED' });
      expect(ended!.closedAt).toBeLessThan(startedAt);
      const [closed] = await besideCall.ok('time.list', { ticketId: prepared.ticket.id });
      expect(closed).toMatchObject({ startedAt, endedAt: startedAt });
    } finally {
      await beside.close();
    }
  });

  test('one that cannot be ended now does not keep the ones after it live', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const first = await openLocal(prepared);
    const second = await openLocal(prepared);
    await orphan([first.id, second.id]);
    const beside = await Backend.open({ dataDir: opened.dataDir });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await beside.unlock(TEST_PASSPHRASE);
      // The store refuses to end the older one.
      const endsBack = await failUpdates(beside.registryContext().db, 'sessions', {
        when: `OLD.id = '${first.id}'`,
        message: 'refused for the test',
      });
      await endInterruptedSessions(beside);
      await endsBack();
      const states = await beside
        .registryContext()
        .db.selectFrom('sessions')
        .select(['id', 'state'])
        .where('id', 'in', [first.id, second.id])
        .orderBy('opened_at')
        .execute();
      expect(states).toEqual([
        { id: first.id, state: 'open' },
        { id: second.id, state: 'disconnected' },
      ]);
      expect(logged).toHaveBeenCalledWith(
        `lotsen: interrupted session ${first.id} could not be ended:`,
        expect.stringContaining('refused for the test'),
      );
    } finally {
      logged.mockRestore();
      await beside.close();
    }
  });
});

describe('sessions left behind, ended by two Lotsens at once', () => {
  test('both read the same interrupted session before either ends it: it ends, and is audited, once', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const session = await openLocal(prepared);
    await orphan([session.id]);
    // Two more processes' worth of Lotsen on the store; without session managers they leave the cleanup to the test.
    const [first, second] = [
      await Backend.open({ dataDir: opened.dataDir }),
      await Backend.open({ dataDir: opened.dataDir }),
    ];
    try {
      await first.unlock(TEST_PASSPHRASE);
      await second.unlock(TEST_PASSPHRASE);
      // The first stops just before it writes, having read the session as stale, until the second has ended it.
      let firstHasRead!: () => void;
      const hasRead = new Promise<void>((resolve) => (firstHasRead = resolve));
      let goOn!: () => void;
      const mayWrite = new Promise<void>((resolve) => (goOn = resolve));
      const paused = new Proxy(first, {
        get(target, key) {
          if (key !== 'audit') return Reflect.get(target, key, target) as unknown;
          return () => ({
            appendWith: async (...args: Parameters<AuditTrail['appendWith']>) => {
              firstHasRead();
              await mayWrite;
              return target.audit().appendWith(...args);
            },
          });
        },
      });
      const firstEnds = endInterruptedSessions(paused);
      await hasRead;
      await endInterruptedSessions(second);
      goOn();
      await firstEnds;

      const ended = await second
        .registryContext()
        .db.selectFrom('sessions')
        .selectAll()
        .where('id', '=', session.id)
        .executeTakeFirstOrThrow();
      expect(ended).toMatchObject({ state: 'disconnected', end_code: 'INTERRUPTED' });
      const disconnected = await call.ok('audit.list', { event: 'session.disconnected' });
      expect(disconnected.map((e) => e.subjectId)).toEqual([session.id]);
      const [entry] = await call.ok('time.list', { ticketId: prepared.ticket.id });
      // At the session's end, or as it started if that came later (closeTimeEntry: never before its start).
      expect(entry!.endedAt).toBe(Math.max(ended.closed_at!, entry!.startedAt));
      expect((await call.ok('audit.verify', {})).intact).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe('an end whose books cannot be closed', () => {
  /** Until the head file names the newest event: an append still writing it would meet the broken head too. */
  async function auditHeadWritten(): Promise<void> {
    const db = opened.backend.registryContext().db;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { seq } = await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirstOrThrow();
      const text = await readFile(dataFiles.auditHead(opened.dataDir), 'utf8').catch(() => '{"seq":0}');
      const head = JSON.parse(text) as { seq: number };
      if (head.seq === seq) return;
      if (Date.now() > deadline) throw new Error(`the audit head stayed at ${head.seq}, not ${String(seq)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  test.skipIf(teamRun)(
    'the audit head cannot be written: the session is still released and its end sent, and nothing goes unhandled — embedded only: a team database advances its head inside the append, so no write follows the commit',
    async () => {
      const prepared = await prepareSessionCustomer(call, passwordTarget());
      const closing = await openLocal(prepared);
      const exiting = await openLocal(prepared);
      await auditHeadWritten();
      // The head file becomes a folder, so every audit append fails after its transaction has committed.
      await rm(dataFiles.auditHead(opened.dataDir), { force: true });
      await mkdir(dataFiles.auditHead(opened.dataDir));
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const closedSent = stateOf(closing.id, 'closed');
        expect(await call.ok('sessions.close', { sessionId: closing.id })).toMatchObject({ state: 'closed' });
        await closedSent;

        // A shell that ends on its own ends its session with no caller to hand a failure to.
        const exitSent = stateOf(exiting.id, 'closed');
        await call.ok('sessions.input', { sessionId: exiting.id, data: 'exit 0\n' });
        expect(await exitSent).toMatchObject({ endMessage: 'The shell ended (exit code 0).' });

        expect(await call.ok('sessions.list', { live: true })).toEqual([]);
        for (const id of [closing.id, exiting.id]) {
          const gone = await call.fails('sessions.input', { sessionId: id, data: 'echo kvar\n' });
          expect(gone.code).toBe('NOT_FOUND');
        }
        const lines = logged.mock.calls.map((args) => args.join(' '));
        expect(lines.filter((line) => line.includes('audit-head.json'))).toHaveLength(2);
        expect(lines.join('\n')).not.toContain(TEST_PASSPHRASE);
      } finally {
        logged.mockRestore();
      }
    },
  );

  test('an end the store refuses: the close says so, the store still says live, and the session is released', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const session = await openLocal(prepared);
    const db = opened.backend.registryContext().db;
    const auditBack = await failInserts(db, 'audit_events', {
      when: "NEW.event = 'session.closed'",
      message: 'the audit log is full',
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const sent = stateOf(session.id, 'open');
      const refused = await call.fails('sessions.close', { sessionId: session.id });
      expect(refused).toMatchObject({
        code: 'INTERNAL',
        message: expect.stringContaining('lists it as live'),
      });
      expect(await sent).toMatchObject({ id: session.id, state: 'open' });
      expect(logged.mock.calls.map((args) => args.join(' ')).join('\n')).toContain('the audit log is full');
      expect(await call.fails('sessions.input', { sessionId: session.id, data: 'x' })).toMatchObject({
        code: 'NOT_FOUND',
      });
    } finally {
      logged.mockRestore();
      await auditBack();
    }
  });
});

describe('what a local terminal is given', () => {
  test('Lotsen’s own secrets stay out of the shell, the pre-connect command and the recording', async () => {
    const given = {
      LOTSEN_PASSPHRASE: TEST_PASSPHRASE,
      LOTSEN_PASSPHRASE_FILE: `${opened.dataDir}/passphrase.txt`,
      LOTSEN_HOME: opened.dataDir,
      LOTSEN_SOMETHING_LATER: 'hemligt-värde',
    };
    const before = { ...process.env };
    Object.assign(process.env, given);
    try {
      const prepared = await prepareSessionCustomer(call, passwordTarget(), {
        preConnectCommand: 'echo "vpn:[$LOTSEN_PASSPHRASE][$LOTSEN_PASSPHRASE_FILE]"',
      });
      await approvePreConnect(prepared, 'echo "vpn:[$LOTSEN_PASSPHRASE][$LOTSEN_PASSPHRASE_FILE]"');
      const session = await openLocal(prepared, { recordInput: true });
      await waitForOutput(session.id, /vpn:\[\]\[\]/);
      await call.ok('sessions.input', {
        sessionId: session.id,
        data: 'echo "skal:[$LOTSEN_PASSPHRASE][$LOTSEN_PASSPHRASE_FILE][$LOTSEN_SOMETHING_LATER]"; env | grep -c ^LOTSEN_; echo "hem:$LOTSEN_HOME"\n',
      });
      // None of Lotsen's own, the data folder's name neither (as the README says).
      const seen = await waitForOutput(session.id, /hem:\r\n/);
      expect(seen).toMatch(/skal:\[\]\[\]\[\]\r\n0\r\n/);
      const closed = await call.ok('sessions.close', { sessionId: session.id });

      const recording = (await recordedEvents(closed.recordingId!)).map(([, , data]) => data).join('');
      expect(recording).toContain('skal:[][][]');
      expect(recording).not.toContain(TEST_PASSPHRASE);
      expect(recording).not.toContain('hemligt-värde');
      // The backend itself still has them: only its children lose them.
      expect(process.env.LOTSEN_PASSPHRASE).toBe(TEST_PASSPHRASE);
    } finally {
      for (const name of Object.keys(given)) Reflect.deleteProperty(process.env, name);
      Object.assign(process.env, before);
    }
  });

  test('typed input is recorded as asciicast "i" events only when asked for', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const typedIn = async (recordInput: boolean | undefined) => {
      const session = await call.ok(
        'sessions.open',
        localOpenInput(prepared, recordInput === undefined ? {} : { recordInput }),
      );
      expect(session.choices.recordInput).toBe(recordInput ?? false);
      await stateOf(session.id, 'open');
      await call.ok('sessions.input', { sessionId: session.id, data: 'echo inmatat-$((3*3))\n' });
      await waitForOutput(session.id, /inmatat-9/);
      const closed = await call.ok('sessions.close', { sessionId: session.id });
      const events = await recordedEvents(closed.recordingId!);
      expect(events.some(([, type, data]) => type === 'o' && data.includes('inmatat-9'))).toBe(true);
      return events.filter(([, type]) => type === 'i').map(([, , data]) => data);
    };
    expect(await typedIn(true)).toEqual(['echo inmatat-$((3*3))\n']);
    expect(await typedIn(false)).toEqual([]);
    expect(await typedIn(undefined)).toEqual([]);
  });

  test('a resize reaches the terminal at once; the store gets the size at most once a second, and at the end', async () => {
    const own = await openPassphraseBackend();
    try {
      // An interval no test outlasts shows that resizes alone write nothing.
      const ownCall = apiCaller(
        createApi(own.backend, () => undefined, { shell: '/bin/sh', sizeSaveIntervalMs: 3_600_000 }),
      );
      let text = '';
      const decoder = new TextDecoder();
      stops.push(
        own.backend.on('terminal.output', ({ sessionId, data }) => {
          text += decoder.decode(data, { stream: true });
          void ownCall.ok('sessions.ack', { sessionId, bytes: data.length });
        }),
      );
      const prepared = await prepareSessionCustomer(ownCall, passwordTarget());
      const session = await ownCall.ok('sessions.open', localOpenInput(prepared, { cols: 100, rows: 30 }));
      await next('sessions.changed', (s) => s.id === session.id && s.state === 'open', 15_000, own.backend);
      for (const [cols, rows] of [
        [90, 20],
        [110, 35],
        [132, 40],
      ] as const) {
        await ownCall.ok('sessions.resize', { sessionId: session.id, cols, rows });
      }
      // Marked, because the shell's prompt may be drawn between the echoed command and its output.
      await ownCall.ok('sessions.input', { sessionId: session.id, data: "stty size | sed 's/^/size=/'\n" });
      const deadline = Date.now() + 10_000;
      while (!/size=40 132\r\n/.test(text) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25));
      expect(text).toMatch(/size=40 132\r\n/);
      const [live] = await ownCall.ok('sessions.list', { live: true });
      expect(live).toMatchObject({ cols: 100, rows: 30 });
      expect(await ownCall.ok('sessions.close', { sessionId: session.id })).toMatchObject({
        cols: 132,
        rows: 40,
      });
    } finally {
      await own.cleanup();
    }

    // With the default interval a live session's row follows within about a second.
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const session = await openLocal(prepared);
    await call.ok('sessions.resize', { sessionId: session.id, cols: 80, rows: 24 });
    const deadline = Date.now() + 10_000;
    let stored = session;
    while (stored.cols !== 80 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      [stored] = (await call.ok('sessions.list', { live: true })) as [SessionView];
    }
    expect(stored).toMatchObject({ cols: 80, rows: 24 });
    await call.ok('sessions.close', { sessionId: session.id });
  });
});

describe('reconnecting', () => {
  test('from another Lotsen on the same store: the same target, account, auth, jump chain, size and choices', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget(), {
      preConnectCommand: 'echo vpn-körs',
    });
    // The sshd registered a second time, as the jump host: the chain is part of how the session was opened.
    const jumpServer = await call.ok('registry.saveServer', {
      environmentId: prepared.environment.id,
      server: { host: sshd.host, port: sshd.port, role: 'other' },
    });
    const hop = { serverId: jumpServer.id, accountId: prepared.account.id, auth: 'password' as const };
    const trustAll = opened.backend.on('sessions.prompt', (prompt) => {
      void call.ok('sessions.answerPrompt', {
        sessionId: prompt.sessionId,
        promptId: prompt.promptId,
        accept: true,
      });
    });
    stops.push(trustAll);
    const session = await call.ok(
      'sessions.open',
      sshOpenInput(prepared, {
        auth: 'password',
        jump: [hop],
        runPreConnect: false,
        recordInput: true,
        cols: 100,
        rows: 30,
      }),
    );
    const choices = { auth: 'password', jump: [hop], runPreConnect: false, recordInput: true, tool: null };
    expect(session.choices).toEqual(choices);
    expect((await stateOf(session.id, 'open', 'failed')).state).toBe('open');
    await call.ok('sessions.resize', { sessionId: session.id, cols: 132, rows: 40 });
    await call.ok('sessions.close', { sessionId: session.id });
    const forwards = () => sshd.log().match(/server_request_direct_tcpip/g)?.length ?? 0;
    const forwardsBefore = forwards();

    const { beside, besideCall } = await openBeside();
    try {
      let asked = false;
      stops.push(beside.on('sessions.prompt', () => (asked = true)));
      const opening = next(
        'sessions.changed',
        (s) => s.state === 'open' || s.state === 'failed',
        15_000,
        beside,
      );
      const again = await besideCall.ok('sessions.reconnect', { sessionId: session.id });
      expect(again.id).not.toBe(session.id);
      expect(again).toMatchObject({
        kind: 'ssh',
        ticketId: prepared.ticket.id,
        environmentId: prepared.environment.id,
        serverId: prepared.server.id,
        accountId: prepared.account.id,
        title: session.title,
        cols: 132,
        rows: 40,
        choices,
      });
      const open = await opening;
      expect(open).toMatchObject({ id: again.id, state: 'open' });
      // Both host keys were known (the jump host's and the target's through it), the pre-connect command was not run.
      expect(asked).toBe(false);
      expect(forwards()).toBe(forwardsBefore + 1);
      const closed = await besideCall.ok('sessions.close', { sessionId: again.id });
      const output = (await recordedEvents(closed.recordingId!)).map(([, , data]) => data).join('');
      expect(output).not.toContain('vpn-körs');
    } finally {
      await beside.close();
    }
  });

  test('a live session is not reconnected; an ended one passes the gate afresh, without the old override', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget(), { withDpa: false });
    const firstReason = 'Avtalet förnyas, PUB skickat för signering; akut inloggningsfel.';
    const session = await openLocal(prepared, { overrideReason: firstReason });
    const live = await call.fails('sessions.reconnect', { sessionId: session.id });
    expect(live).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('still live') });
    await call.ok('sessions.close', { sessionId: session.id });

    const blocked = await call.fails('sessions.reconnect', { sessionId: session.id });
    expect(blocked.code).toBe('NOT_ELIGIBLE');
    expect(blocked.details?.blockers).toEqual([expect.objectContaining({ code: 'NO_DPA' })]);
    expect(await call.ok('sessions.list', { live: true })).toEqual([]);

    const secondReason = 'Kunden bekräftar i telefon att PUB är signerat; dokumentet kommer.';
    const again = await call.ok('sessions.reconnect', {
      sessionId: session.id,
      overrideReason: secondReason,
    });
    expect(again).toMatchObject({ overridden: true, ticketId: prepared.ticket.id, kind: 'local' });
    await stateOf(again.id, 'open');
    const overrides = await call.ok('audit.list', { event: 'eligibility.overridden' });
    expect(overrides.map((o) => [o.subjectId, o.details.reason])).toEqual([
      [again.id, secondReason],
      [session.id, firstReason],
    ]);
    await call.ok('sessions.close', { sessionId: again.id });

    const missing = await call.fails('sessions.reconnect', {
      sessionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.code).toBe('NOT_FOUND');
  });

  test('a route that goes round in a circle, or through a server not in the environment, is refused before the session exists', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const open = (jump: { serverId: string; accountId: string }[]) =>
      call.fails('sessions.open', sshOpenInput(prepared, { jump }));
    const other = await call.ok('registry.saveServer', {
      environmentId: prepared.environment.id,
      server: { host: '10.0.0.9', role: 'other' },
    });
    const via = (serverId: string) => ({ serverId, accountId: prepared.account.id });

    expect(await open([via(prepared.server.id)])).toMatchObject({
      code: 'VALIDATION',
      details: {
        issues: [{ path: 'jump.0.serverId', message: 'This is the server you are connecting to.' }],
      },
    });
    expect(await open([via(other.id), via(other.id)])).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'jump.1.serverId', message: 'This server is already jump host 1.' }] },
    });
    const elsewhere = await serverInOtherEnvironment(call, prepared);
    expect(await open([via(other.id), via(elsewhere.id)])).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Jump host 2: No such server in this environment.',
      details: { jump: 1 },
    });
    expect(await call.ok('sessions.list', { live: false, ticketId: prepared.ticket.id })).toEqual([]);
    expect(await call.ok('recordings.list', { ticketId: prepared.ticket.id })).toEqual([]);
  });

  test('two reconnects of one ended session at once (a double click, two windows) open one session', async () => {
    const prepared = await prepareSessionCustomer(call, passwordTarget());
    const session = await openLocal(prepared);
    await call.ok('sessions.close', { sessionId: session.id });

    const answers = await Promise.allSettled([
      call.ok('sessions.reconnect', { sessionId: session.id }),
      call.ok('sessions.reconnect', { sessionId: session.id }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(answers.find((a) => a.status === 'rejected')).toMatchObject({
      reason: { message: expect.stringContaining('CONFLICT That session is being reconnected already.') },
    });
    const live = await call.ok('sessions.list', { live: true });
    expect(live).toHaveLength(1);
    await call.ok('sessions.close', { sessionId: live[0]!.id });
  });
});
