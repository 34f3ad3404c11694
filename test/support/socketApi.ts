import type { WebSocket } from 'ws';
import type { EventName, EventPayload } from '../../common/api/contract.ts';
import type { Result } from '../../common/api/errors.ts';
import type { ServerMessage } from '../../common/api/wire.ts';
import type { Dispatcher } from '../../main/api/dispatcher.ts';

export interface SocketApi extends Pick<Dispatcher, 'dispatch'> {
  /** Every event the server pushed on this socket so far, oldest first. */
  events<E extends EventName>(event: E): EventPayload<E>[];
  close(): void;
}

/**
 * The API of a running `lotsen serve`, over its WebSocket as the page uses it, shaped as a Dispatcher so that
 * `apiCaller` gives a test typed calls to another process exactly as to an API in its own.
 */
export function socketApi(socket: WebSocket): SocketApi {
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  const pushed: { event: EventName; payload: unknown }[] = [];
  let closed: Result<unknown> | null = null;
  socket.on('message', (data, isBinary) => {
    if (isBinary) return;
    const message = JSON.parse(String(data)) as ServerMessage;
    if (message.type === 'event') pushed.push({ event: message.event, payload: message.payload });
    else waiting.get(message.id)?.(message.result);
  });
  socket.once('close', (code, reason) => {
    closed = {
      ok: false,
      error: { code: 'INTERNAL', message: `the socket closed (${code} ${reason.toString()})` },
    };
    for (const answer of waiting.values()) answer(closed);
  });
  let nextId = 1;
  return {
    dispatch(method, input) {
      if (closed) return Promise.resolve(closed);
      const id = nextId++;
      const answered = new Promise<Result<unknown>>((resolve) =>
        waiting.set(id, (result) => {
          waiting.delete(id);
          resolve(result);
        }),
      );
      socket.send(JSON.stringify({ type: 'call', id, method, input }));
      return answered;
    },
    events: <E extends EventName>(event: E) =>
      pushed.filter((m) => m.event === event).map((m) => m.payload as EventPayload<E>),
    close: () => socket.close(),
  };
}
