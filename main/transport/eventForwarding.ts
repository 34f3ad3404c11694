import { events, type EventName } from '../../common/api/contract.ts';
import type { EventMessage } from '../../common/api/wire.ts';
import type { Backend } from '../app/backend.node.ts';

export type EventSource = Pick<Backend, 'on'>;

/** Passes every event the contract lists to a transport, so a new event reaches clients without transport changes. */
export function forwardEvents(source: EventSource, send: (message: EventMessage) => void): () => void {
  const stops = (Object.keys(events) as EventName[]).map((event) =>
    source.on(event, (payload) => send({ type: 'event', event, payload } as EventMessage)),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
