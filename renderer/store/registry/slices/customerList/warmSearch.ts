import type { CustomerSummary } from '../../../../../common/registry/model.ts';
import { prepareSearch } from '../../../../../common/registry/search.ts';

/** Customers folded per slice: about 10 ms of a loaded machine's time, short enough not to hold up a keystroke. */
const SLICE = 250;

const later: (work: () => void) => () => void =
  typeof requestIdleCallback === 'function'
    ? (work) => {
        const handle = requestIdleCallback(work, { timeout: 200 });
        return () => cancelIdleCallback(handle);
      }
    : (work) => {
        const handle = setTimeout(work, 0);
        return () => clearTimeout(handle);
      };

/**
 * Folds the list's search fields a slice at a time in the page's idle moments, so the first keystroke after the list
 * (or its contacts) came searches warm caches instead of folding 10,000 customers inside it. Returns the cancel.
 */
export function warmSearchWhenIdle(customers: readonly CustomerSummary[]): () => void {
  let next = 0;
  let cancel = () => {};
  const step = () => {
    prepareSearch(customers.slice(next, next + SLICE));
    next += SLICE;
    if (next < customers.length) cancel = later(step);
  };
  cancel = later(step);
  return () => cancel();
}
