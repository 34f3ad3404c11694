import { decodeTerminalFrame } from '../../../common/api/terminalFrame.ts';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../../common/api/wire.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { startBrowserServer, type BrowserServer } from '../../../main/transport/browserServer.node.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';

const INDEX_HTML = '<!doctype html><title>Lotsen test page</title><p>renderer</p>';
const OUTSIDE_SECRET = 'this file lies outside the renderer folder';

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let server: BrowserServer;
let siteDir: string;
let logLines: string[];

beforeAll(async () => {
  opened = await openPassphraseBackend();
  siteDir = await mkdtemp(join(tmpdir(), 'lotsen-site-'));
  const staticDir = join(siteDir, 'renderer');
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
});

afterAll(async () => {
  await server?.close();
  await opened?.cleanup();
  await rm(siteDir, { recursive: true, force: true });
});

const cookieFor = (token: string) => `lotsen-token-${server.port}=${token}`;

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
function openSocket(options: { headers?: Record<string, string>; origin?: string } = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api`, {
      origin: options.origin ?? server.origin,
      headers: options.headers ?? { Cookie: cookieFor(server.token) },
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

describe('first load and the token', () => {
  it('answers the token URL with a redirect to a token-free URL and an HttpOnly, SameSite=Strict cookie', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const first = await fetch(server.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    expect(first.headers.get('location')).not.toContain(server.token);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(cookieFor(server.token));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);

    const page = await fetch(new URL(first.headers.get('location')!, server.origin), {
      headers: { Cookie: cookie.split(';')[0]! },
    });
    expect(page.status).toBe(200);
    expect(page.url).not.toContain('token');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toBe(INDEX_HTML);
  });

  it('refuses a page request without the token with 401 and says to open the printed URL', async () => {
    const response = await fetch(`${server.origin}/`);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('lotsen serve');
  });

  it('refuses a wrong token, in the URL and in the cookie', async () => {
    const wrong = 'A'.repeat(server.token.length);
    expect((await fetch(`${server.origin}/?token=${wrong}`, { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(`${server.origin}/?token=short`, { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(`${server.origin}/`, { headers: { Cookie: cookieFor(wrong) } })).status).toBe(401);
    // A cookie of the same name for another port's server must not open this one.
    expect(
      (await fetch(`${server.origin}/`, { headers: { Cookie: `lotsen-token-1=${server.token}` } })).status,
    ).toBe(401);
  });

  it('accepts the token as a Bearer header for programmatic clients', async () => {
    const response = await fetch(`${server.origin}/`, {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    expect(response.status).toBe(200);
  });
});

describe('foreign hosts and origins', () => {
  it('refuses a foreign Host header (DNS rebinding) even with the right cookie', async () => {
    const response = await rawRequest({
      path: '/',
      headers: { Host: `evil.example:${server.port}`, Cookie: cookieFor(server.token) },
    });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('renderer');
    expect(logLines.some((line) => line.includes('DNS rebinding'))).toBe(true);
  });

  it('accepts both of its own names as Host', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const response = await rawRequest({
        path: '/',
        headers: { Host: host, Cookie: cookieFor(server.token) },
      });
      expect(response.status).toBe(200);
    }
  });

  it('refuses a state-changing request from a foreign Origin', async () => {
    const response = await rawRequest({
      path: '/',
      method: 'POST',
      headers: {
        Host: `127.0.0.1:${server.port}`,
        Origin: 'http://evil.example',
        Cookie: cookieFor(server.token),
      },
    });
    expect(response.status).toBe(403);
    const own = await rawRequest({
      path: '/',
      method: 'POST',
      headers: { Host: `127.0.0.1:${server.port}`, Origin: server.origin, Cookie: cookieFor(server.token) },
    });
    expect(own.status).toBe(405);
  });
});

describe('WebSocket upgrade', () => {
  it('refuses an upgrade without the token (401)', async () => {
    await expect(openSocket({ headers: {} })).rejects.toThrow('refused with 401');
  });

  it('refuses an upgrade with a wrong token (401)', async () => {
    await expect(
      openSocket({ headers: { Cookie: cookieFor('B'.repeat(server.token.length)) } }),
    ).rejects.toThrow('refused with 401');
  });

  it('refuses an upgrade from a foreign Origin (403) even with the right cookie', async () => {
    await expect(openSocket({ origin: 'http://evil.example' })).rejects.toThrow('refused with 403');
    expect(logLines.some((line) => line.includes('http://evil.example'))).toBe(true);
  });

  it('refuses an upgrade with a foreign Host header (403)', async () => {
    await expect(
      openSocket({ headers: { Cookie: cookieFor(server.token), Host: `evil.example:${server.port}` } }),
    ).rejects.toThrow('refused with 403');
  });

  it('accepts a Bearer token on the upgrade', async () => {
    const socket = await openSocket({ headers: { Authorization: `Bearer ${server.token}` } });
    socket.close();
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
    authed.Cookie = cookieFor(server.token);
  });

  it('puts a strict CSP and the other security headers on every response, refusals included', async () => {
    const page = await fetch(`${server.origin}/`, { headers: { Cookie: cookieFor(server.token) } });
    const refused = await fetch(`${server.origin}/`);
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
    const asset = await rawRequest({ path: '/assets/app.js', headers: authed });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await rawRequest({ path: '/assets/missing.js', headers: authed })).status).toBe(404);
    const route = await rawRequest({ path: '/customers/42', headers: authed });
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
      const response = await rawRequest({ path, headers: authed });
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
      const socket = new WebSocket(`ws://127.0.0.1:${own.port}/api`, {
        origin: own.origin,
        headers: { Authorization: `Bearer ${own.token}` },
      });
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      await own.close();
      expect(await closed).toBe(1001);
      await expect(fetch(`${own.origin}/`)).rejects.toThrow();
    } finally {
      await extra.cleanup();
    }
  });
});
