import type { StateCreator } from 'zustand/vanilla';
import type { ReviewSort } from '../../../common/agreements/review.ts';
import type { ContractsService } from '../../services/contractsService.ts';
import { errorMessage } from '../errorMessage.ts';
import { initialReviewState, type ReviewState } from './initialState.ts';

export interface ReviewActions {
  load(): Promise<void>;
  setFilter(change: Partial<ReviewState['filter']>): void;
  setSort(sort: ReviewSort): void;
  toggleExpanded(customerId: string): void;
  start(): () => void;
  reset(): void;
}

export type ReviewStore = ReviewState & ReviewActions;

export const createReviewActions =
  (service: ContractsService): StateCreator<ReviewStore, [], [], ReviewActions> =>
  (set, get) => {
    let latest = 0;
    return {
      async load() {
        const request = ++latest;
        if (get().status !== 'ready') set({ status: 'loading' });
        try {
          const rows = await service.review();
          if (request === latest) set({ rows, status: 'ready', error: null });
        } catch (error) {
          if (request === latest)
            set({ status: get().status === 'ready' ? 'ready' : 'error', error: errorMessage(error) });
        }
      },
      setFilter(change) {
        set({ filter: { ...get().filter, ...change } });
      },
      setSort(sort) {
        set({ sort });
      },
      toggleExpanded(customerId) {
        const expanded = new Set(get().expanded);
        if (expanded.has(customerId)) expanded.delete(customerId);
        else expanded.add(customerId);
        set({ expanded });
      },
      start() {
        return service.onChanged(() => void get().load());
      },
      reset() {
        latest++;
        set({ ...initialReviewState, expanded: new Set() });
      },
    };
  };
