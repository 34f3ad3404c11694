/*
 * Which failures of a team database query mean "the database cannot be reached", as opposed to a refusal (a role, a
 * constraint, a login): the network's own errors, the server ending the connection, and the client's timeouts. Only
 * these move the reachability state (databaseReachability.ts) and become DATABASE_UNREACHABLE at the API boundary.
 */

/** 57P01-57P03: the server ended the connection (an admin, a shutdown, a restart); 08xxx: the connection failed. */
const CONNECTION_SQLSTATE = /^(57P0[123]|08[0-9A-Z]{3})$/;

/** Node's socket errors on the way to the server and back. */
const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * pg's and pg-pool's own messages when a connection ends or a timeout runs out (they carry no code): a connection
 * torn down, a connection attempt or a pool checkout that timed out (a blackholed network), a query left unanswered.
 */
const CLIENT_MESSAGES =
  /^(Connection terminated|Connection closed|Client has encountered a connection error|timeout exceeded when trying to connect|timeout expired|Query read timeout)/;

/** 28P01: a wrong password (or one past VALID UNTIL); 28000: no such login, or one that may not log in. */
const LOGIN_REFUSED = new Set(['28P01', '28000']);

/** The server answered and refused the login itself: the member was removed, or their password reissued. */
export function isLoginRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && LOGIN_REFUSED.has(code);
}

export function isConnectionFailure(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (CONNECTION_SQLSTATE.test(code) || NETWORK_ERRORS.has(code))) return true;
  if (typeof message === 'string' && CLIENT_MESSAGES.test(message)) return true;
  // A host name with several addresses fails with one error per address, gathered.
  return error instanceof AggregateError && error.errors.some(isConnectionFailure);
}
