import { createStore } from 'zustand/vanilla';
import type { ContractsService } from '../../services/contractsService.ts';
import { createReviewActions, type ReviewStore } from './action.ts';
import { initialReviewState } from './initialState.ts';

/** The support lead's eligibility review: every customer's verdict, filtered and sorted. */
export function createReviewStore(service: ContractsService) {
  return createStore<ReviewStore>()((...args) => ({
    ...initialReviewState,
    ...createReviewActions(service)(...args),
  }));
}

export type ReviewStoreApi = ReturnType<typeof createReviewStore>;
