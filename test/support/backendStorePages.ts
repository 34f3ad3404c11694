import { sql } from 'kysely';
import type { Backend } from '../../main/app/backend.node.ts';
import { dataFiles } from '../../main/app/dataDir.node.ts';
import { loadDatabaseKey } from '../../main/vault/databaseKey.node.ts';
import { keychain } from '../../main/vault/keychain.node.ts';
import { decryptedStorePages } from './decryptedStorePages.ts';
import { TEST_PASSPHRASE } from './passphraseBackend.ts';

/**
 * Every decrypted page of a passphrase backend's store file (openPassphraseBackend), free pages included, after a
 * checkpoint: what a test searches to show a text is not in the file in the clear.
 */
export async function backendStorePages(backend: Backend, dataDir: string): Promise<Buffer> {
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(backend.registryContext().db);
  const key = await loadDatabaseKey(dataDir, {
    keyStore: 'passphrase',
    passphrase: TEST_PASSPHRASE,
    keychain,
  });
  return decryptedStorePages(dataFiles.database(dataDir), key);
}
