import { LotsenError } from '../../common/api/errors.ts';

/*
 * What a team database (PostgreSQL) answers mid-work that a person can act on, in their words rather than as an
 * internal failure: the member's login refused (they were removed while their Lotsen was open), a privilege the
 * database withholds from their role, or a connection that went away. Identified by SQLSTATE and by the client's
 * own network errors; the server's text for a privilege names only the table, never data or a password.
 */

/** 28P01: the password is no longer accepted; 28000: the login is gone or may not log in. */
const LOGIN_REFUSED = new Set(['28P01', '28000']);
/** 57P01-57P03: the server ended the connection (an admin, a shutdown, a restart); 08xxx: the connection failed. */
const CONNECTION_LOST = /^(57P0[123]|08\d{3})$/;
const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

export function teamDatabaseRefusal(error: unknown): LotsenError | null {
  const { code, message = '' } = (error ?? {}) as { code?: unknown; message?: string };
  if (typeof code === 'string' && LOGIN_REFUSED.has(code)) {
    return new LotsenError(
      'UNAUTHORIZED',
      'The team database no longer accepts your login: you may have been removed from the team. Nothing was done; ask a team admin.',
    );
  }
  if (code === '42501') {
    return new LotsenError(
      'FORBIDDEN',
      `The team database refused this for your role (${message}); nothing was changed.`,
    );
  }
  if (
    (typeof code === 'string' && (CONNECTION_LOST.test(code) || NETWORK_ERRORS.has(code))) ||
    /^(Connection terminated|Client has encountered a connection error)/.test(message)
  ) {
    return new LotsenError(
      'TEAM_DATABASE_UNAVAILABLE',
      'The connection to the team database was lost, so this may not have been done. Check the network and try again.',
    );
  }
  return null;
}
