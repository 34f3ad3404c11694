import { LotsenError } from '../../common/api/errors.ts';

/**
 * An export refused because a file is at its target, said with the flag that replaces it: the services that refuse it
 * (`details.exists`) do not know how their caller asks for a replacement.
 */
export function withForceHint(error: unknown): unknown {
  if (error instanceof LotsenError && error.details?.exists === true) {
    return new LotsenError('CONFLICT', `${error.message} Replace it with --force.`, error.details);
  }
  return error;
}
