import type { AddressInfo } from 'node:net';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import type { CallMessage, ServerMessage } from '../../../common/api/wire.ts';

export interface TestServer {
  url: string;
  port: number;
  /** Every socket that has connected, in order. */
  sockets: NodeWebSocket[];
  /** Every call received, in order. */
  calls: CallMessage[];
  /** Times (ms) at which connections were attempted, refused ones included. */
  attempts: number[];
  send(socket: NodeWebSocket, message: ServerMessage): void;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  port?: number;
  /** Refuse the upgrade (HTTP 401), as `lotsen serve` does without the cookie. */
  refuse?: () => boolean;
  onCall?: (call: CallMessage, socket: NodeWebSocket, server: TestServer) => void;
}

/** A real WebSocket server on a loopback port, speaking the wire format; what it answers is up to the test. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    path: '/api',
    verifyClient: (_info, done) => {
      server.attempts.push(performance.now());
      if (options.refuse?.()) done(false, 401, 'Unauthorized');
      else done(true);
    },
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const port = (wss.address() as AddressInfo).port;
  const server: TestServer = {
    url: `ws://127.0.0.1:${port}/api`,
    port,
    sockets: [],
    calls: [],
    attempts: [],
    send: (socket, message) => socket.send(JSON.stringify(message)),
    async stop() {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
  wss.on('connection', (socket) => {
    server.sockets.push(socket);
    socket.on('message', (data) => {
      const call = JSON.parse(String(data)) as CallMessage;
      server.calls.push(call);
      options.onCall?.(call, socket, server);
    });
  });
  return server;
}

/** The `ws` package implements the browser's WebSocket API, which is what the transport is written against. */
export const nodeSocket = (url: string) => new NodeWebSocket(url) as unknown as WebSocket;

export async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
