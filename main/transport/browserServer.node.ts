import { readFile } from 'node:fs/promises';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { Result } from '../../common/api/errors.ts';
import { MAX_REQUEST_BYTES } from '../../common/api/limits.ts';
import { decodeAckFrame, encodeTerminalFrame, isAckFrame } from '../../common/api/terminalFrame.ts';
import { SESSION_ENDED_CLOSE_CODE, type EventMessage, type ServerMessage } from '../../common/api/wire.ts';
import type { Dispatcher } from '../api/dispatcher.ts';
import { createSecret, sessionCookie, sessionCookieValues } from './accessToken.node.ts';
import { BrowserSessions, DEFAULT_IDLE_TIMEOUT_MS, type SessionLookup } from './browserSessions.node.ts';
import { readCallFrame } from './callMessage.ts';
import { forwardEvents, type EventSource } from './eventForwarding.ts';
import { isLoopbackHost, isLoopbackOrigin, loopbackOrigins } from './loopbackGuard.ts';
import { cachePolicy, contentSecurityPolicy, securityHeaders } from './securityHeaders.ts';
import { oneWayDrops } from './oneWayDrops.ts';
import { lookupStaticFile } from './staticFiles.node.ts';

export interface BrowserServerOptions {
  api: Dispatcher;
  backend: EventSource;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** 0 or undefined picks a free port. */
  port?: number;
  log?: (line: string) => void;
  /** How long a session lives without a call, an acknowledgement or a page load; 30 minutes unless given. */
  idleTimeoutMs?: number;
  /** Told the reason each time a browser session ends, so the terminal can say how to get back in. */
  onSessionEnded?: (reason: string) => void;
}

export interface BrowserServer {
  /** The first link: it opens one browser session, once. Print it to the user, never log it. */
  url: string;
  origin: string;
  /** The unguessable path the app is served under for this start (`/…/`); the session cookie is scoped to it. */
  appPath: string;
  port: number;
  /** A fresh single-use link; an earlier one not yet used stops working. */
  newLink(): string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
/** ws closes a connection whose frame is larger, with 1009 (message too big). */
const MAX_FRAME_BYTES = MAX_REQUEST_BYTES;
/**
 * Calls one connection may have unanswered, counted until the answer is written out (so a client that does not read
 * its answers holds them up too); at the limit the connection stops being read until one is done.
 */
const MAX_CALLS_IN_FLIGHT = 32;
/**
 * The largest answer sent: a finance export comes back whole (base64) in its answer; a larger one is made with
 * `lotsen time export --out`. V8 cannot build a string of much more than 512 MB at all.
 */
const MAX_ANSWER_BYTES = 256 * 1024 * 1024;
const CLOSE_GRACE_MS = 1_000;

const GET_A_LINK = 'press Enter in the terminal where `lotsen serve` runs and open the new link it prints';

const texts = {
  unauthorized: `Lotsen opens only from a link that \`lotsen serve\` prints. Each link works once: ${GET_A_LINK}.\n`,
  linkUsed: `This link has already been used; each link opens one browser session, once. For another, ${GET_A_LINK}.\n`,
  sessionEnded: (reason: string) => `${reason} To continue, ${GET_A_LINK}.\n`,
  foreignHost: 'Lotsen answers only to 127.0.0.1 and localhost on this port.\n',
  foreignOrigin: 'Lotsen accepts this request only from its own pages.\n',
  badPath: 'That path is not part of Lotsen.\n',
  notFound: 'Not found.\n',
  methodNotAllowed: 'Lotsen serves pages with GET and HEAD only.\n',
  upgradeRequired: 'The Lotsen API speaks WebSocket only.\n',
  failed: 'Lotsen could not answer this request.\n',
};

interface Refusal {
  status: number;
  text: string;
  /** Why, for the log; holds no secret and no path. */
  reason?: string;
}

/**
 * Browser mode: serves the built renderer and the API over a WebSocket on 127.0.0.1, for `lotsen serve` and the
 * end-to-end tests, under a random path per start. Every request must name this server as Host and carry the cookie
 * of a live session (which a single-use link opens); the WebSocket and any request that could change something must
 * also come from this server's own origin.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { api, staticDir } = options;
  const log = options.log ?? (() => undefined);
  const appPath = `/${createSecret()}/`;
  const apiPath = `${appPath}api`;
  const clients = new Set<WebSocket>();
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;
  const headers = securityHeaders(
    contentSecurityPolicy(loopbackOrigins(port).map((o) => o.replace(/^http:/, 'ws:'))),
  );
  const sessions = new BrowserSessions({
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    onEnded: options.onSessionEnded,
  });
  // Locking closes the store for every page at once, so it ends every session: opening it again takes a new link.
  const stopLockWatch = options.backend.on('app.statusChanged', (status) => {
    if (status.state === 'locked') sessions.endAll('locked');
  });

  function refusalFor(request: IncomingMessage, mustComeFromOrigin: boolean): Refusal | null {
    if (!isLoopbackHost(request.headers.host, port)) {
      return { status: 403, text: texts.foreignHost, reason: 'foreign Host header (possible DNS rebinding)' };
    }
    if (mustComeFromOrigin && !isLoopbackOrigin(request.headers.origin, port)) {
      return {
        status: 403,
        text: texts.foreignOrigin,
        reason: `foreign Origin ${JSON.stringify(request.headers.origin ?? null)}`,
      };
    }
    return null;
  }

  function send(
    response: ServerResponse,
    status: number,
    body: Buffer | string,
    extra: Record<string, string>,
  ): void {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    response.writeHead(status, { ...headers, 'Content-Length': String(bytes.length), ...extra });
    response.end(response.req.method === 'HEAD' ? undefined : bytes);
  }

  function refuse(response: ServerResponse, refusal: Refusal, extra: Record<string, string> = {}): void {
    if (refusal.reason) log(`lotsen serve: refused a request: ${refusal.reason}`);
    send(response, refusal.status, refusal.text, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': cachePolicy.page,
      ...extra,
    });
  }

  /** Only requests under the app's path count: a browser sends the cookie nowhere else, and neither may anyone. */
  function sessionSecrets(request: IncomingMessage): string[] {
    return rawPath(request).startsWith(appPath) ? sessionCookieValues(request.headers.cookie, port) : [];
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const readOnly = method === 'GET' || method === 'HEAD';
    const refusal = refusalFor(request, !readOnly);
    if (refusal) return refuse(response, refusal);

    const path = rawPath(request);
    const secrets = sessionSecrets(request);
    const offered = new URLSearchParams(rawQuery(request)).get('token');
    if (offered !== null && method === 'GET') return exchangeLink(response, offered, secrets);

    const found = sessions.lookup(secrets);
    if (found.kind !== 'active') return refuse(response, sessionRefusal(found));
    found.session.touch();
    if (!readOnly) {
      return refuse(response, { status: 405, text: texts.methodNotAllowed }, { Allow: 'GET, HEAD' });
    }
    if (path === apiPath) {
      return refuse(response, { status: 426, text: texts.upgradeRequired }, { Upgrade: 'websocket' });
    }
    // The raw path, not a parsed one: URL parsing would quietly fold `/../x` into `/x`, and climbing must be refused.
    return serveFile(response, path.slice(appPath.length - 1));
  }

  /**
   * The link's token buys one session, once. Whatever path the link was given with, the answer sends the browser to
   * the app's own path on this origin, never anywhere the request names.
   */
  function exchangeLink(response: ServerResponse, offered: string, secrets: readonly string[]): void {
    const exchange = sessions.exchange(offered);
    if (exchange.kind === 'opened') {
      return redirectToApp(response, { 'Set-Cookie': sessionCookie(port, appPath, exchange.secret) });
    }
    // Someone already in who opens a link again (the one in the terminal, say) is simply taken back to the app.
    if (sessions.lookup(secrets).kind === 'active') return redirectToApp(response, {});
    if (exchange.kind === 'used') {
      return refuse(response, { status: 401, text: texts.linkUsed, reason: 'a link that was already used' });
    }
    return refuse(response, { status: 401, text: texts.unauthorized, reason: 'a wrong link token' });
  }

  function redirectToApp(response: ServerResponse, extra: Record<string, string>): void {
    response.writeHead(303, {
      ...headers,
      Location: appPath,
      'Cache-Control': cachePolicy.page,
      'Content-Length': '0',
      ...extra,
    });
    response.end();
  }

  async function serveFile(response: ServerResponse, pathInApp: string): Promise<void> {
    const found = await lookupStaticFile(staticDir, pathInApp);
    if (found.kind === 'forbidden') {
      return refuse(response, { status: 403, text: texts.badPath, reason: 'path outside the app' });
    }
    if (found.kind === 'notFound') return refuse(response, { status: 404, text: texts.notFound });
    send(response, 200, await readFile(found.path), {
      'Content-Type': found.contentType,
      'Cache-Control': found.html ? cachePolicy.page : cachePolicy.asset,
    });
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    answer(request, response).catch(() => {
      if (response.headersSent) response.destroy();
      else
        refuse(response, {
          status: 500,
          text: texts.failed,
          reason: 'internal failure while serving a file',
        });
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refuseUpgrade = (refusal: Refusal) => {
      if (refusal.reason) log(`lotsen serve: refused a WebSocket: ${refusal.reason}`);
      rejectUpgrade(socket, refusal, headers);
    };
    const refusal = refusalFor(request, true);
    if (refusal) return refuseUpgrade(refusal);
    const found = sessions.lookup(sessionSecrets(request));
    if (found.kind !== 'active') {
      return refuseUpgrade({ ...sessionRefusal(found), reason: 'WebSocket without a live session' });
    }
    if (rawPath(request) !== apiPath) return refuseUpgrade({ status: 404, text: texts.notFound });
    const { session } = found;
    sockets.handleUpgrade(request, socket, head, (client) => {
      // The session may have ended while the handshake ran.
      if (session.ended !== null) return client.close(SESSION_ENDED_CLOSE_CODE, session.ended);
      session.attach(client);
      client.on('message', () => session.touch());
      batchers.set(client, writesBatched(socket));
      serveClient(client);
    });
  });

  /** Each client's writes, gathered per turn of the event loop (writesBatched). */
  const batchers = new WeakMap<WebSocket, () => void>();
  const sendTo = (client: WebSocket, message: ServerMessage): Promise<void> => {
    batchers.get(client)?.();
    return deliver(client, message);
  };

  function serveClient(client: WebSocket): void {
    clients.add(client);
    let callsInFlight = 0;
    let bytesInFlight = 0;
    const dropped = oneWayDrops(log, 'lotsen serve');
    client.on('close', () => clients.delete(client));
    // ws closes the connection itself after a protocol error (1009 for a frame over MAX_FRAME_BYTES); ending it here
    // as well would cut off that close frame.
    client.on('error', () => {
      if (client.readyState === WebSocket.OPEN) client.terminate();
    });

    /** Answers one call when its result is ready, then lets the next calls in once the answer is written out. */
    function answerCall(id: number, result: Promise<Result<unknown>>, bytes: number): void {
      callsInFlight += 1;
      bytesInFlight += bytes;
      if (callsInFlight >= MAX_CALLS_IN_FLIGHT || bytesInFlight >= MAX_FRAME_BYTES) client.pause();
      void result
        .catch((): Result<never> => ({
          ok: false,
          error: { code: 'INTERNAL', message: 'Lotsen could not complete the call.' },
        }))
        .then((settled) => sendTo(client, { type: 'result', id, result: settled }))
        .catch(() => undefined)
        .finally(() => {
          callsInFlight -= 1;
          bytesInFlight -= bytes;
          if (client.isPaused && callsInFlight < MAX_CALLS_IN_FLIGHT && bytesInFlight < MAX_FRAME_BYTES)
            client.resume();
        });
    }

    /**
     * A terminal acknowledgement: one way, so nothing is answered and nothing waits to be written out; one that is
     * malformed or refused is dropped and counted, and the connection goes on.
     */
    function acknowledge(frame: Uint8Array): void {
      const ack = decodeAckFrame(frame);
      const outcome = ack === null ? null : api.notify('sessions.ack', ack);
      if (outcome === null) dropped('MALFORMED_FRAME');
      else if (!outcome.delivered) dropped(outcome.code);
    }

    client.on('message', (data, isBinary) => {
      if (isBinary) {
        const frame = rawBytes(data);
        if (isAckFrame(frame)) return acknowledge(frame);
        return client.close(1008, 'Lotsen accepts JSON text frames and terminal acknowledgements only');
      }
      const text = rawText(data);
      const reading = readCallFrame(text);
      if (reading.kind === 'unreadable') return client.close(1008, reading.reason);
      if (reading.kind === 'invalid') {
        return answerCall(reading.id, Promise.resolve({ ok: false, error: reading.error }), text.length);
      }
      const { id, method, input } = reading.call;
      answerCall(id, api.dispatch(method, input), text.length);
    });
  }

  const stopEvents = forwardEvents(options.backend, (message) => {
    for (const client of clients) sendTo(client, message);
  });

  const linkFor = (token: string) => `${origin}${appPath}?token=${token}`;

  return {
    url: linkFor(sessions.issueLink()),
    origin,
    appPath,
    port,
    newLink: () => linkFor(sessions.issueLink()),
    async close() {
      stopEvents();
      stopLockWatch();
      sessions.close();
      await Promise.all([...clients].map(closeClient));
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function sessionRefusal(found: Exclude<SessionLookup, { kind: 'active' }>): Refusal {
  return {
    status: 401,
    text: found.kind === 'ended' ? texts.sessionEnded(found.reason) : texts.unauthorized,
  };
}

function rawPath(request: IncomingMessage): string {
  return (request.url ?? '/').split('?')[0]!;
}

function rawQuery(request: IncomingMessage): string {
  const url = request.url ?? '';
  const at = url.indexOf('?');
  return at === -1 ? '' : url.slice(at + 1);
}

/**
 * Holds a client's socket writes until the end of the current turn of the event loop, so that what is sent to it in
 * one turn leaves in one write: a burst of answers and events, and the output that terminal acknowledgements let run
 * again, is sent with one system call instead of one per message (each wakes the page's process, and under load the
 * event loop waits for a core there). Call it before each send.
 */
function writesBatched(socket: Duplex): () => void {
  let held = false;
  return () => {
    if (held) return;
    held = true;
    socket.cork();
    // After the promise callbacks of this turn, where calls are answered.
    process.nextTick(() => {
      held = false;
      socket.uncork();
    });
  };
}

/**
 * Sends one message; resolves once it is written out (or could not be). Never throws: an answer that cannot be
 * serialised or is too large to send goes out as a TOO_LARGE or INTERNAL error to the same call instead, and an event
 * that cannot be sent is dropped.
 */
function deliver(client: WebSocket, message: ServerMessage): Promise<void> {
  if (client.readyState !== WebSocket.OPEN) return Promise.resolve();
  return new Promise((resolve) => {
    const written = () => resolve();
    try {
      if (message.type === 'event' && message.event === 'terminal.output') {
        const { sessionId, data } = (message as EventMessage<'terminal.output'>).payload;
        return client.send(encodeTerminalFrame(sessionId, data), { binary: true }, written);
      }
      client.send(serialised(message), written);
    } catch {
      resolve();
    }
  });
}

/** The message as JSON text, or for an answer that cannot be sent, an error answer to the same call. */
function serialised(message: ServerMessage): string {
  let text: string | null;
  try {
    text = JSON.stringify(message);
  } catch {
    // RangeError: the text would be longer than V8 can build; TypeError: something that is not JSON.
    text = null;
  }
  if (text !== null && text.length <= MAX_ANSWER_BYTES) return text;
  if (message.type !== 'result') throw new Error('event cannot be sent');
  const tooLarge = text !== null;
  return JSON.stringify({
    type: 'result',
    id: message.id,
    result: {
      ok: false,
      error: tooLarge
        ? {
            code: 'TOO_LARGE',
            message:
              'The answer is too large to send to the browser; for a finance export, use lotsen time export --out.',
          }
        : { code: 'INTERNAL', message: 'Lotsen produced an answer it could not send; nothing was shown.' },
    },
  } satisfies ServerMessage);
}

function rawBytes(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

function rawText(data: RawData): string {
  return rawBytes(data).toString('utf8');
}

function rejectUpgrade(socket: Duplex, refusal: Refusal, headers: Record<string, string>): void {
  const body = Buffer.from(refusal.text);
  const lines = [
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}`,
    ...Object.entries({
      ...headers,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': cachePolicy.page,
      Connection: 'close',
    }).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), body]));
}

/** Says goodbye properly, but does not let a silent client hold up shutdown. */
function closeClient(client: WebSocket): Promise<void> {
  if (client.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => client.terminate(), CLOSE_GRACE_MS);
    client.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    client.close(1001, 'Lotsen is shutting down');
  });
}
