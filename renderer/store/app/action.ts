import type { StateCreator } from 'zustand/vanilla';
import type { LocalUserInput } from '../../../common/api/contract.ts';
import type { AppService } from '../../services/appService.ts';
import { errorMessage } from '../errorMessage.ts';
import type { AppState } from './initialState.ts';

export interface AppActions {
  /** Follows status events and the connection, and reads the status; returns the function that stops following. */
  start(): () => void;
  refreshStatus(): Promise<void>;
  /** These throw the API's LotsenError, so the screen that called them can show it beside the right field. */
  initialize(user: LocalUserInput, passphrase?: string): Promise<void>;
  unlock(passphrase?: string): Promise<void>;
  lock(): Promise<void>;
}

export type AppStore = AppState & AppActions;

export const createAppActions =
  (service: AppService): StateCreator<AppStore, [], [], AppActions> =>
  (set, get) => ({
    start() {
      set({ connection: service.connection() });
      const offStatus = service.onStatusChanged((status) => set({ status, statusError: null }));
      const offConnection = service.onConnectionChange((connection) => {
        const wasDown = get().connection === 'reconnecting';
        set({ connection });
        if (connection === 'ended') set({ sessionEnded: service.endedBecause() });
        // Events sent while the link was down are lost: read the status afresh.
        if (connection === 'open' && wasDown) void get().refreshStatus();
      });
      const offResynced = service.onResynced(() => set({ resyncs: get().resyncs + 1 }));
      void get().refreshStatus();
      return () => {
        offStatus();
        offConnection();
        offResynced();
      };
    },

    async refreshStatus() {
      try {
        set({ status: await service.status(), statusError: null });
      } catch (error) {
        set({ statusError: errorMessage(error) });
      }
    },

    async initialize(user, passphrase) {
      set({ status: await service.initialize(user, passphrase) });
    },

    async unlock(passphrase) {
      set({ status: await service.unlock(passphrase) });
    },

    async lock() {
      set({ status: await service.lock() });
    },
  });
