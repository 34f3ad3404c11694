import { describe, expect, it } from 'vitest';
import { LotsenError } from '../../../../common/api/errors.ts';
import { secondsToWait, unlockRefusal } from '../../../../renderer/features/lock/unlockRefusal.ts';

describe('a refused unlock on the lock screen', () => {
  it('a wrong passphrase says so and waits as long as main asks', () => {
    const failure = new LotsenError('WRONG_PASSPHRASE', 'Wrong passphrase: …', { retryAfterMs: 2000 });
    expect(unlockRefusal(failure, 10_000)).toEqual({
      message: 'Wrong passphrase. Try again.',
      retryAt: 12_000,
    });
  });

  it('a try refused during the back-off keeps waiting until main’s time is up', () => {
    const failure = new LotsenError('TOO_MANY_ATTEMPTS', 'Too many …', { retryAfterMs: 3500, retryAt: 1 });
    expect(unlockRefusal(failure, 0)).toEqual({
      message: 'Too many wrong passphrases. Wait a moment, then try again.',
      retryAt: 3500,
    });
  });

  it('a damaged store says so, keeps main’s message (what to restore) as a detail, and does not wait', () => {
    const failure = new LotsenError('STORE_DAMAGED', 'The store … is damaged: … lotsen restore FILE …');
    expect(unlockRefusal(failure, 0)).toEqual({
      message: `The database cannot be read; it may be damaged. Restore it from a backup. (${failure.message})`,
      retryAt: null,
    });
  });

  it('counts whole seconds up, and none once the wait is over', () => {
    expect(secondsToWait(null, 5)).toBe(0);
    expect(secondsToWait(4000, 0)).toBe(4);
    expect(secondsToWait(4000, 3001)).toBe(1);
    expect(secondsToWait(4000, 4000)).toBe(0);
    expect(secondsToWait(4000, 9000)).toBe(0);
  });
});
