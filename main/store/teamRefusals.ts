import { keyedError, LotsenError } from '../../common/api/errors.ts';
import { isConnectionFailure, isLoginRefusal } from '../team/reachability/connectionFailure.ts';

/*
 * What a team database (PostgreSQL) answers mid-work that a person can act on, in their words rather than as an
 * internal failure: the member's login refused (they were removed while their Lotsen was open), a privilege the
 * database withholds from their role, or a connection that went away. Identified by SQLSTATE and by the client's
 * own network errors; the server's text for a privilege names only the table, never data or a password.
 */

export function teamDatabaseRefusal(error: unknown): LotsenError | null {
  const { code, message = '' } = (error ?? {}) as { code?: unknown; message?: string };
  if (isLoginRefusal(error)) {
    return new LotsenError(
      'UNAUTHORIZED',
      'The team database no longer accepts your login: you may have been removed from the team. Nothing was done; ask a team admin.',
    );
  }
  if (code === '42501') {
    // The server's text names only the table (never data); anything else it says is its English, so not shown.
    const table = /^permission denied for table (\w+)$/.exec(message)?.[1];
    return table === undefined
      ? keyedError('FORBIDDEN', 'team.teamDatabaseRefusedForRole')
      : keyedError('FORBIDDEN', 'team.teamDatabaseRefusedTableForRole', { table });
  }
  if (isConnectionFailure(error)) return databaseUnreachable();
  return null;
}

/**
 * What a call that needed the team database while it could not be reached answers: what happened and what to do, in
 * words; never the server's address, the login or pg's own text (which can name both).
 */
export function databaseUnreachable(): LotsenError {
  return new LotsenError(
    'DATABASE_UNREACHABLE',
    'The team database cannot be reached, so this may not have been done: try again when the top bar says it is back.',
  );
}
