import { z } from 'zod';

/**
 * The version of a record people edit (main/store/rowVersion.ts): 1 when made, one more with every change of the row.
 * A view carries it so that a save can name the version it was made against (issue 14 refuses a stale one).
 */
export const rowVersionSchema = z.number().int().min(1);
