import { randomBytes } from 'node:crypto';
import type { KeyStore } from '../../common/api/contract.ts';
import { keyedError, LotsenError } from '../../common/api/errors.ts';
import { dataFiles } from '../app/dataDir.node.ts';
import { DATABASE_KEY_BYTES } from '../store/database.node.ts';
import type { Keychain } from './keychain.node.ts';
import { readKeyFile, writeKeyFile } from './keyFile.node.ts';

export type KeyStorePreference = KeyStore | 'auto';

/** One keychain entry per data folder, so two `LOTSEN_HOME`s on one machine never share a key. */
export const keychainAccount = (dataDir: string) => `database-key:${dataDir}`;

const NO_KEY_STORE_HELP =
  'Give a passphrase (LOTSEN_PASSPHRASE, LOTSEN_PASSPHRASE_FILE, or the prompt) or start an OS keychain ' +
  '(on Linux a Secret Service such as gnome-keyring). Lotsen never stores its database key in plain text.';

/** Makes the random 256-bit database key and stores it (see storeDatabaseKey). */
export async function createDatabaseKey(
  dataDir: string,
  options: { preference: KeyStorePreference; passphrase: string | null; keychain: Keychain },
): Promise<{ key: Buffer; keyStore: KeyStore }> {
  const key = randomBytes(DATABASE_KEY_BYTES);
  return { key, keyStore: await storeDatabaseKey(dataDir, key, options) };
}

/**
 * Puts a database key in the keychain, or wraps it with the passphrase in a key file: a new key at set-up, or one
 * recovered from a backup. With `auto`, the keychain wins when it answers.
 */
export async function storeDatabaseKey(
  dataDir: string,
  key: Buffer,
  options: { preference: KeyStorePreference; passphrase: string | null; keychain: Keychain },
): Promise<KeyStore> {
  const { preference, passphrase, keychain } = options;

  if (preference !== 'passphrase') {
    const probe = await keychain.probe();
    if (probe.available) {
      await keychain.set(keychainAccount(dataDir), key.toString('base64'));
      return 'keychain';
    }
    if (preference === 'keychain') {
      throw new LotsenError('KEYCHAIN_UNAVAILABLE', `No OS keychain answered: ${probe.reason}`);
    }
    if (passphrase === null) {
      throw new LotsenError(
        'NO_KEY_STORE',
        `No OS keychain answered (${probe.reason}) and no passphrase was given. ${NO_KEY_STORE_HELP}`,
      );
    }
  }
  if (passphrase === null) {
    throw new LotsenError('PASSPHRASE_REQUIRED', `A passphrase is required. ${NO_KEY_STORE_HELP}`);
  }
  await writeKeyFile(dataFiles.keyFile(dataDir), key, passphrase);
  return 'passphrase';
}

export async function loadDatabaseKey(
  dataDir: string,
  options: { keyStore: KeyStore; passphrase: string | null; keychain: Keychain },
): Promise<Buffer> {
  if (options.keyStore === 'keychain') {
    const stored = await options.keychain.get(keychainAccount(dataDir));
    if (stored === null) {
      throw keyedError('KEY_MISSING', 'storage.keychainHoldsNoKey', { folder: dataDir });
    }
    return Buffer.from(stored, 'base64');
  }
  if (options.passphrase === null) {
    throw new LotsenError(
      'PASSPHRASE_REQUIRED',
      'This store is locked with a passphrase; enter it to unlock.',
    );
  }
  return readKeyFile(dataFiles.keyFile(dataDir), options.passphrase);
}

/** Removes a key made by a failed initialisation, so a retry starts clean. */
export async function discardDatabaseKey(
  dataDir: string,
  keyStore: KeyStore,
  keychain: Keychain,
): Promise<void> {
  if (keyStore === 'keychain') await keychain.delete(keychainAccount(dataDir)).catch(() => false);
}
