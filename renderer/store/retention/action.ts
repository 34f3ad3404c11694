import type { StateCreator } from 'zustand/vanilla';
import type { PurgeRun, VersionedRetentionPolicy } from '../../../common/retention/model.ts';
import type { RetentionService } from '../../services/retentionService.ts';
import { errorMessage } from '../errorMessage.ts';
import { initialRetentionState, type RetentionState } from './initialState.ts';

export interface RetentionActions {
  load(): Promise<void>;
  /**
   * Saves the policy against the version the form opened (CONFLICT if someone saved it meanwhile) and reloads what
   * the next purge takes; answers with the policy saved, rejects with the API's error for the form.
   */
  savePolicy(policy: VersionedRetentionPolicy): Promise<VersionedRetentionPolicy>;
  /** Runs today's purge (only when due); rejects with the API's error for the confirmation dialog. */
  purge(): Promise<PurgeRun>;
  reset(): void;
}

export type RetentionStore = RetentionState & RetentionActions;

export const createRetentionActions =
  (service: RetentionService): StateCreator<RetentionStore, [], [], RetentionActions> =>
  (set, get) => ({
    async load() {
      set({ status: get().retention ? 'ready' : 'loading' });
      try {
        set({ retention: await service.status(), status: 'ready', error: null });
      } catch (error) {
        set({ status: 'error', error: errorMessage(error) });
      }
    },
    async savePolicy(policy) {
      const saved = await service.setPolicy(policy);
      await get().load();
      return saved;
    },
    async purge() {
      const run = await service.purge();
      await get().load();
      return run;
    },
    reset() {
      set({ ...initialRetentionState });
    },
  });
