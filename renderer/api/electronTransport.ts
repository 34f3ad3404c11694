import type { LotsenBridge } from '../../common/api/wire.ts';
import type { Transport } from './transport.ts';

/** Electron IPC through the preload's bridge. The link lives as long as the window, so it is always open. */
export function createElectronTransport(bridge: LotsenBridge): Transport {
  const unsubscribers = new Set<() => void>();
  return {
    call: (method, input) => bridge.call(method, input),
    acknowledge: (sessionId, bytes) => bridge.acknowledge(sessionId, bytes),
    onEvent(listener) {
      const off = bridge.onEvent(listener);
      unsubscribers.add(off);
      return () => {
        unsubscribers.delete(off);
        off();
      };
    },
    connection: 'open',
    endedBecause: null,
    onConnectionChange: () => () => undefined,
    close() {
      for (const off of unsubscribers) off();
      unsubscribers.clear();
    },
  };
}
