import { createStore } from 'zustand/vanilla';
import type { RetentionService } from '../../services/retentionService.ts';
import { createRetentionActions, type RetentionStore } from './action.ts';
import { initialRetentionState } from './initialState.ts';

/** The retention page's state: the policy, the next purge's preview and the last run. */
export function createRetentionStore(service: RetentionService) {
  return createStore<RetentionStore>()((...args) => ({
    ...initialRetentionState,
    ...createRetentionActions(service)(...args),
  }));
}

export type RetentionStoreApi = ReturnType<typeof createRetentionStore>;
