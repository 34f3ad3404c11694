import type { EventName, EventPayload } from '../../common/api/contract.ts';
import type { Backend } from '../../main/app/backend.node.ts';

/**
 * What a backend emits from now on, as the transports would forward it: `next` resolves with the first event of a kind
 * (seen already or still to come) that matches, or fails after `withinMs` naming what did arrive.
 */
export function recordEvents(backend: Pick<Backend, 'on'>, names: readonly EventName[]) {
  const seen: { event: EventName; payload: unknown; at: number }[] = [];
  const waiters = new Set<() => void>();
  const stops = names.map((event) =>
    backend.on(event, (payload) => {
      seen.push({ event, payload, at: Date.now() });
      for (const wake of waiters) wake();
    }),
  );
  return {
    seen,
    clear: () => void seen.splice(0),
    async next<E extends EventName>(
      event: E,
      matches: (payload: EventPayload<E>) => boolean = () => true,
      withinMs = 2_000,
    ): Promise<EventPayload<E>> {
      const find = () =>
        seen.find((s) => s.event === event && matches(s.payload as EventPayload<E>))?.payload as
          EventPayload<E> | undefined;
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = find();
          if (found === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `No matching ${event} within ${withinMs} ms; seen: ${JSON.stringify(seen.map((s) => [s.event, s.payload]))}`,
            ),
          );
        }, withinMs);
        waiters.add(check);
        check();
      });
    },
    stop: () => stops.forEach((stop) => stop()),
  };
}

/**
 * The next event of a kind that matches, from now on (one emitted before the call is not seen: listen before acting),
 * or a failure after `withinMs`.
 */
export function nextEvent<E extends EventName>(
  backend: Pick<Backend, 'on'>,
  event: E,
  matches: (payload: EventPayload<E>) => boolean,
  withinMs = 15_000,
): Promise<EventPayload<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ${event} event matched within ${withinMs} ms`));
    }, withinMs);
    const stop = backend.on(event, (payload) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      stop();
      resolve(payload);
    });
  });
}
