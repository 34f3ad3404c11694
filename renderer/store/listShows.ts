export interface ListLoad {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  count: number;
}

/**
 * What a list page shows under its header: its table (while loading too), the empty state ("nothing here"), or only
 * the load error. A reload that failed keeps the list loaded before it, so an empty list with a load error is not
 * known to be empty: an empty state beneath the error would contradict it ("No open tickets" while the team database
 * is away).
 */
export function listShows({ status, error, count }: ListLoad): 'table' | 'empty-state' | 'error-only' {
  if (count > 0) return 'table';
  if (error !== null) return 'error-only';
  return status === 'ready' ? 'empty-state' : 'table';
}
