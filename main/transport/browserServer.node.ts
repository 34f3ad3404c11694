import { readFile } from 'node:fs/promises';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { Result } from '../../common/api/errors.ts';
import { MAX_REQUEST_BYTES } from '../../common/api/limits.ts';
import { encodeTerminalFrame } from '../../common/api/terminalFrame.ts';
import type { EventMessage, ServerMessage } from '../../common/api/wire.ts';
import type { Dispatcher } from '../api/dispatcher.ts';
import { carriesToken, createAccessToken, tokenCookie, tokenMatches } from './accessToken.node.ts';
import { readCallFrame } from './callMessage.ts';
import { forwardEvents, type EventSource } from './eventForwarding.ts';
import { isLoopbackHost, isLoopbackOrigin, loopbackOrigins } from './loopbackGuard.ts';
import { cachePolicy, contentSecurityPolicy, securityHeaders } from './securityHeaders.ts';
import { lookupStaticFile } from './staticFiles.node.ts';

export interface BrowserServerOptions {
  api: Dispatcher;
  backend: EventSource;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** 0 or undefined picks a free port. */
  port?: number;
  log?: (line: string) => void;
}

export interface BrowserServer {
  /** Holds the token for the first load only; print it to the user, never log it. */
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const API_PATH = '/api';
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

const texts = {
  unauthorized:
    'Lotsen needs its access token. Open the URL that `lotsen serve` printed in the terminal (it carries the token).\n',
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
  /** Why, for the log; holds no token and no path. */
  reason?: string;
}

/**
 * Browser mode: serves the built renderer and the API over a WebSocket on 127.0.0.1, for `lotsen serve` and the
 * end-to-end tests. Every request must name this server as Host and carry the token; the WebSocket and any request
 * that could change something must also come from this server's own origin.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { api, staticDir } = options;
  const log = options.log ?? (() => undefined);
  const token = createAccessToken();
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

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const readOnly = method === 'GET' || method === 'HEAD';
    const refusal = refusalFor(request, !readOnly);
    if (refusal) return refuse(response, refusal);

    const url = new URL(request.url ?? '/', origin);
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!tokenMatches(offered, token)) {
        return refuse(response, { status: 401, text: texts.unauthorized, reason: 'wrong token in URL' });
      }
      url.searchParams.delete('token');
      response.writeHead(303, {
        ...headers,
        Location: url.pathname + url.search,
        'Set-Cookie': tokenCookie(port, token),
        'Cache-Control': cachePolicy.page,
        'Content-Length': '0',
      });
      return void response.end();
    }
    if (!carriesToken(request.headers, port, token)) {
      return refuse(response, { status: 401, text: texts.unauthorized });
    }
    if (!readOnly) {
      return refuse(response, { status: 405, text: texts.methodNotAllowed }, { Allow: 'GET, HEAD' });
    }
    if (url.pathname === API_PATH) {
      return refuse(response, { status: 426, text: texts.upgradeRequired }, { Upgrade: 'websocket' });
    }

    // The raw path, not url.pathname: URL parsing would quietly fold `/../x` into `/x`, and climbing must be refused.
    const found = await lookupStaticFile(staticDir, rawPath(request));
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
    const refusal =
      refusalFor(request, true) ??
      (carriesToken(request.headers, port, token)
        ? null
        : { status: 401, text: texts.unauthorized, reason: 'WebSocket without token' }) ??
      (rawPath(request) === API_PATH ? null : { status: 404, text: texts.notFound });
    if (refusal) {
      if (refusal.reason) log(`lotsen serve: refused a WebSocket: ${refusal.reason}`);
      return rejectUpgrade(socket, refusal, headers);
    }
    sockets.handleUpgrade(request, socket, head, (client) => serveClient(client));
  });

  function serveClient(client: WebSocket): void {
    clients.add(client);
    let callsInFlight = 0;
    let bytesInFlight = 0;
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
        .then((settled) => deliver(client, { type: 'result', id, result: settled }))
        .catch(() => undefined)
        .finally(() => {
          callsInFlight -= 1;
          bytesInFlight -= bytes;
          if (client.isPaused && callsInFlight < MAX_CALLS_IN_FLIGHT && bytesInFlight < MAX_FRAME_BYTES)
            client.resume();
        });
    }

    client.on('message', (data, isBinary) => {
      if (isBinary) return client.close(1008, 'Lotsen accepts JSON text frames only');
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
    for (const client of clients) deliver(client, message);
  });

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    async close() {
      stopEvents();
      await Promise.all([...clients].map(closeClient));
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function rawPath(request: IncomingMessage): string {
  return (request.url ?? '/').split('?')[0]!;
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

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
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
