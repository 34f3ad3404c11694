import { errorCode, errorMessage } from '../../store/errorMessage.ts';
import { LotsenError } from '../../../common/api/errors.ts';
import { t } from '../../i18n/i18n.ts';

export interface UnlockRefusal {
  message: string;
  /** Until when (this page's clock) main refuses tries after wrong passphrases; null when it does not. */
  retryAt: number | null;
}

/** What the lock screen says about a refused unlock, and how long its button waits (main's back-off). */
export function unlockRefusal(failure: unknown, now: number): UnlockRefusal {
  const wait = failure instanceof LotsenError ? failure.details?.retryAfterMs : undefined;
  const retryAt = typeof wait === 'number' && wait > 0 ? now + wait : null;
  switch (errorCode(failure)) {
    case 'WRONG_PASSPHRASE':
      return { message: t('lock:wrongPassphrase'), retryAt };
    case 'TOO_MANY_ATTEMPTS':
      return { message: t('lock:tooManyAttempts'), retryAt };
    default:
      return { message: errorMessage(failure), retryAt: null };
  }
}

/** Whole seconds left to wait, counted up so the button never says 0; 0 once the wait is over. */
export function secondsToWait(retryAt: number | null, now: number): number {
  return retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));
}
