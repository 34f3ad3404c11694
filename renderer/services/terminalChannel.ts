import type { ApiClient } from '../api/client.ts';

/**
 * The path terminal bytes take in the renderer: from the transport's `terminal.output` events straight to whichever
 * terminal widget is attached to the session, and keystrokes, sizes and acks back. It sits beside the stores, not in
 * them: output never becomes UI state. Output that arrives before a widget attaches is held until one does; flow
 * control bounds it, since nothing is acknowledged meanwhile.
 */
export interface TerminalChannel {
  /** Hands held and future output to `onOutput`; returns the function that detaches it. */
  attach(sessionId: string, onOutput: (data: Uint8Array) => void): () => void;
  input(sessionId: string, data: string): void;
  resize(sessionId: string, cols: number, rows: number): void;
  /** The widget has drawn this many bytes. */
  ack(sessionId: string, bytes: number): void;
  /** Drops whatever is held for a session that is gone. */
  forget(sessionId: string): void;
}

export function createTerminalChannel(api: ApiClient): TerminalChannel {
  const listeners = new Map<string, (data: Uint8Array) => void>();
  const held = new Map<string, Uint8Array[]>();

  api.subscribe('terminal.output', ({ sessionId, data }) => {
    const listener = listeners.get(sessionId);
    if (listener) listener(data);
    else held.set(sessionId, [...(held.get(sessionId) ?? []), data]);
  });

  // Keystrokes and acks are fire-and-forget: a session that ended meanwhile answers NOT_FOUND, which changes nothing.
  const send = (promise: Promise<unknown>) => void promise.catch(() => undefined);

  return {
    attach(sessionId, onOutput) {
      listeners.set(sessionId, onOutput);
      for (const data of held.get(sessionId) ?? []) onOutput(data);
      held.delete(sessionId);
      return () => {
        if (listeners.get(sessionId) === onOutput) listeners.delete(sessionId);
      };
    },
    input: (sessionId, data) => send(api.call('sessions.input', { sessionId, data })),
    resize: (sessionId, cols, rows) => send(api.call('sessions.resize', { sessionId, cols, rows })),
    ack: (sessionId, bytes) => send(api.call('sessions.ack', { sessionId, bytes })),
    forget(sessionId) {
      held.delete(sessionId);
      listeners.delete(sessionId);
    },
  };
}
