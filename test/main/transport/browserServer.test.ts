import { decodeTerminalFrame } from '../../../common/api/terminalFrame.ts';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SESSION_ENDED_CLOSE_CODE, type ServerMessage } from '../../../common/api/wire.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { startBrowserServer, type BrowserServer } from '../../../main/transport/browserServer.node.ts';
import { openBrowserSession, type BrowserSessionClient } from '../../support/browserSession.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';

const INDEX_HTML = '<!doctype html><title>Lotsen test page</title><p>renderer</p>';
const OUTSIDE_SECRET = 'this file lies outside the renderer folder';

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let server: BrowserServer;
let siteDir: string;
let staticDir: string;
let logLines: string[];
/** The session most tests below share, opened with the server's first link. */
let session: BrowserSessionClient;

beforeAll(async () => {
  opened = await openPassphraseBackend();
  siteDir = await mkdtemp(join(tmpdir(), 'lotsen-site-'));
  staticDir = join(siteDir, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), INDEX_HTML);
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(siteDir, 'package.json'), OUTSIDE_SECRET);
  logLines = [];
  server = await startBrowserServer({
    api: createApi(opened.backend),
    backend: opened.backend,
    staticDir,
    log: (line) => logLines.push(line),
  });
  session = await openBrowserSession(server.url);
});

afterAll(async () => {
  await server?.close();
  await opened?.cleanup();
  await rm(siteDir, { recursive: true, force: true });
});

const cookieFor = (secret: string) => `lotsen-session-${server.port}=${secret}`;
/** A path inside the app, which is served under the server's random path: `/assets/x.js` → `/<path>/assets/x.js`. */
const inApp = (path: string) => server.appPath + path.slice(1);

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request: unlike fetch it sends the path and the Host header exactly as written. */
function rawRequest(options: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with the open socket, or rejects with the HTTP status the server refused the upgrade with. */
function openSocket(
  options: { headers?: Record<string, string>; origin?: string; path?: string } = {},
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}${options.path ?? inApp('/api')}`, {
      origin: options.origin ?? server.origin,
      headers: options.headers ?? { Cookie: session.cookie },
    });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

/** A client that collects everything the server pushes, and calls by id. */
async function apiClient() {
  const socket = await openSocket();
  const received: ServerMessage[] = [];
  const binary: Buffer[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data, isBinary) => {
    if (isBinary) binary.push(data as Buffer);
    else received.push(JSON.parse(String(data)) as ServerMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  const waitFor = async <T extends ServerMessage>(match: (m: ServerMessage) => m is T): Promise<T> => {
    for (;;) {
      const found = received.find(match);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  let nextId = 1;
  return {
    socket,
    received,
    binary,
    waitFor,
    sendRaw: (text: string) => socket.send(text),
    async call(method: string, input: unknown = {}) {
      const id = nextId++;
      socket.send(JSON.stringify({ type: 'call', id, method, input }));
      const message = await waitFor(
        (m): m is Extract<ServerMessage, { type: 'result' }> => m.type === 'result' && m.id === id,
      );
      return message.result;
    },
  };
}

describe('links and sessions', () => {
  it('serves the app under a random path per start, which the printed link names', () => {
    expect(server.appPath).toMatch(/^\/[A-Za-z0-9_-]{43}\/$/);
    expect(server.url.startsWith(`http://127.0.0.1:${server.port}${server.appPath}?token=`)).toBe(true);
    expect(new URL(server.url).searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.appUrl).toBe(`${server.origin}${server.appPath}`);
  });

  it('exchanges a link for a session cookie (HttpOnly, SameSite=Strict, scoped to the app path) and redirects to the app', async () => {
    const link = server.newLink();
    const token = new URL(link).searchParams.get('token')!;
    const first = await fetch(link, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(server.appPath);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^lotsen-session-${server.port}=[A-Za-z0-9_-]{43}; `));
    // The cookie holds a session secret, never the link's token.
    expect(cookie).not.toContain(token);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toContain(`; Path=${server.appPath}`);

    const page = await fetch(new URL(first.headers.get('location')!, server.origin), {
      headers: { Cookie: cookie.split(';')[0]! },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toBe(INDEX_HTML);
  });

  it('refuses a link the second time, says it was used, and sets no cookie', async () => {
    const link = server.newLink();
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(303);
    const replay = await fetch(link, { redirect: 'manual' });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('set-cookie')).toBeNull();
    const text = await replay.text();
    expect(text).toContain('already been used');
    expect(text).toContain('press Enter in the terminal where `lotsen serve` runs');
    expect(logLines.some((line) => line.includes('a link that was already used'))).toBe(true);
  });

  it('takes a browser already in back to the app when it opens a used link again, with no new session', async () => {
    const again = await fetch(server.url, { redirect: 'manual', headers: { Cookie: session.cookie } });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(server.appPath);
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('keeps only the newest link: a new one replaces one not yet used', async () => {
    const older = server.newLink();
    const newer = server.newLink();
    expect((await fetch(older, { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(newer, { redirect: 'manual' })).status).toBe(303);
  });

  it('refuses a wrong token, a page without a session and a wrong secret, and says where links come from', async () => {
    const wrong = await fetch(`${session.appUrl}?token=${'A'.repeat(43)}`, { redirect: 'manual' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('`lotsen serve` prints');
    expect((await fetch(`${session.appUrl}?token=short`, { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(session.appUrl)).status).toBe(401);
    expect((await fetch(session.appUrl, { headers: { Cookie: cookieFor('A'.repeat(43)) } })).status).toBe(
      401,
    );
  });

  it('serves nothing outside the app path, even to the right cookie', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/api', server.appPath.slice(0, -1)]) {
      const response = await rawRequest({ path, headers: { Cookie: session.cookie } });
      expect(response.status, path).toBe(401);
      expect(response.body, path).not.toContain('renderer');
    }
  });

  it('accepts no Bearer header: programmatic clients exchange a link as a browser does', async () => {
    const token = new URL(server.newLink()).searchParams.get('token')!;
    const secret = session.cookie.split('=')[1]!;
    for (const bearer of [token, secret]) {
      const response = await fetch(session.appUrl, { headers: { Authorization: `Bearer ${bearer}` } });
      expect(response.status).toBe(401);
    }
  });

  it('does not open to the cookie of another lotsen serve, under either port’s cookie name', async () => {
    const other = await startBrowserServer({
      api: createApi(opened.backend),
      backend: opened.backend,
      staticDir,
    });
    try {
      const theirs = await openBrowserSession(other.url);
      expect(theirs.appUrl).not.toBe(session.appUrl);
      const theirSecret = theirs.cookie.split('=')[1]!;
      for (const cookie of [theirs.cookie, cookieFor(theirSecret)]) {
        expect((await fetch(session.appUrl, { headers: { Cookie: cookie } })).status, cookie).toBe(401);
        await expect(openSocket({ headers: { Cookie: cookie } })).rejects.toThrow('refused with 401');
      }
      // Nor does ours open theirs.
      const ourSecret = session.cookie.split('=')[1]!;
      for (const cookie of [session.cookie, `lotsen-session-${other.port}=${ourSecret}`]) {
        expect((await fetch(theirs.appUrl, { headers: { Cookie: cookie } })).status, cookie).toBe(401);
      }
    } finally {
      await other.close();
    }
  });
});

describe('the redirect after a link', () => {
  it('always goes to the app path on this origin, whatever path or parameters the link came with', async () => {
    const paths = [
      '/.//evil.example/',
      '//evil.example/',
      '///evil.example/',
      '/\\evil.example/',
      '/\\/evil.example/',
      '/%2F%2Fevil.example/',
      '/%5C%5Cevil.example/',
      '/.%2F%2Fevil.example/',
      '/%2e%2e//evil.example/',
      '/@evil.example',
      'http://evil.example/',
      inApp('/.//evil.example/'),
      inApp('//evil.example/'),
      inApp('/%2F%2Fevil.example/'),
    ];
    for (const path of paths) {
      const token = new URL(server.newLink()).searchParams.get('token')!;
      const response = await rawRequest({ path: `${path}?next=//evil.example/&token=${token}` });
      expect(response.status, path).toBe(303);
      expect(response.headers.location, path).toBe(server.appPath);
      expect(new URL(response.headers.location!, server.origin).origin, path).toBe(server.origin);
    }
  });

  it('sends a used or wrong link on such a path nowhere', async () => {
    const used = new URL(server.url).searchParams.get('token')!;
    for (const token of [used, 'A'.repeat(43)]) {
      const response = await rawRequest({ path: `/.//evil.example/?token=${token}` });
      expect(response.status).toBe(401);
      expect(response.headers.location).toBeUndefined();
    }
  });
});

describe('sessions that end', () => {
  const IDLE_MS = 600;
  let extra: Awaited<ReturnType<typeof openPassphraseBackend>>;
  let own: BrowserServer;
  let endings: string[];

  beforeEach(async () => {
    extra = await openPassphraseBackend();
    endings = [];
    own = await startBrowserServer({
      api: createApi(extra.backend),
      backend: extra.backend,
      staticDir,
      idleTimeoutMs: IDLE_MS,
      onSessionEnded: (reason) => endings.push(reason),
    });
  });

  afterEach(async () => {
    await own.close();
    await extra.cleanup();
  });

  const closeOf = (socket: WebSocket) =>
    new Promise<{ code: number; reason: string }>((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );

  it('ends a session after its idle time: the socket closes with the reason, and the cookie opens nothing more', async () => {
    const client = await openBrowserSession(own.url);
    const socket = await client.connect();
    const opened = performance.now();
    const closed = await closeOf(socket);
    expect(performance.now() - opened).toBeGreaterThanOrEqual(IDLE_MS - 50);
    expect(closed).toEqual({
      code: SESSION_ENDED_CLOSE_CODE,
      reason: 'Your browser session ended after 1 second without activity.',
    });
    expect(endings).toEqual([closed.reason]);

    const page = await fetch(client.appUrl, { headers: { Cookie: client.cookie } });
    expect(page.status).toBe(401);
    expect(await page.text()).toBe(
      'Your browser session ended after 1 second without activity. To continue, press Enter in the terminal ' +
        'where `lotsen serve` runs and open the new link it prints.\n',
    );
    await expect(client.connect()).rejects.toThrow('refused with 401');
  });

  it('keeps a session alive while its page calls, terminal acknowledgements included', async () => {
    const client = await openBrowserSession(own.url);
    const socket = await client.connect();
    let closedAt: number | null = null;
    socket.once('close', () => (closedAt = performance.now()));
    // Three idle spells' worth of calls, a quarter of a spell apart.
    for (let id = 1; id <= 12; id++) {
      const call =
        id % 2 === 0
          ? {
              method: 'sessions.ack',
              input: { sessionId: '5f0e3c1a-7b2d-4e9f-8a6c-1d2e3f4a5b6c', bytes: 4096 },
            }
          : { method: 'app.status', input: {} };
      socket.send(JSON.stringify({ type: 'call', id, ...call }));
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS / 4));
    }
    expect(closedAt).toBeNull();
    const lastCall = performance.now();
    expect((await closeOf(socket)).code).toBe(SESSION_ENDED_CLOSE_CODE);
    expect(performance.now() - lastCall).toBeGreaterThanOrEqual(IDLE_MS * 0.75 - 50);
  });

  it('ends every session when Lotsen is locked; a new link then opens the lock screen', async () => {
    const first = await openBrowserSession(own.url);
    const second = await openBrowserSession(own.newLink());
    const [locking, other] = await Promise.all([first.connect(), second.connect()]);
    const closed = Promise.all([closeOf(locking), closeOf(other)]);
    locking.send(JSON.stringify({ type: 'call', id: 1, method: 'app.lock', input: {} }));
    for (const each of await closed) {
      expect(each).toEqual({
        code: SESSION_ENDED_CLOSE_CODE,
        reason: 'Your browser session ended because Lotsen was locked.',
      });
    }
    expect(endings).toHaveLength(2);
    for (const client of [first, second]) {
      const page = await fetch(client.appUrl, { headers: { Cookie: client.cookie } });
      expect(page.status).toBe(401);
      expect(await page.text()).toContain('because Lotsen was locked');
      await expect(client.connect()).rejects.toThrow('refused with 401');
    }

    const socket = await (await openBrowserSession(own.newLink())).connect();
    const status = new Promise<unknown>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    socket.send(JSON.stringify({ type: 'call', id: 1, method: 'app.status', input: {} }));
    expect(await status).toMatchObject({
      type: 'result',
      id: 1,
      result: { ok: true, value: { state: 'locked' } },
    });
    socket.close();
  });
});

describe('foreign hosts and origins', () => {
  it('refuses a foreign Host header (DNS rebinding) even with the right cookie', async () => {
    const response = await rawRequest({
      path: server.appPath,
      headers: { Host: `evil.example:${server.port}`, Cookie: session.cookie },
    });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('renderer');
    expect(logLines.some((line) => line.includes('DNS rebinding'))).toBe(true);
  });

  it('accepts both of its own names as Host', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const response = await rawRequest({
        path: server.appPath,
        headers: { Host: host, Cookie: session.cookie },
      });
      expect(response.status).toBe(200);
    }
  });

  it('refuses a state-changing request from a foreign Origin', async () => {
    const response = await rawRequest({
      path: server.appPath,
      method: 'POST',
      headers: {
        Host: `127.0.0.1:${server.port}`,
        Origin: 'http://evil.example',
        Cookie: session.cookie,
      },
    });
    expect(response.status).toBe(403);
    const own = await rawRequest({
      path: server.appPath,
      method: 'POST',
      headers: { Host: `127.0.0.1:${server.port}`, Origin: server.origin, Cookie: session.cookie },
    });
    expect(own.status).toBe(405);
  });
});

describe('WebSocket upgrade', () => {
  it('refuses an upgrade without a session (401)', async () => {
    await expect(openSocket({ headers: {} })).rejects.toThrow('refused with 401');
  });

  it('refuses an upgrade with a wrong session secret (401)', async () => {
    await expect(openSocket({ headers: { Cookie: cookieFor('B'.repeat(43)) } })).rejects.toThrow(
      'refused with 401',
    );
  });

  it('answers the API only at its path under the app path', async () => {
    await expect(openSocket({ path: inApp('/other') })).rejects.toThrow('refused with 404');
    // The cookie counts for nothing outside the app path.
    await expect(openSocket({ path: '/api' })).rejects.toThrow('refused with 401');
  });

  it('refuses an upgrade from a foreign Origin (403) even with the right cookie', async () => {
    await expect(openSocket({ origin: 'http://evil.example' })).rejects.toThrow('refused with 403');
    expect(logLines.some((line) => line.includes('http://evil.example'))).toBe(true);
  });

  it('refuses an upgrade with a foreign Host header (403)', async () => {
    await expect(
      openSocket({ headers: { Cookie: session.cookie, Host: `evil.example:${server.port}` } }),
    ).rejects.toThrow('refused with 403');
  });

  it('accepts no Bearer header on the upgrade', async () => {
    const token = new URL(server.newLink()).searchParams.get('token')!;
    const secret = session.cookie.split('=')[1]!;
    for (const bearer of [token, secret]) {
      await expect(openSocket({ headers: { Authorization: `Bearer ${bearer}` } })).rejects.toThrow(
        'refused with 401',
      );
    }
  });
});

describe('the API over the WebSocket', () => {
  it('creates and lists customers and pushes registry.changed to the client', async () => {
    const client = await apiClient();
    const created = await client.call('registry.createCustomer', {
      name: 'Växjö kommun',
      orgNumber: '212000-1355',
      kind: 'municipality',
      notes: '',
    });
    expect(created.ok).toBe(true);
    const event = await client.waitFor(
      (m): m is Extract<ServerMessage, { type: 'event' }> =>
        m.type === 'event' && m.event === 'registry.changed',
    );
    expect(event.payload).toHaveProperty('customerId');

    const listed = await client.call('registry.listCustomers');
    expect(listed.ok).toBe(true);
    expect(listed.ok && (listed.value as { name: string }[]).map((c) => c.name)).toContain('Växjö kommun');
    client.socket.close();
  });

  it('answers a call with a bad shape with a VALIDATION result to its id', async () => {
    const client = await apiClient();
    client.sendRaw(JSON.stringify({ type: 'call', id: 41, method: 12 }));
    const answer = await client.waitFor(
      (m): m is Extract<ServerMessage, { type: 'result' }> => m.type === 'result' && m.id === 41,
    );
    expect(answer.result.ok).toBe(false);
    expect(!answer.result.ok && answer.result.error.code).toBe('VALIDATION');
    expect(!answer.result.ok && answer.result.error.message).toMatch(/not a valid call/);

    const validation = await client.call('registry.createCustomer', {
      name: '',
      orgNumber: '123',
      kind: 'x',
      notes: '',
    });
    expect(!validation.ok && validation.error.code).toBe('VALIDATION');
    const unknown = await client.call('registry.dropEverything');
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_METHOD');
    client.socket.close();
  });

  it('closes the socket with 1008 on a frame that is not JSON, and keeps serving others', async () => {
    const client = await apiClient();
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      client.socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );
    client.sendRaw('{ this is not json');
    expect(await closed).toEqual({ code: 1008, reason: 'Message is not JSON' });

    const other = await apiClient();
    const status = await other.call('app.status');
    expect(status.ok && (status.value as { state: string }).state).toBe('unlocked');
    other.socket.close();
  });

  it('sends terminal output as binary frames holding the exact bytes, not as JSON', async () => {
    const client = await apiClient();
    const sessionId = '5f0e3c1a-7b2d-4e9f-8a6c-1d2e3f4a5b6c';
    const bytes = Buffer.from('svar: åäö\r\n');
    opened.backend.emit('terminal.output', { sessionId, data: bytes.subarray(0, 8) });
    opened.backend.emit('terminal.output', { sessionId, data: bytes.subarray(8) });
    for (let i = 0; i < 100 && client.binary.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    const frames = client.binary.map((frame) => decodeTerminalFrame(new Uint8Array(frame)));
    expect(frames.map((f) => f?.sessionId)).toEqual([sessionId, sessionId]);
    expect(Buffer.concat(frames.map((f) => f!.data)).equals(bytes)).toBe(true);
    expect(client.received.some((m) => m.type === 'event' && m.event === 'terminal.output')).toBe(false);
    client.socket.close();
  });

  it('closes the socket with 1008 on a binary frame', async () => {
    const client = await apiClient();
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await closed).toBe(1008);
  });
});

describe('static files', () => {
  const authed = { Host: '', Cookie: '' };
  beforeAll(() => {
    authed.Host = `127.0.0.1:${server.port}`;
    authed.Cookie = session.cookie;
  });

  it('puts a strict CSP and the other security headers on every response, refusals included', async () => {
    const page = await fetch(session.appUrl, { headers: { Cookie: session.cookie } });
    const refused = await fetch(session.appUrl);
    for (const response of [page, refused]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('serves assets with their content type and answers missing assets with 404, other paths with index.html', async () => {
    const asset = await rawRequest({ path: inApp('/assets/app.js'), headers: authed });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await rawRequest({ path: inApp('/assets/missing.js'), headers: authed })).status).toBe(404);
    const route = await rawRequest({ path: inApp('/customers/42'), headers: authed });
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX_HTML);
  });

  it('refuses paths that climb out of the renderer folder, plain or encoded', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e%5c%2e%2e%5cpackage.json',
      '/%00index.html',
      '/%E0%A4%A',
    ]) {
      const response = await rawRequest({ path: inApp(path), headers: authed });
      expect(response.status, path).toBe(403);
      expect(response.body, path).not.toContain(OUTSIDE_SECRET);
    }
  });
});

describe('listening', () => {
  it('listens on 127.0.0.1 only', async () => {
    const reachable = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
    expect(await reachable('127.0.0.1')).toBe(true);
    const otherAddresses = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info !== undefined && info.address !== '127.0.0.1')
      .map((info) => info!.address);
    for (const address of ['::1', ...otherAddresses]) {
      expect(await reachable(address), address).toBe(false);
    }
  });

  it('stops serving and closes open sockets on close()', async () => {
    const extra = await openPassphraseBackend();
    const own = await startBrowserServer({
      api: createApi(extra.backend),
      backend: extra.backend,
      staticDir: siteDir,
    });
    try {
      const socket = await (await openBrowserSession(own.url)).connect();
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      await own.close();
      expect(await closed).toBe(1001);
      await expect(fetch(`${own.origin}/`)).rejects.toThrow();
    } finally {
      await extra.cleanup();
    }
  });
});
