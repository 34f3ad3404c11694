import { LotsenError } from '../../common/api/errors.ts';

/** What to tell a person about a failed call: the API's own message, never a stack trace. */
export function errorMessage(error: unknown): string {
  if (error instanceof LotsenError) return error.message;
  return 'Something went wrong; the action was not completed.';
}

export function errorCode(error: unknown): string | null {
  return error instanceof LotsenError ? error.code : null;
}
