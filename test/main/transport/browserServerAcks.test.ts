import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { methods } from '../../../common/api/contract.ts';
import { decodeTerminalFrame, encodeAckFrame } from '../../../common/api/terminalFrame.ts';
import { SESSION_ENDED_CLOSE_CODE, type ServerMessage } from '../../../common/api/wire.ts';
import { createApi, hostSessions } from '../../../main/api/createApi.node.ts';
import type { SessionManager } from '../../../main/sessions/sessionManager.node.ts';
import { FLOW_HIGH_WATERMARK_BYTES } from '../../../main/sessions/terminal/flowControl.ts';
import { startBrowserServer, type BrowserServer } from '../../../main/transport/browserServer.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openBrowserSession } from '../../support/browserSession.ts';
import { addMember, openAsMember } from '../../support/memberApi.ts';
import { openPassphraseBackend, type OpenedBackend } from '../../support/passphraseBackend.ts';
import {
  localOpenInput,
  prepareSessionCustomer,
  type PreparedSessionCustomer,
} from '../../support/sessionCustomer.ts';

/*
 * Terminal acknowledgements over `lotsen serve`'s WebSocket: binary frames sent one way, which nothing answers. Each
 * test opens a local terminal (a real pty) that prints far more than flow control lets through unacknowledged, lets
 * it pause, and then sees what an acknowledgement moves.
 */

const SESSIONS = { shell: '/bin/sh' };
/** Some 2 MB, twenty times the high watermark: it pauses until acknowledged, many times over. */
const FLOOD = "head -c 2000000 /dev/zero | tr '\\0' x\n";
/** Output that has not grown for this long, past the high watermark, is paused output. */
const QUIET_MS = 400;
/** How long an acknowledgement that must move nothing is given to move something anyway. */
const NOTHING_MOVES_MS = 600;
const NOWHERE = '5f0e3c1a-7b2d-4e9f-8a6c-1d2e3f4a5b6c';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A served Lotsen: its backend behind `lotsen serve`, with what the server logged. */
interface Served {
  server: BrowserServer;
  log: string[];
}

async function serve(backend: OpenedBackend['backend']): Promise<Served> {
  const log: string[] = [];
  const server = await startBrowserServer({
    api: createApi(backend, () => undefined, SESSIONS),
    backend,
    staticDir: '/nonexistent',
    log: (line) => log.push(line),
  });
  return { server, log };
}

/** A page's socket: counts the output of each session, acknowledges one way, calls and awaits answers. */
async function pageOf(served: Served) {
  const socket = await (await openBrowserSession(served.server.newLink())).connect();
  const output = new Map<string, number>();
  const answers = new Map<number, (message: ServerMessage) => void>();
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      const frame = decodeTerminalFrame(new Uint8Array(data as Buffer));
      if (frame) output.set(frame.sessionId, (output.get(frame.sessionId) ?? 0) + frame.data.length);
      return;
    }
    const message = JSON.parse(String(data)) as ServerMessage;
    if (message.type === 'result') answers.get(message.id)?.(message);
  });
  let nextId = 1;
  return {
    socket,
    received: (sessionId: string) => output.get(sessionId) ?? 0,
    ack: (sessionId: string, bytes: number) => socket.send(encodeAckFrame(sessionId, bytes)),
    sendBinary: (frame: Uint8Array) => socket.send(frame),
    async call(method: string, input: unknown) {
      const id = nextId++;
      const answered = new Promise<ServerMessage>((resolve) => answers.set(id, resolve));
      socket.send(JSON.stringify({ type: 'call', id, method, input }));
      const message = await answered;
      if (message.type !== 'result') throw new Error('not an answer');
      return message.result;
    },
  };
}
type Page = Awaited<ReturnType<typeof pageOf>>;

/** Resolves once the session's output has stopped past the high watermark: flow control has paused it. */
async function pausedOutput(page: Page, sessionId: string): Promise<number> {
  let last = -1;
  for (let waited = 0; waited < 20_000; waited += QUIET_MS) {
    const now = page.received(sessionId);
    if (now === last && now > FLOW_HIGH_WATERMARK_BYTES) return now;
    last = now;
    await pause(QUIET_MS);
  }
  throw new Error(`the session's output never paused (${last} bytes)`);
}

/** Resolves once the session's output has grown past `from`. */
async function outputMovesOn(page: Page, sessionId: string, from: number): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (page.received(sessionId) > from) return;
    await pause(20);
  }
  throw new Error(`the session's output stayed at ${from} bytes`);
}

let local: OpenedBackend;
let served: Served;
let prepared: PreparedSessionCustomer;

beforeAll(async () => {
  local = await openPassphraseBackend({ source: 'embedded' });
  served = await serve(local.backend);
  prepared = await prepareSessionCustomer(apiCaller(createApi(local.backend, () => undefined, SESSIONS)), {
    host: '127.0.0.1',
    port: 22,
    username: 'ingen',
    secret: 'x',
  });
});

afterAll(async () => {
  await served?.server.close();
  await local?.cleanup();
});

/** A local terminal opened through the page's socket, flooding, paused for want of acknowledgements. */
async function pausedSession(page: Page): Promise<{ sessionId: string; paused: number }> {
  const opened = await page.call('sessions.open', localOpenInput(prepared, { runPreConnect: false }));
  if (!opened.ok) throw new Error(`sessions.open failed: ${opened.error.code}`);
  const sessionId = (opened.value as { id: string }).id;
  expect(await page.call('sessions.input', { sessionId, data: FLOOD })).toEqual({ ok: true, value: null });
  return { sessionId, paused: await pausedOutput(page, sessionId) };
}

describe('terminal acknowledgements, one way over the WebSocket', () => {
  it('move a paused session on, and nothing answers them', async () => {
    const page = await pageOf(served);
    const { sessionId, paused } = await pausedSession(page);
    let answered = 0;
    page.socket.on('message', (_data, isBinary) => (answered += isBinary ? 0 : 1));

    page.ack(sessionId, paused);
    await outputMovesOn(page, sessionId, paused);
    // Acknowledged over and over until the 2 MB are through, as a terminal drawing them would.
    let acked = paused;
    for (let turn = 0; turn < 400 && page.received(sessionId) < 2_000_000; turn++) {
      const now = page.received(sessionId);
      if (now > acked) page.ack(sessionId, now - acked);
      acked = now;
      await pause(10);
    }
    expect(page.received(sessionId)).toBeGreaterThanOrEqual(2_000_000);
    // Whatever text frames came were events (the session's own), never an answer to an acknowledgement.
    expect(answered).toBeLessThan(5);
    expect(await page.call('sessions.close', { sessionId })).toMatchObject({ ok: true });
    page.socket.close();
  });

  it('drop a malformed one, log it without its content, and keep the socket usable', async () => {
    const page = await pageOf(served);
    const { sessionId, paused } = await pausedSession(page);
    served.log.length = 0;
    const wellFormed = encodeAckFrame(sessionId, paused);
    const malformed = [
      wellFormed.subarray(0, 20), // cut short
      Buffer.concat([wellFormed, Buffer.from([0])]), // a byte too long
      encodeAckFrame(sessionId, 0), // counts nothing
      encodeAckFrame(sessionId, 64 * 1024 * 1024), // more than the API takes
      encodeAckFrame('a'.repeat(36), paused), // not a session id
    ];
    for (const frame of malformed) page.sendBinary(frame);
    // Answered after the frames before it were read: the socket is open and calls still work.
    expect(await page.call('app.status', {})).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    await pause(NOTHING_MOVES_MS);
    expect(page.received(sessionId)).toBe(paused);
    expect(page.socket.readyState).toBe(WebSocket.OPEN);
    // Counted, the first drop logged with a code; no line names the session or the frame.
    expect(served.log).toEqual([
      'lotsen serve: dropped 1 terminal acknowledgement(s) on one connection so far (last: MALFORMED_FRAME)',
    ]);

    page.ack(sessionId, paused);
    await outputMovesOn(page, sessionId, paused);
    await page.call('sessions.close', { sessionId });
    page.socket.close();
  });

  it("from another person's Lotsen move nothing: an acknowledgement reaches only its own Lotsen's sessions", async () => {
    const page = await pageOf(served);
    const { sessionId, paused } = await pausedSession(page);
    const other = await openPassphraseBackend({ source: 'embedded' });
    const theirs = await serve(other.backend);
    try {
      const stranger = await pageOf(theirs);
      stranger.ack(sessionId, paused);
      stranger.ack(NOWHERE, paused);
      expect(await stranger.call('app.status', {})).toMatchObject({ ok: true });
      await pause(NOTHING_MOVES_MS);
      expect(page.received(sessionId)).toBe(paused);
      stranger.socket.close();
    } finally {
      await theirs.server.close();
      await other.cleanup();
    }
    // The owner's own acknowledgement does.
    page.ack(sessionId, paused);
    await outputMovesOn(page, sessionId, paused);
    await page.call('sessions.close', { sessionId });
    page.socket.close();
  });
});

describe('a browser session kept by acknowledgements alone', () => {
  it('does not end while its page acknowledges, and ends an idle spell after the last one', async () => {
    const IDLE_MS = 600;
    const own = await startBrowserServer({
      api: createApi(local.backend, () => undefined, SESSIONS),
      backend: local.backend,
      staticDir: '/nonexistent',
      idleTimeoutMs: IDLE_MS,
    });
    try {
      const socket = await (await openBrowserSession(own.url)).connect();
      let closedAt: number | null = null;
      const closed = new Promise<number>((resolve) =>
        socket.once('close', (code) => {
          closedAt = performance.now();
          resolve(code);
        }),
      );
      // Three idle spells' worth of acknowledgements (of a session this Lotsen does not have), a quarter apart.
      for (let i = 0; i < 12; i++) {
        socket.send(encodeAckFrame(NOWHERE, 4_096));
        await pause(IDLE_MS / 4);
      }
      expect(closedAt).toBeNull();
      const lastAck = performance.now();
      expect(await closed).toBe(SESSION_ENDED_CLOSE_CODE);
      expect(closedAt! - lastAck).toBeGreaterThanOrEqual(IDLE_MS * 0.75 - 50);
    } finally {
      await own.close();
    }
  });
});

describe("a finance member's acknowledgements", () => {
  let member: Awaited<ReturnType<typeof openAsMember>>;
  let theirs: Served;
  let sessions: SessionManager;

  beforeAll(async () => {
    const financeId = await addMember(local.backend.registryContext().db, {
      name: 'Fia Finans',
      email: 'fia@leverantor.se',
      role: 'finance',
    });
    member = await openAsMember(local.dataDir, financeId, { sessions: SESSIONS });
    sessions = await hostSessions(member.backend, SESSIONS);
    theirs = await serve(member.backend);
  });

  afterAll(async () => {
    await theirs?.server.close();
    await member?.close();
  });

  it('move nothing, though the session is in their own Lotsen', async () => {
    // Finance may not open a session through the API; this one is opened below it, so that nothing but the role
    // rule stands between the member's acknowledgement and the session it names.
    expect((await member.call.fails('sessions.open', localOpenInput(prepared))).code).toBe('FORBIDDEN');
    const page = await pageOf(theirs);
    const open = methods['sessions.open'].input.parse(localOpenInput(prepared, { runPreConnect: false }));
    const view = await sessions.open(open);
    sessions.input(view.id, FLOOD);
    const paused = await pausedOutput(page, view.id);

    theirs.log.length = 0;
    page.ack(view.id, paused);
    expect(await page.call('app.status', {})).toMatchObject({ ok: true });
    await pause(NOTHING_MOVES_MS);
    expect(page.received(view.id)).toBe(paused);
    expect(theirs.log).toEqual([
      'lotsen serve: dropped 1 terminal acknowledgement(s) on one connection so far (last: FORBIDDEN)',
    ]);

    // The session was paused only for want of an acknowledgement: one that reaches it moves it on.
    sessions.ack(view.id, paused);
    await outputMovesOn(page, view.id, paused);
    await sessions.close(view.id);
    page.socket.close();
  });
});
