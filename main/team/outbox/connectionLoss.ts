import { LotsenError } from '../../../common/api/errors.ts';
import { isConnectionFailure } from '../reachability/connectionFailure.ts';

/**
 * Whether a failed write failed because the team database could not be reached, rather than because it refused the
 * write: only then may a session's books wait in the local queue. A refusal (a rule, a constraint, a role) is
 * never queued: written later it would be refused again. Which failures are the database gone is the reachability
 * state's one list (main/team/reachability/connectionFailure.ts); here it is also looked for among the causes a
 * wrapping error gives, and in the boundary's own DATABASE_UNREACHABLE.
 */
export function isConnectionLoss(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; depth += 1) {
    if (isConnectionFailure(cause)) return true;
    if (cause instanceof LotsenError && cause.code === 'DATABASE_UNREACHABLE') return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
