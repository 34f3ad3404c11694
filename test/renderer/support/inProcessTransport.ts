import { events, type EventName, type EventPayload } from '../../../common/api/contract.ts';
import { decodeTerminalFrame, encodeTerminalFrame } from '../../../common/api/terminalFrame.ts';
import type { EventMessage } from '../../../common/api/wire.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import type { Backend } from '../../../main/app/backend.node.ts';
import type { Transport } from '../../../renderer/api/transport.ts';

/**
 * A transport straight into a real backend's dispatcher, as a window would reach it, with no socket in between.
 * Inputs and outputs go through JSON, as they would on the wire, so `undefined` fields vanish exactly as they do there.
 */
export function inProcessTransport(backend: Backend): Transport {
  const api = createApi(backend, () => undefined);
  const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T;
  return {
    call: async (method, input) => wire(await api.dispatch(method, wire(input))),
    acknowledge: (sessionId, bytes) => void api.notify('sessions.ack', { sessionId, bytes }),
    onEvent(listener) {
      const offs = (Object.keys(events) as EventName[]).map((event) =>
        backend.on(event, (payload) => {
          if (event !== 'terminal.output') {
            listener(wire({ type: 'event', event, payload }) as EventMessage);
            return;
          }
          // Terminal bytes travel as binary frames, as on the WebSocket.
          const { sessionId, data } = payload as EventPayload<'terminal.output'>;
          const frame = decodeTerminalFrame(encodeTerminalFrame(sessionId, data))!;
          listener({ type: 'event', event: 'terminal.output', payload: frame });
        }),
      );
      return () => offs.forEach((off) => off());
    },
    connection: 'open',
    endedBecause: null,
    onConnectionChange: () => () => undefined,
    close: () => undefined,
  };
}
