import { LotsenError } from '../../common/api/errors.ts';

const FIRST_WAIT_MS = 1_000;
const LONGEST_WAIT_MS = 60_000;

/**
 * The wait after wrong passphrases: 1 s after the first, doubling with each one after it up to a minute, back to none
 * after a right one. While it lasts, a try is refused without the passphrase being tried, so guessing through the
 * app or `lotsen serve` goes no faster than the waits allow.
 *
 * It lives in memory and starts afresh with the process. Whoever can restart `lotsen serve` runs programs as the
 * store's user and can read lotsen.key, and so can guess offline at scrypt's cost whatever Lotsen counts; a count
 * kept on disk would be theirs to delete, and would make the owner wait after every restart.
 */
export class UnlockBackoff {
  private failures = 0;
  private retryAt = 0;

  /** TOO_MANY_ATTEMPTS while a wait runs; `details.retryAfterMs` and `details.retryAt` say until when. */
  assertMayTry(now: number): void {
    const retryAfterMs = this.retryAt - now;
    if (retryAfterMs <= 0) return;
    throw new LotsenError(
      'TOO_MANY_ATTEMPTS',
      `Too many wrong passphrases: try again in ${describeWait(retryAfterMs)}. This try was refused without checking the passphrase.`,
      { retryAfterMs, retryAt: this.retryAt },
    );
  }

  /** Counts a wrong passphrase; returns how long the next try must wait, in milliseconds. */
  failed(now: number): number {
    const wait = Math.min(FIRST_WAIT_MS * 2 ** this.failures, LONGEST_WAIT_MS);
    this.failures += 1;
    this.retryAt = now + wait;
    return wait;
  }

  succeeded(): void {
    this.failures = 0;
    this.retryAt = 0;
  }
}

function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
