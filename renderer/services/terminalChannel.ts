import type { ApiClient } from '../api/client.ts';
import { inputPieces } from './inputPieces.ts';

/**
 * Output held for a session no terminal has attached to yet. Every tab gets its terminal at once, so this covers
 * only the moment before one is made; it is above main's flow-control window (main stops sending at 100,000
 * unacknowledged bytes), so a session about to get a terminal loses nothing, and one that never gets one cannot make
 * this window hold its whole output.
 */
const HELD_LIMIT_BYTES = 256 * 1024;

/**
 * The path terminal bytes take in the renderer: from the transport's `terminal.output` events straight to whichever
 * terminal is attached to the session, and keystrokes, sizes and acks back. It sits beside the stores, not in them:
 * output never becomes UI state.
 */
export interface TerminalChannel {
  /**
   * Hands held and future output to `onOutput`, and calls `onForget` when the session is forgotten (its tab is
   * gone); returns the function that detaches both.
   */
  attach(sessionId: string, onOutput: (data: Uint8Array) => void, onForget?: () => void): () => void;
  /**
   * Sends typed or pasted text after whatever was sent before it, in pieces the API accepts. Rejects with the API's
   * error when some of it did not arrive; the rest of that text is then not sent.
   */
  input(sessionId: string, data: string): Promise<void>;
  resize(sessionId: string, cols: number, rows: number): void;
  /** The terminal has drawn this many bytes. */
  ack(sessionId: string, bytes: number): void;
  /** Drops whatever is held for a session whose tab is gone, and tells its terminal. */
  forget(sessionId: string): void;
}

export function createTerminalChannel(api: ApiClient): TerminalChannel {
  const attached = new Map<string, { onOutput: (data: Uint8Array) => void; onForget?: () => void }>();
  const held = new Map<string, { chunks: Uint8Array[]; bytes: number }>();
  /** Per session, the end of what is being sent, so input leaves in the order it was given. */
  const sending = new Map<string, Promise<void>>();

  const hold = (sessionId: string, data: Uint8Array) => {
    const kept = held.get(sessionId) ?? { chunks: [], bytes: 0 };
    kept.chunks.push(data);
    kept.bytes += data.length;
    while (kept.bytes > HELD_LIMIT_BYTES) kept.bytes -= kept.chunks.shift()!.length;
    held.set(sessionId, kept);
  };

  api.subscribe('terminal.output', ({ sessionId, data }) => {
    const terminal = attached.get(sessionId);
    if (terminal) terminal.onOutput(data);
    else hold(sessionId, data);
  });

  // Sizes are fire-and-forget: a session that ended meanwhile answers NOT_FOUND, which changes nothing.
  const send = (promise: Promise<unknown>) => void promise.catch(() => undefined);

  return {
    attach(sessionId, onOutput, onForget) {
      const terminal = { onOutput, onForget };
      attached.set(sessionId, terminal);
      for (const data of held.get(sessionId)?.chunks ?? []) onOutput(data);
      held.delete(sessionId);
      return () => {
        if (attached.get(sessionId) === terminal) attached.delete(sessionId);
      };
    },
    input(sessionId, data) {
      const before = sending.get(sessionId) ?? Promise.resolve();
      const sent = before
        .catch(() => undefined)
        .then(async () => {
          // One piece at a time: the next leaves only once main has taken this one.
          for (const piece of inputPieces(data)) await api.call('sessions.input', { sessionId, data: piece });
        });
      sending.set(sessionId, sent);
      const settle = () => {
        if (sending.get(sessionId) === sent) sending.delete(sessionId);
      };
      sent.then(settle, settle);
      return sent;
    },
    resize: (sessionId, cols, rows) => send(api.call('sessions.resize', { sessionId, cols, rows })),
    // One way, thousands a session: no answer is made, sent or awaited (an ack for an ended session moves nothing).
    ack: (sessionId, bytes) => api.acknowledge(sessionId, bytes),
    forget(sessionId) {
      const terminal = attached.get(sessionId);
      held.delete(sessionId);
      attached.delete(sessionId);
      terminal?.onForget?.();
    },
  };
}
