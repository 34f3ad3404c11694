import { LotsenError, type ErrorCode } from '../../common/api/errors.ts';
import { teamDatabaseRefusal } from '../store/teamRefusals.ts';

/*
 * The team functions raise errors whose message starts with a LOTSEN_ word (teamFunctionsSql.ts); PostgreSQL itself
 * refuses with SQLSTATE 42501 (insufficient privilege). Both become LotsenErrors people can act on.
 */

const WORDS: Record<string, ErrorCode> = {
  LOTSEN_FORBIDDEN: 'FORBIDDEN',
  LOTSEN_INVALID: 'VALIDATION',
  LOTSEN_CONFLICT: 'CONFLICT',
  LOTSEN_NOT_FOUND: 'NOT_FOUND',
  LOTSEN_ENROL_USED: 'ENROLMENT_REFUSED',
  LOTSEN_ENROL_EXPIRED: 'ENROLMENT_REFUSED',
  LOTSEN_IMMUTABLE: 'LOCKED',
};

export function teamError(error: unknown): LotsenError {
  if (error instanceof LotsenError) return error;
  const { message = String(error), code } = error as { message?: string; code?: string };
  const match = /^(LOTSEN_[A-Z_]+): (.*)$/s.exec(message);
  if (match) {
    const sentence = match[2]!.charAt(0).toUpperCase() + match[2]!.slice(1);
    return new LotsenError(WORDS[match[1]!] ?? 'INTERNAL', `${sentence}.`);
  }
  // Without the admin group the member functions cannot even be called: say what is needed, not which function.
  if (code === '42501' && /permission denied for function team_/.test(message)) {
    return new LotsenError('FORBIDDEN', 'Only a member with the admin right manages members; ask an admin.');
  }
  // A withheld privilege, a refused login, a lost connection: as the database answers any other call.
  return teamDatabaseRefusal(error) ?? new LotsenError('INTERNAL', `The team database failed: ${message}`);
}
