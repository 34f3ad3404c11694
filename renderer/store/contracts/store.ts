import { createStore } from 'zustand/vanilla';
import type { ContractsService } from '../../services/contractsService.ts';
import { createContractsActions, type ContractsStore } from './action.ts';
import { initialContractsState } from './initialState.ts';

export function createContractsStore(service: ContractsService) {
  return createStore<ContractsStore>()((...args) => ({
    ...initialContractsState,
    ...createContractsActions(service)(...args),
  }));
}

export type ContractsStoreApi = ReturnType<typeof createContractsStore>;
