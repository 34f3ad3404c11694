/** Node's socket errors for a server that is not there, went away, or cannot be reached. */
const SOCKET_CODES = new Set([
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

/** PostgreSQL's own: the server is shutting down or starting up (57P01-57P03), or the connection failed (class 08). */
const SERVER_CODES = /^(57P0[123]|08...)$/;

/** pg's words for a connection that ended or never came, which it raises without a code. */
const PG_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Query read timeout|Connection closed/i;

/**
 * Whether a failed write failed because the team database could not be reached, rather than because it refused the
 * write: only then may a session's books wait in the local queue. A refusal (a rule, a constraint, a role) is
 * never queued: written later it would be refused again.
 */
export function isConnectionLoss(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; depth += 1) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.test(code))) return true;
    if (typeof message === 'string' && PG_MESSAGES.test(message)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
