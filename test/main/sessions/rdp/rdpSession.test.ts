import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { SessionPrompt, SessionView } from '../../../../common/sessions/model.ts';
import { createApi } from '../../../../main/api/createApi.node.ts';
import { apiCaller } from '../../../support/apiCaller.ts';
import { recordEvents } from '../../../support/backendEvents.ts';
import { openPassphraseBackend } from '../../../support/passphraseBackend.ts';
import { prepareSessionCustomer, rdpOpenInput } from '../../../support/sessionCustomer.ts';
import { SERVER_DESKTOP_RGB, startXrdp, type RdpServerFixture } from '../../../support/rdp/xrdpFixture.ts';
import { startX, type XDisplay } from '../../../support/rdp/xDisplay.ts';
import { encodePng, pixelAt, readXwd, showsColour } from '../../../support/rdp/xwdImage.ts';

/**
 * RDP end to end with real parts: xrdp in front of TigerVNC's Xvnc on a loopback port (the server), and FreeRDP's
 * xfreerdp, launched by Lotsen with the stored password, drawing on an Xvfb display of its own (the technician's).
 */
let server: RdpServerFixture;
let client: XDisplay;
beforeAll(async () => {
  server = await startXrdp();
  client = await startX('Xvfb', ['-screen', '0', '1280x800x24']);
}, 60_000);
afterAll(async () => {
  await client?.stop();
  await server?.stop();
});

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
let events: ReturnType<typeof recordEvents>;
/** Each session's terminal: the client's console, acknowledged as xterm's write callback does. */
let output: Map<string, string>;
let stopOutput: () => void;
beforeEach(async () => {
  opened = await openPassphraseBackend();
  const api = createApi(opened.backend, () => undefined, { rdp: { display: client.display } });
  call = apiCaller(api);
  events = recordEvents(opened.backend, ['sessions.changed', 'sessions.prompt']);
  output = new Map();
  stopOutput = opened.backend.on('terminal.output', ({ sessionId, data }) => {
    output.set(sessionId, `${output.get(sessionId) ?? ''}${Buffer.from(data).toString('utf8')}`);
    void call.ok('sessions.ack', { sessionId, bytes: data.length });
  });
});
afterEach(async () => {
  stopOutput();
  events.stop();
  await opened.cleanup();
});

const stateOf = (id: string, ...states: SessionView['state'][]) =>
  events.next('sessions.changed', (s) => s.id === id && states.includes(s.state), 20_000);
const certificatePrompt = async (sessionId: string) =>
  (await events.next(
    'sessions.prompt',
    (p) => p.sessionId === sessionId && p.kind === 'hostKey',
    20_000,
  )) as Extract<SessionPrompt, { kind: 'hostKey' }>;

async function prepare() {
  return prepareSessionCustomer(call, {
    host: server.host,
    port: server.port,
    username: server.username,
    secret: server.password,
  });
}

/** The xfreerdp processes of this test's server, by pid. */
async function clientPids(): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    const argv = cmdline.split('\0');
    if (argv[0]?.endsWith('xfreerdp') && argv.includes(`/v:${server.host}:${server.port}`))
      pids.push(Number(name));
  }
  return pids;
}

/**
 * Where `secret` can be read on this machine: any process's argv or environment, and any file changed since
 * `since` under the folders given (the data folder, the temporary folder and what is under it).
 */
async function whereIsSecret(secret: string, folders: string[], since: number): Promise<string[]> {
  const needles = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  const holds = (bytes: Buffer) => needles.some((needle) => bytes.includes(needle));
  const found: string[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    for (const part of ['cmdline', 'environ']) {
      const bytes = await readFile(`/proc/${name}/${part}`).catch(() => Buffer.alloc(0));
      if (holds(bytes)) found.push(`/proc/${name}/${part}`);
    }
  }
  // This test process holds the password in its memory (it made the server), but not in its argv or environment.
  for (const part of ['cmdline', 'environ']) {
    if (holds(await readFile(`/proc/${process.pid}/${part}`))) found.push(`/proc/self/${part}`);
  }
  const walk = async (path: string, depth: number): Promise<void> => {
    const info = await lstat(path).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      if (depth > 6) return;
      for (const entry of await readdir(path).catch(() => [])) await walk(join(path, entry), depth + 1);
    } else if (info.isFile() && info.mtimeMs >= since && info.size < 64 * 1024 * 1024) {
      const bytes = await readFile(path).catch(() => Buffer.alloc(0));
      if (holds(bytes)) found.push(path);
    }
  };
  for (const folder of folders) await walk(folder, 0);
  return found;
}

/** Waits until the client's display shows the server's desktop, and answers that screenshot. */
async function untilServerDesktopShown(): Promise<Buffer> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const image = readXwd(await client.screenshot());
    // xfreerdp's window opens at the top left of a display without a window manager, 1024x768 by default.
    if (showsColour(image, 400, 400, SERVER_DESKTOP_RGB)) return encodePng(image);
    if (Date.now() > deadline) {
      throw new Error(
        `the client's display shows rgb(${pixelAt(image, 400, 400).join(', ')}), not the server's desktop`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('an RDP session', () => {
  test('runs xfreerdp with the stored password on its own display, pins the certificate, and ends with the client', async () => {
    const since = Date.now() - 1_000;
    const prepared = await prepare();
    const session = await call.ok('sessions.open', rdpOpenInput(prepared));
    expect(session).toMatchObject({
      kind: 'rdp',
      title: `RDP ${server.username}@${server.host}:${server.port}`,
    });

    // The certificate is Lotsen's to trust, first seen here: shown as SSH host keys are.
    const prompt = await certificatePrompt(session.id);
    expect(prompt).toMatchObject({
      host: server.host,
      port: server.port,
      keyType: 'rdp-x509',
      fingerprint: await server.fingerprint(),
    });
    const isOpen = stateOf(session.id, 'open', 'failed', 'closed');
    await call.ok('sessions.answerPrompt', {
      sessionId: session.id,
      promptId: prompt.promptId,
      accept: true,
    });
    expect((await isOpen).state).toBe('open');

    const screenshot = await untilServerDesktopShown();
    await mkdir('test-results/rdp', { recursive: true });
    await writeFile('test-results/rdp/client-display.png', screenshot);

    const [pid] = await clientPids();
    expect(pid).toBeDefined();
    // The password: the client asked for it on its terminal and got it there, and it is nowhere else to be read.
    expect(output.get(session.id)).toMatch(/Password:/);
    expect(output.get(session.id)).not.toContain(server.password);
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    expect(argv).toContain('/from-stdin:force');
    expect(argv.some((arg) => arg.startsWith('/cert:deny,fingerprint:sha256:'))).toBe(true);
    expect(argv.some((arg) => /^\/(p|cert:ignore|cert:tofu|cert-ignore|cert-tofu)\b/.test(arg))).toBe(false);
    expect(await whereIsSecret(server.password, [opened.dataDir, tmpdir()], since)).toEqual([]);
    // The look finds what is there: a file holding it, written and removed here, is found.
    const control = await mkdtemp(join(tmpdir(), 'lotsen-rdp-control-'));
    try {
      await writeFile(join(control, 'holds-it'), `x${server.password}x`);
      expect(await whereIsSecret(server.password, [control], since)).toEqual([join(control, 'holds-it')]);
    } finally {
      await rm(control, { recursive: true, force: true });
    }

    const [running] = await call.ok('time.list', { ticketId: prepared.ticket.id });
    expect(running).toMatchObject({ sessionId: session.id, endedAt: null });

    // Closing the client (as its window's close does: the program is asked to end) ends the session and its time.
    process.kill(pid!, 'SIGTERM');
    const view = await stateOf(session.id, 'closed', 'disconnected', 'failed');
    expect(view.state).toBe('closed');
    expect(view.endMessage).toMatch(/^The RDP client ended \((exit code \d+|signal \w+)\)\.$/);
    const [entry] = await call.ok('time.list', { ticketId: prepared.ticket.id });
    expect(entry).toMatchObject({ sessionId: session.id, endedAt: view.closedAt });
    const [closed] = await call.ok('audit.list', { event: 'session.closed' });
    expect(closed!.details).toMatchObject({ ticketId: prepared.ticket.id });
    expect(typeof closed!.details.exitCode === 'number' || typeof closed!.details.signal === 'string').toBe(
      true,
    );
    const [trusted] = await call.ok('audit.list', { event: 'hostkey.trusted' });
    expect(trusted!.details).toMatchObject({ keyType: 'rdp-x509', fingerprint: await server.fingerprint() });
    expect(await clientPids()).toEqual([]);
  }, 90_000);

  test('with a changed certificate is refused until the stored one is replaced, and the client refuses it too', async () => {
    const prepared = await prepare();
    const first = await call.ok('sessions.open', rdpOpenInput(prepared));
    const asked = await certificatePrompt(first.id);
    await call.ok('sessions.answerPrompt', { sessionId: first.id, promptId: asked.promptId, accept: true });
    expect((await stateOf(first.id, 'open', 'failed')).state).toBe('open');
    await call.ok('sessions.close', { sessionId: first.id });
    const pinned = await server.fingerprint();

    await server.replaceCertificate();
    const presented = await server.fingerprint();
    expect(presented).not.toBe(pinned);
    const refused = await call.ok('sessions.open', rdpOpenInput(prepared));
    const failed = await stateOf(refused.id, 'open', 'failed', 'closed');
    expect(failed).toMatchObject({
      state: 'failed',
      endCode: 'HOST_KEY_MISMATCH',
      hostKeyChange: {
        host: server.host,
        port: server.port,
        keyType: 'rdp-x509',
        expected: pinned,
        presented,
      },
    });
    // Refused before any client started, and without a time entry of its own.
    expect(await clientPids()).toEqual([]);
    expect((await call.ok('time.list', { ticketId: prepared.ticket.id })).map((e) => e.sessionId)).toEqual([
      first.id,
    ]);

    // The client itself, told the pinned certificate, refuses the new one: it is never left to decide by itself.
    const { launchRdpClient } = await import('../../../../main/sessions/rdp/rdpClient.node.ts');
    const { spawnPty } = await import('../../../../main/sessions/terminal/ptySource.node.ts');
    const pinnedClient = await launchRdpClient(
      spawnPty,
      {
        host: server.host,
        port: server.port,
        username: server.username,
        password: server.password,
        fingerprint: pinned,
        title: 'pinned',
        cols: 120,
        rows: 32,
      },
      { display: client.display },
    );
    let log = '';
    pinnedClient.onData((bytes) => (log += Buffer.from(bytes).toString('utf8')));
    const exit = await new Promise<{ exitCode: number | null }>((resolve) => pinnedClient.onExit(resolve));
    expect(exit.exitCode).not.toBe(0);
    expect(log).toMatch(/certificate/i);
    expect(log).not.toContain(server.password);

    await call.ok('sessions.replaceHostKey', {
      sessionId: refused.id,
      reason: 'The customer read the new SHA-256 fingerprint to me on the phone.',
    });
    const again = await call.ok('sessions.open', rdpOpenInput(prepared));
    expect((await stateOf(again.id, 'open', 'failed')).state).toBe('open');
    expect(events.seen.filter((e) => e.event === 'sessions.prompt')).toHaveLength(1);
    const closed = await call.ok('sessions.close', { sessionId: again.id });
    expect(closed.state).toBe('closed');
    const [replaced] = await call.ok('audit.list', { event: 'hostkey.replaced' });
    expect(replaced!.details).toMatchObject({
      keyType: 'rdp-x509',
      fingerprint: presented,
      replaced: pinned,
    });
  }, 90_000);

  test('to a server without TLS is refused: there is no certificate to pin, and no client starts', async () => {
    const plain = await startXrdp('rdp');
    try {
      const prepared = await prepareSessionCustomer(call, {
        host: plain.host,
        port: plain.port,
        username: plain.username,
        secret: plain.password,
      });
      const session = await call.ok('sessions.open', rdpOpenInput(prepared));
      expect(await stateOf(session.id, 'open', 'failed')).toMatchObject({
        state: 'failed',
        endCode: 'RDP_NO_CERTIFICATE',
        endMessage: expect.stringContaining('RDP’s own security, without TLS'),
      });
      expect(events.seen.filter((e) => e.event === 'sessions.prompt')).toEqual([]);
      expect(await call.ok('time.list', { ticketId: prepared.ticket.id })).toEqual([]);
    } finally {
      await plain.stop();
    }
  }, 60_000);
});
