import { z } from 'zod';
import { lazily } from './lazySchema.ts';

/** An instant on the wire: whole epoch milliseconds, not before 1970. */
export const instantSchema = lazily(() =>
  z.number({ error: 'An instant is epoch milliseconds' }).int().min(0),
);

/**
 * A zod refinement of a filter's period (`from` inclusive, `to` exclusive, epoch ms, either left out): when both are
 * given the end comes after the start, reported on `to`. audit.list and time.list share it.
 */
export function checkPeriod(
  period: { from?: number | undefined; to?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (period.from !== undefined && period.to !== undefined && period.from >= period.to) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'The end of the period must come after its start',
    });
  }
}
