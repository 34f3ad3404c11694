import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { openEncryptedConnection, openStore } from '../../../main/store/database.node.ts';
import { readKeyFile } from '../../../main/vault/keyFile.node.ts';
import { openPassphraseBackend, TEST_PASSPHRASE } from '../../support/passphraseBackend.ts';
import { orgNumber } from '../../support/orgNumbers.ts';

// A machine with no keychain: the key is in lotsen.key, wrapped by the passphrase.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/lotsen-no-bus';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A set-up, locked data folder whose store holds a few customers. */
async function lockedFolder(): Promise<string> {
  const opened = await openPassphraseBackend();
  cleanups.push(opened.cleanup);
  const api = createApi(opened.backend);
  for (let i = 0; i < 40; i++) {
    const result = await api.dispatch('registry.createCustomer', {
      name: `Skola ${i}`,
      orgNumber: orgNumber('556677', 100 + i),
      kind: 'school_chain',
    });
    expect(result.ok).toBe(true);
  }
  await opened.backend.close();
  return opened.dataDir;
}

/** Names, modes and contents of every file: "unchanged" means this is equal. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const digest = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
    result[name] = `${((await stat(path)).mode & 0o777).toString(8)} ${digest}`;
  }
  result['.'] = ((await stat(dir)).mode & 0o777).toString(8);
  return result;
}

async function unlockFails(dataDir: string) {
  const backend = await Backend.open({ dataDir });
  cleanups.push(() => backend.close());
  const viaApi = await createApi(backend).dispatch('app.unlock', { passphrase: TEST_PASSPHRASE });
  expect(viaApi.ok).toBe(false);
  expect(backend.status().state).toBe('locked');
  return {
    backend,
    error: (viaApi as { error: { code: string; message: string; details?: unknown } }).error,
  };
}

describe('a store file that is gone or damaged', () => {
  test('a deleted lotsen.db with the key present is reported, never replaced by a fresh empty store', async () => {
    const dataDir = await lockedFolder();
    await rm(dataFiles.database(dataDir));
    const before = await snapshot(dataDir);

    const { backend, error } = await unlockFails(dataDir);
    expect(error).toMatchObject({ code: 'STORE_MISSING', details: { reason: 'missing' } });
    expect(error.message).toContain(`The store ${dataFiles.database(dataDir)} is missing`);
    expect(error.message).toContain('did not make a new, empty one');
    expect(error.message).toContain('lotsen restore FILE');
    expect(await snapshot(dataDir)).toEqual(before);
    // Asked again, the answer is the same: the first refusal left nothing behind for the second to open.
    await expect(backend.unlock(TEST_PASSPHRASE)).rejects.toMatchObject({ code: 'STORE_MISSING' });
    expect(await snapshot(dataDir)).toEqual(before);
  });

  test('an emptied (0-byte) lotsen.db is reported the same way and stays as it is', async () => {
    const dataDir = await lockedFolder();
    await truncate(dataFiles.database(dataDir), 0);
    const before = await snapshot(dataDir);

    const { error } = await unlockFails(dataDir);
    expect(error).toMatchObject({ code: 'STORE_MISSING', details: { reason: 'empty' } });
    expect(error.message).toContain('is empty (0 bytes)');
    expect(await snapshot(dataDir)).toEqual(before);
  });

  test('a half-truncated lotsen.db is STORE_DAMAGED with guidance, never SQLite’s own words', async () => {
    const dataDir = await lockedFolder();
    const file = dataFiles.database(dataDir);
    await truncate(file, Math.floor((await stat(file)).size / 2));
    const before = await snapshot(dataDir);

    const { error } = await unlockFails(dataDir);
    expect(error.code).toBe('STORE_DAMAGED');
    expect(error.message).toContain('lotsen doctor');
    expect(error.message).toContain('lotsen restore FILE');
    expect(error.message).not.toMatch(/SQLITE|malformed|disk image/i);
    expect(await snapshot(dataDir)).toEqual(before);
  });

  test('garbage in place of lotsen.db is STORE_DAMAGED when the key is known to be right', async () => {
    const dataDir = await lockedFolder();
    const file = dataFiles.database(dataDir);
    await writeFile(file, Buffer.alloc((await stat(file)).size, 0x5a));

    const { error } = await unlockFails(dataDir);
    expect(error.code).toBe('STORE_DAMAGED');
    expect(error.message).not.toMatch(/SQLITE|not a database/i);
  });

  test('a page damaged under an unlocked store: the call that reads it is STORE_DAMAGED, not INTERNAL', async () => {
    const dataDir = await lockedFolder();
    const file = dataFiles.database(dataDir);
    const raw = openEncryptedConnection(file, await readKeyFile(dataFiles.keyFile(dataDir), TEST_PASSPHRASE));
    const { pageno } = raw
      .prepare(`SELECT pageno FROM dbstat WHERE name = 'customers' AND pagetype = 'leaf' LIMIT 1`)
      .get() as { pageno: number };
    raw.close();
    const bytes = await readFile(file);
    bytes[(pageno - 1) * 4096 + 300]! ^= 0xff;
    await writeFile(file, bytes);

    const backend = await Backend.open({ dataDir });
    cleanups.push(() => backend.close());
    await backend.unlock(TEST_PASSPHRASE);
    const listed = await createApi(backend).dispatch('registry.listCustomers', {});
    expect(listed).toMatchObject({ ok: false, error: { code: 'STORE_DAMAGED' } });
    const message = (listed as { error: { message: string } }).error.message;
    expect(message).toContain('lotsen doctor');
    expect(message).not.toMatch(/SQLITE|malformed/i);
  });

  test('with a key that may be another store’s (the keychain’s), an unreadable file names both causes; one cut mid-page is damage', async () => {
    const dataDir = await lockedFolder();
    const file = dataFiles.database(dataDir);
    const notItsKey = randomBytes(32);
    const mismatch = await openStore(file, notItsKey).catch((e) => e);
    expect(mismatch).toMatchObject({ code: 'KEY_MISMATCH' });
    expect(mismatch.message).toMatch(/made with another key, or it is damaged/);

    await truncate(file, (await stat(file)).size - 1000);
    await expect(openStore(file, notItsKey)).rejects.toMatchObject({ code: 'STORE_DAMAGED' });
  });
});
