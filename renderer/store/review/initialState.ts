import type { EligibilityReviewRow, ReviewFilter, ReviewSort } from '../../../common/agreements/review.ts';

export interface ReviewState {
  rows: EligibilityReviewRow[];
  filter: Required<Pick<ReviewFilter, 'status' | 'missingDpa' | 'query'>> & {
    endingWithinDays: number | null;
  };
  sort: ReviewSort;
  /** Customers whose reasons are unfolded. */
  expanded: ReadonlySet<string>;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
}

export const initialReviewState: ReviewState = {
  rows: [],
  filter: { status: 'all', missingDpa: false, query: '', endingWithinDays: null },
  sort: 'status',
  expanded: new Set(),
  status: 'idle',
  error: null,
};
