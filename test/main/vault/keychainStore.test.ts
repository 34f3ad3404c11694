import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { Backend } from '../../../main/app/backend.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { keychainAccount } from '../../../main/vault/databaseKey.node.ts';
import { TEST_USER } from '../../support/passphraseBackend.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import { requireSecretService } from '../../support/secretService.ts';

/*
 * Against the real Secret Service: `npm test` runs vitest inside scripts/with-keyring.sh (a private D-Bus session with
 * an unlocked gnome-keyring). Cross-checked with libsecret's own `secret-tool`, a second real client.
 */
const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

requireSecretService();

async function freshDir() {
  const temp = await makeTempDataDir();
  cleanups.push(async () => {
    await run('secret-tool', ['clear', 'service', 'Lotsen', 'account', keychainAccount(temp.dir)]).catch(
      () => undefined,
    );
    await temp.cleanup();
  });
  return temp.dir;
}

describe('database key in the OS keychain', () => {
  test('init stores a random 256-bit key in the Secret Service and no key file', async () => {
    const dataDir = await freshDir();
    const backend = await Backend.open({ dataDir });
    cleanups.push(() => backend.close());
    const status = await backend.initialize({ user: TEST_USER, passphrase: null, preference: 'auto' });

    expect(status).toMatchObject({ state: 'unlocked', keyStore: 'keychain', user: { name: TEST_USER.name } });
    expect(existsSync(dataFiles.keyFile(dataDir))).toBe(false);
    const { stdout } = await run('secret-tool', [
      'lookup',
      'service',
      'Lotsen',
      'account',
      keychainAccount(dataDir),
    ]);
    expect(Buffer.from(stdout.trim(), 'base64')).toHaveLength(32);
  });

  test('a restarted backend unlocks from the keychain without a passphrase and reads its data', async () => {
    const dataDir = await freshDir();
    const first = await Backend.open({ dataDir });
    await first.initialize({ user: TEST_USER, passphrase: null, preference: 'keychain' });
    await first.close();

    const second = await Backend.open({ dataDir });
    cleanups.push(() => second.close());
    expect(second.status().state).toBe('locked');
    const status = await second.unlock(null);
    expect(status).toMatchObject({ state: 'unlocked', user: { email: TEST_USER.email } });
  });

  test('without its keychain entry the store stays locked with a clear error', async () => {
    const dataDir = await freshDir();
    const first = await Backend.open({ dataDir });
    await first.initialize({ user: TEST_USER, passphrase: null, preference: 'keychain' });
    await first.close();
    await run('secret-tool', ['clear', 'service', 'Lotsen', 'account', keychainAccount(dataDir)]);

    const second = await Backend.open({ dataDir });
    cleanups.push(() => second.close());
    await expect(second.unlock(null)).rejects.toMatchObject({
      code: 'KEY_MISSING',
      message: expect.stringContaining('holds no database key'),
    });
    expect(second.status().state).toBe('locked');
  });
});
