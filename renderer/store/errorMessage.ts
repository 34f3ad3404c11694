import { LotsenError, type ErrorCode } from '../../common/api/errors.ts';
import { t } from '../i18n/i18n.ts';

/**
 * Codes whose backend message carries data a person needs (a name, a field, a server, the command that failed, what
 * the role lacks). Their message follows the sentence as a detail. The others say nothing the code does not, or say
 * it in a machine's words (D-Bus's "Cannot autolaunch D-Bus without X11 $DISPLAY" under KEYCHAIN_UNAVAILABLE): the
 * sentence alone is shown.
 */
const carriesData: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'TEAM_UNREACHABLE',
  'ENROLMENT_REFUSED',
  'NOT_ELIGIBLE',
  'PRECONNECT_FAILED',
  'COMMAND_NOT_APPROVED',
  'VPN_CLIENT_MISSING',
  'HOST_KEY_MISMATCH',
  'LOCKED',
  'SSH_AUTH_FAILED',
  'SSH_UNREACHABLE',
  'SSH_DISCONNECTED',
  'TOO_LARGE',
  'TEAM_DATABASE_UNAVAILABLE',
  'TEAM_SCHEMA_MISMATCH',
  'OUTBOX_UNREADABLE',
  // These name the data folder or the file to restore from.
  'ALREADY_INITIALIZED',
  'KEY_MISSING',
  'STORE_MISSING',
  'STORE_DAMAGED',
]);

/** What to tell a person about a failed call, in the chosen language, by its code; never a stack trace. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof LotsenError)) return t('errors:unknown');
  const sentence = errorSentence(error);
  const detail = errorDetail(error);
  return detail === null ? sentence : t('errors:withDetail', { sentence, detail });
}

/** The code in words, without the backend's detail. */
export function errorSentence(error: LotsenError): string {
  if (error.code === 'TOO_MANY_ATTEMPTS') {
    const wait = error.details?.retryAfterMs;
    return typeof wait === 'number' && wait > 0
      ? t('errors:codes.TOO_MANY_ATTEMPTS', { seconds: Math.ceil(wait / 1000) })
      : t('errors:codes.TOO_MANY_ATTEMPTS_noWait');
  }
  return t(`errors:codes.${error.code}`);
}

/** The backend's message when it carries data the sentence does not; null otherwise. */
export function errorDetail(error: LotsenError): string | null {
  const message = error.message.trim();
  return carriesData.has(error.code) && message !== '' ? message : null;
}

export function errorCode(error: unknown): string | null {
  return error instanceof LotsenError ? error.code : null;
}
