import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { Backend } from '../../../main/app/backend.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { passphraseFromEnvironment } from '../../../main/vault/passphraseSource.node.ts';
import { TEST_PASSPHRASE, TEST_USER } from '../../support/passphraseBackend.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

// This file plays a machine with no keychain (a jump host, CI): its process gets a D-Bus address where nothing
// listens, before libsecret first connects. Vitest runs each test file in its own process.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/lotsen-no-bus';
delete process.env.DISPLAY;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freshDir() {
  const temp = await makeTempDataDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
}

async function fingerprint(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of (await readdir(dir)).sort()) {
    result[file] = createHash('sha256')
      .update(await readFile(join(dir, file)))
      .digest('hex');
  }
  return result;
}

describe('database key wrapped by a passphrase', () => {
  test('with no keychain, init falls back to a passphrase-wrapped key file', async () => {
    const dataDir = await freshDir();
    const backend = await Backend.open({ dataDir });
    cleanups.push(() => backend.close());
    const status = await backend.initialize({
      user: TEST_USER,
      passphrase: TEST_PASSPHRASE,
      preference: 'auto',
    });
    expect(status).toMatchObject({ state: 'unlocked', keyStore: 'passphrase' });

    const keyFile = JSON.parse(await readFile(dataFiles.keyFile(dataDir), 'utf8'));
    expect(keyFile).toMatchObject({
      format: 'lotsen-keyfile',
      kdf: { name: 'scrypt', N: 131072 },
      cipher: 'aes-256-gcm',
    });
    expect(JSON.stringify(keyFile)).not.toContain(TEST_PASSPHRASE);
  });

  test('the right passphrase unlocks a restarted backend; a wrong one fails clearly and changes nothing', async () => {
    const dataDir = await freshDir();
    const first = await Backend.open({ dataDir });
    await first.initialize({ user: TEST_USER, passphrase: TEST_PASSPHRASE, preference: 'passphrase' });
    await first.close();
    const before = await fingerprint(dataDir);

    let now = Date.now();
    const second = await Backend.open({ dataDir, now: () => now });
    cleanups.push(() => second.close());
    await expect(second.unlock('correct horse battery stapler')).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: expect.stringMatching(/^Wrong passphrase/),
    });
    await expect(second.unlock(null)).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    expect(second.status().state).toBe('locked');
    expect(await fingerprint(dataDir)).toEqual(before);

    now += 1000; // past the wait a wrong passphrase starts (unlockBackoff.test.ts)
    expect(await second.unlock(TEST_PASSPHRASE)).toMatchObject({
      state: 'unlocked',
      user: { name: TEST_USER.name },
    });
  });

  test('no keychain and no passphrase is a clear error that says how to fix it, and leaves nothing behind', async () => {
    const dataDir = await freshDir();
    const backend = await Backend.open({ dataDir });
    cleanups.push(() => backend.close());
    const failure = await backend
      .initialize({ user: TEST_USER, passphrase: null, preference: 'auto' })
      .catch((e) => e);
    expect(failure).toMatchObject({ code: 'NO_KEY_STORE' });
    expect(failure.message).toContain('LOTSEN_PASSPHRASE');
    expect(failure.message).toContain('never stores its database key in plain text');
    expect(await readdir(dataDir)).toEqual([]);
    expect(backend.status().state).toBe('uninitialized');
  });

  test('asking for the keychain where none answers names the keychain as the problem', async () => {
    const dataDir = await freshDir();
    const backend = await Backend.open({ dataDir });
    cleanups.push(() => backend.close());
    await expect(
      backend.initialize({ user: TEST_USER, passphrase: TEST_PASSPHRASE, preference: 'keychain' }),
    ).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(existsSync(dataFiles.database(dataDir))).toBe(false);
  });

  test('a second init on the same folder is refused and the store is kept', async () => {
    const dataDir = await freshDir();
    const backend = await Backend.open({ dataDir });
    cleanups.push(() => backend.close());
    await backend.initialize({ user: TEST_USER, passphrase: TEST_PASSPHRASE, preference: 'passphrase' });
    await expect(
      backend.initialize({ user: TEST_USER, passphrase: 'another', preference: 'passphrase' }),
    ).rejects.toMatchObject({ code: 'ALREADY_INITIALIZED' });
    await backend.lock();
    expect(await backend.unlock(TEST_PASSPHRASE)).toMatchObject({ state: 'unlocked' });
  });
});

describe('passphrase from the environment', () => {
  test('LOTSEN_PASSPHRASE wins, then the first line of LOTSEN_PASSPHRASE_FILE, else none', async () => {
    const dir = await freshDir();
    const file = join(dir, 'pass.txt');
    await writeFile(file, 'från-filen med å\nsecond line\n');
    expect(
      await passphraseFromEnvironment({ LOTSEN_PASSPHRASE: 'direkt', LOTSEN_PASSPHRASE_FILE: file }),
    ).toBe('direkt');
    expect(await passphraseFromEnvironment({ LOTSEN_PASSPHRASE_FILE: file })).toBe('från-filen med å');
    expect(await passphraseFromEnvironment({})).toBeNull();
  });

  test('an unreadable or empty passphrase file is a clear error naming the file', async () => {
    const dir = await freshDir();
    const missing = join(dir, 'missing.txt');
    await expect(passphraseFromEnvironment({ LOTSEN_PASSPHRASE_FILE: missing })).rejects.toMatchObject({
      code: 'PASSPHRASE_REQUIRED',
      message: expect.stringContaining(missing),
    });
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '\n');
    await expect(passphraseFromEnvironment({ LOTSEN_PASSPHRASE_FILE: empty })).rejects.toMatchObject({
      message: expect.stringContaining('first line is empty'),
    });
  });
});
