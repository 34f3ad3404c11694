import type { RetentionState } from './initialState.ts';

/** One line on what the next purge takes, or null before the status is in. */
export function selectPurgeSummary(state: Pick<RetentionState, 'retention'>): string | null {
  const preview = state.retention?.preview;
  if (!preview) return null;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    `${count(preview.tickets.length, 'ticket', 'tickets')} of ` +
    `${count(preview.customers.length, 'customer', 'customers')}, ` +
    `${count(preview.months.length, 'month key', 'month keys')}, ` +
    `${count(preview.recordings, 'recording', 'recordings')}`
  );
}
