import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { keychainAskedEarly } from '../../../main/cli/earlyKeychain.node.ts';
import { keychainAccount } from '../../../main/vault/databaseKey.node.ts';
import { keychain } from '../../../main/vault/keychain.node.ts';
import { requireSecretService } from '../../support/secretService.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * The CLI asks the keychain for the database key before it loads the backend (issue 17), against the real Secret
 * Service (scripts/with-keyring.sh): the first read of that entry takes the answer asked for early, every later one
 * asks again, and only an embedded keychain store is asked at all.
 */
requireSecretService();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function folderWith(config: Record<string, unknown> | null): Promise<string> {
  const { dir, cleanup } = await makeTempDataDir('lotsen-early-keychain-');
  cleanups.push(cleanup, () => keychain.delete(keychainAccount(dir)));
  if (config !== null) await writeFile(dataFiles.config(dir), JSON.stringify(config));
  return dir;
}

const embedded = {
  format: 'lotsen-data',
  version: 1,
  keyStore: 'keychain',
  createdAt: '2026-12-07T10:00:00Z',
};

describe('the keychain asked early', () => {
  test('reads the database key at once; the first read of it takes that answer, later ones ask again', async () => {
    const dir = await folderWith(embedded);
    await keychain.set(keychainAccount(dir), 'databasnyckel');
    // The real keychain, with its reads of the key counted.
    const reads: string[] = [];
    const counted = { ...keychain, get: (account: string) => (reads.push(account), keychain.get(account)) };
    const asked = await keychainAskedEarly(dir, counted);
    expect(reads).toEqual([keychainAccount(dir)]);
    expect(await asked!.get(keychainAccount(dir))).toBe('databasnyckel');
    expect(reads).toHaveLength(1);
    expect(await asked!.get(keychainAccount(dir))).toBe('databasnyckel');
    expect(await asked!.get('probe')).toBeNull();
    expect(reads).toEqual([keychainAccount(dir), keychainAccount(dir), 'probe']);
  });

  test('is not asked for a passphrase store, a team store or a folder without lotsen.json', async () => {
    expect(
      await keychainAskedEarly(await folderWith({ ...embedded, keyStore: 'passphrase' })),
    ).toBeUndefined();
    const team = {
      host: 'db.leverantor.se',
      port: 5432,
      database: 'lotsen',
      login: 'tekla',
      tls: { mode: 'verify' },
    };
    expect(await keychainAskedEarly(await folderWith({ ...embedded, dataSource: team }))).toBeUndefined();
    expect(await keychainAskedEarly(await folderWith(null))).toBeUndefined();
  });
});
