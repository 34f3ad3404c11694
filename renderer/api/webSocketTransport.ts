import { LotsenError, type Result } from '../../common/api/errors.ts';
import { decodeTerminalFrame, encodeAckFrame } from '../../common/api/terminalFrame.ts';
import {
  SESSION_ENDED_CLOSE_CODE,
  type CallMessage,
  type EventMessage,
  type ServerMessage,
} from '../../common/api/wire.ts';
import type { ConnectionState, Transport } from './transport.ts';

export interface WebSocketTransportOptions {
  url: string;
  /** The browser's WebSocket by default; tests under Node pass the `ws` package's, which implements the same API. */
  createSocket?: (url: string) => WebSocket;
  /** Reconnect delays double from `initialMs` up to `maxMs`; the loopback server is either back quickly or not at all. */
  backoff?: { initialMs: number; maxMs: number };
}

interface Waiting {
  resolve: (result: Result<unknown>) => void;
}

const DEFAULT_BACKOFF = { initialMs: 250, maxMs: 5_000 };
const SESSION_ENDED = 'Your browser session has ended.';

/**
 * Browser mode's link to main: JSON call/result/event frames on one WebSocket, and binary frames for terminal output
 * and acknowledgements (terminalFrame.ts). Answers are matched to calls by id.
 * When the socket drops, every unanswered call fails with DISCONNECTED (it may or may not have run, and saying so
 * beats hanging), calls made meanwhile fail at once, and the socket is reopened with a growing delay. Calls made
 * before the very first connection are held until it opens.
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): Transport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const sent = new Map<number, Waiting>();
  const held: { message: CallMessage; waiting: Waiting }[] = [];
  const eventListeners = new Set<(message: EventMessage) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket | null = null;
  let nextId = 1;
  let failedAttempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closedByUs = false;
  let endedBecause: string | null = null;

  function setState(next: ConnectionState) {
    if (state === next) return;
    state = next;
    for (const listener of connectionListeners) listener(next);
  }

  function connect() {
    const ws = createSocket(options.url);
    ws.binaryType = 'arraybuffer';
    socket = ws;
    ws.onopen = () => {
      failedAttempts = 0;
      setState('open');
      for (const { message, waiting } of held.splice(0)) send(ws, message, waiting);
    };
    ws.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string') receive(event.data);
      else if (event.data instanceof ArrayBuffer) receiveTerminal(new Uint8Array(event.data));
    };
    // An error is always followed by a close, which does the work.
    ws.onerror = () => undefined;
    ws.onclose = (event: CloseEvent) => {
      if (socket !== ws) return;
      socket = null;
      // The server ended this page's session: reconnecting would only be refused, so stop and say why.
      if (event.code === SESSION_ENDED_CLOSE_CODE) endedBecause = event.reason || SESSION_ENDED;
      const reason =
        endedBecause ??
        (closedByUs
          ? 'The connection to Lotsen was closed.'
          : 'The connection to Lotsen was lost before it answered; the action may not have completed. Check, then try again.');
      for (const waiting of sent.values()) waiting.resolve(disconnected(reason));
      sent.clear();
      for (const { waiting } of held.splice(0))
        waiting.resolve(disconnected(endedBecause ?? 'Could not reach Lotsen.'));
      if (endedBecause !== null) return setState('ended');
      if (closedByUs) return;
      setState('reconnecting');
      const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** failedAttempts);
      failedAttempts += 1;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        connect();
      }, delay);
    };
  }

  function send(ws: WebSocket, message: CallMessage, waiting: Waiting) {
    sent.set(message.id, waiting);
    ws.send(JSON.stringify(message));
  }

  function receiveTerminal(frame: Uint8Array) {
    const payload = decodeTerminalFrame(frame);
    if (payload) emit({ type: 'event', event: 'terminal.output', payload });
  }

  function emit(message: EventMessage) {
    for (const listener of eventListeners) {
      try {
        listener(message);
      } catch (error) {
        console.error('lotsen: an event listener failed', error);
      }
    }
  }

  function receive(text: string) {
    let message: ServerMessage;
    try {
      message = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    if (message.type === 'result') {
      const waiting = sent.get(message.id);
      if (!waiting) return;
      sent.delete(message.id);
      waiting.resolve(message.result);
    } else if (message.type === 'event') {
      emit(message);
    }
  }

  connect();

  return {
    call(method, input) {
      return new Promise((resolve) => {
        const message: CallMessage = { type: 'call', id: nextId++, method, input };
        const waiting = { resolve };
        if (endedBecause !== null) resolve(disconnected(endedBecause));
        else if (closedByUs) resolve(disconnected('The connection to Lotsen was closed.'));
        else if (state === 'open' && socket) send(socket, message, waiting);
        else if (state === 'connecting') held.push({ message, waiting });
        else resolve(disconnected('Not connected to Lotsen; reconnecting. Try again in a moment.'));
      });
    },
    acknowledge(sessionId, bytes) {
      if (state !== 'open' || !socket) return;
      let frame: Uint8Array;
      try {
        frame = encodeAckFrame(sessionId, bytes);
      } catch {
        // Not a session id or a count main would take: it would drop it, so it is not sent.
        return;
      }
      socket.send(frame);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    get connection() {
      return state;
    },
    get endedBecause() {
      return endedBecause;
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    close() {
      closedByUs = true;
      if (retryTimer !== null) clearTimeout(retryTimer);
      retryTimer = null;
      socket?.close();
    },
  };
}

function disconnected(message: string): Result<never> {
  return { ok: false, error: new LotsenError('DISCONNECTED', message).toApiError() };
}

/**
 * Where `lotsen serve` listens for the API: beside the page, on its own origin and under the app's own path, because
 * the session cookie is scoped to that path and goes nowhere else.
 */
export function apiSocketUrl(location: { protocol: string; host: string; pathname: string }): string {
  const folder = location.pathname.slice(0, location.pathname.lastIndexOf('/') + 1);
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${folder}api`;
}
