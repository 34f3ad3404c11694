import { z } from 'zod';
import { lazily } from './lazySchema.ts';

/**
 * The version of a record people edit (main/store/rowVersion.ts): 1 when made, one more with every change of the row.
 * A view carries it so that a save can name the version it was made against (issue 14 refuses a stale one).
 */
export const rowVersionSchema = lazily(() => z.number().int().min(1));

/**
 * For a save that makes a record without an id and changes one with it: a change names the version it was opened at
 * (required, so nothing is ever overwritten without the person having seen what they overwrite).
 */
export function requireVersionWithId(
  value: { id?: string; rowVersion?: number },
  ctx: z.RefinementCtx,
): void {
  if (value.id !== undefined && value.rowVersion === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['rowVersion'],
      message: 'Saving a record that exists needs the version it was opened at (rowVersion)',
    });
  }
}
