import type { ExportJob } from './initialState.ts';

/** How far an export has come, 0 to 1; null while the total is not known yet. */
export function exportFraction(job: Pick<ExportJob, 'done' | 'total' | 'state'> | null): number | null {
  if (job === null) return null;
  if (job.state === 'done') return 1;
  if (job.total <= 0) return null;
  return Math.min(1, job.done / job.total);
}
