import { afterEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { UnlockBackoff } from '../../../main/app/unlockBackoff.ts';
import { openPassphraseBackend, TEST_PASSPHRASE } from '../../support/passphraseBackend.ts';

// A machine with no keychain: every try runs scrypt over the real lotsen.key.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/lotsen-no-bus';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const WRONG = 'fel lösenfras';

/** A locked passphrase store and a restarted backend on it whose clock the test moves. */
async function lockedBackend() {
  const opened = await openPassphraseBackend();
  cleanups.push(opened.cleanup);
  await opened.backend.close();
  const clock = { now: Date.parse('2026-11-02T09:00:00+01:00') };
  const backend = await Backend.open({ dataDir: opened.dataDir, now: () => clock.now });
  cleanups.push(() => backend.close());
  return { backend, clock };
}

describe('unlock back-off after wrong passphrases', () => {
  test('a quick retry is refused untried, with the wait in its details; after the wait the right one opens', async () => {
    const { backend, clock } = await lockedBackend();
    await expect(backend.unlock(WRONG)).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      details: { retryAfterMs: 1000 },
    });

    clock.now += 400;
    const started = performance.now();
    const refused = await backend.unlock(TEST_PASSPHRASE).catch((e) => e);
    // Refused without running scrypt (about half a second a try): the passphrase was not tried.
    expect(performance.now() - started).toBeLessThan(100);
    expect(refused).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      details: { retryAfterMs: 600, retryAt: clock.now + 600 },
    });
    expect(refused.message).toBe(
      'Too many wrong passphrases: try again in 1 second. This try was refused without checking the passphrase.',
    );
    expect(backend.status().state).toBe('locked');

    clock.now += 600;
    expect(await backend.unlock(TEST_PASSPHRASE)).toMatchObject({ state: 'unlocked' });
  });

  test('each wrong passphrase doubles the wait, up to a minute', () => {
    const backoff = new UnlockBackoff();
    const waits = Array.from({ length: 8 }, () => backoff.failed(0));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
    expect(() => backoff.assertMayTry(59_999)).toThrow(/try again in 1 second/);
    expect(() => backoff.assertMayTry(60_000)).not.toThrow();
  });

  test('a right passphrase ends the back-off: the next mistake waits a second again', async () => {
    const { backend, clock } = await lockedBackend();
    await expect(backend.unlock(WRONG)).rejects.toMatchObject({ details: { retryAfterMs: 1000 } });
    clock.now += 1000;
    await expect(backend.unlock(WRONG)).rejects.toMatchObject({ details: { retryAfterMs: 2000 } });
    clock.now += 2000;
    await backend.unlock(TEST_PASSPHRASE);
    await backend.lock();
    await expect(backend.unlock(WRONG)).rejects.toMatchObject({ details: { retryAfterMs: 1000 } });
  });

  test('the API answers a refused try with the wait, for the lock screen to count down', async () => {
    const { backend, clock } = await lockedBackend();
    const api = createApi(backend);
    await api.dispatch('app.unlock', { passphrase: WRONG });
    clock.now += 250;
    expect(await api.dispatch('app.unlock', { passphrase: WRONG })).toEqual({
      ok: false,
      error: {
        code: 'TOO_MANY_ATTEMPTS',
        message: expect.stringContaining('try again in 1 second'),
        details: { retryAfterMs: 750, retryAt: clock.now + 750 },
      },
    });
  });
});
