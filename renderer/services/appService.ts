import type { AppStatus, LocalUserInput } from '../../common/api/contract.ts';
import type { ApiClient } from '../api/client.ts';
import type { ConnectionState } from '../api/transport.ts';

/** Set-up, unlock and lock, and word of the connection: what the app store needs from main. */
export function createAppService(api: ApiClient) {
  return {
    status: () => api.call('app.status', {}),
    initialize: (user: LocalUserInput, passphrase?: string) =>
      api.call('app.initialize', passphrase ? { user, passphrase } : { user }),
    unlock: (passphrase?: string) => api.call('app.unlock', passphrase ? { passphrase } : {}),
    lock: () => api.call('app.lock', {}),
    onStatusChanged: (listener: (status: AppStatus) => void) => api.subscribe('app.statusChanged', listener),
    /** What the page shows may be stale (a team listener back after a loss, another process wrote the store). */
    onResynced: (listener: () => void) => api.subscribe('store.resynced', () => listener()),
    connection: () => api.connection,
    endedBecause: () => api.endedBecause,
    onConnectionChange: (listener: (state: ConnectionState) => void) => api.onConnectionChange(listener),
  };
}

export type AppService = ReturnType<typeof createAppService>;
