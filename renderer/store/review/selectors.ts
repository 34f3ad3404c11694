import { filterReview, type EligibilityReviewRow } from '../../../common/agreements/review.ts';
import type { VerdictStatus } from '../../../common/agreements/verdict.ts';
import { memoizeLast } from '../memoizeLast.ts';
import type { ReviewState } from './initialState.ts';

const filtered = memoizeLast(filterReview);

/** The review as shown: the shared filter and sort (the CLI's `lotsen eligibility` uses the same functions). */
export function selectReviewRows(
  state: Pick<ReviewState, 'rows' | 'filter' | 'sort'>,
): EligibilityReviewRow[] {
  return filtered(state.rows, state.filter, state.sort);
}

const counted = memoizeLast((rows: EligibilityReviewRow[]) => {
  const counts: Record<VerdictStatus, number> = { eligible: 0, warnings: 0, blocked: 0 };
  for (const row of rows) counts[row.verdict.status] += 1;
  return counts;
});

export function selectStatusCounts(state: Pick<ReviewState, 'rows'>): Record<VerdictStatus, number> {
  return counted(state.rows);
}
