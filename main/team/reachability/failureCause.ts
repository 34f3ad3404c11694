import { isConnectionFailure, isLoginRefusal } from './connectionFailure.ts';

/** What went wrong reaching a team database, as a detail key's ending; never pg's or Node's own English. */
export type FailureCause = 'Unreachable' | 'NoDatabase' | 'NoTls' | 'LoginRefused' | '';

/**
 * Why a connection to a team database failed, by the failure's code, and the code a person can quote to an admin
 * (a SQLSTATE such as `53300`, `ECONNREFUSED`; `unknown` without one). pg says "The server does not support SSL
 * connections" without a code.
 */
export function failureCause(error: unknown): { cause: FailureCause; reason: string } {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const reason = typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : 'unknown';
  if (isLoginRefusal(error)) return { cause: 'LoginRefused', reason };
  if (isConnectionFailure(error)) return { cause: 'Unreachable', reason };
  if (code === '3D000') return { cause: 'NoDatabase', reason };
  if (typeof message === 'string' && /does not support SSL/.test(message)) return { cause: 'NoTls', reason };
  return { cause: '', reason };
}
