import { sql } from 'kysely';
import type { Backend } from '../../main/app/backend.node.ts';
import { dataFiles } from '../../main/app/dataDir.node.ts';
import { loadDatabaseKey } from '../../main/vault/databaseKey.node.ts';
import { keychain } from '../../main/vault/keychain.node.ts';
import type { Db } from '../../main/store/database.node.ts';
import { storeDialect } from '../../main/store/dialect.ts';
import { TEAM_SCHEMA } from '../../main/store/teamDatabase.node.ts';
import { decryptedStorePages } from './decryptedStorePages.ts';
import { TEST_PASSPHRASE } from './passphraseBackend.ts';

/**
 * Every decrypted page of a passphrase backend's store file (openPassphraseBackend), free pages included, after a
 * checkpoint: what a test searches to show a text is not in the file in the clear. On a team database, what the server
 * keeps instead: every row of every Lotsen table, as text (a text sealed there is sealed in its pages too).
 */
export async function backendStorePages(backend: Backend, dataDir: string): Promise<Buffer> {
  const db = backend.registryContext().db;
  if (storeDialect(db) === 'postgres') return teamDatabaseRows(db);
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(backend.registryContext().db);
  const key = await loadDatabaseKey(dataDir, {
    keyStore: 'passphrase',
    passphrase: TEST_PASSPHRASE,
    keychain,
  });
  return decryptedStorePages(dataFiles.database(dataDir), key);
}

async function teamDatabaseRows(db: Db): Promise<Buffer> {
  const tables = await sql<{
    name: string;
  }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = ${TEAM_SCHEMA}`.execute(db);
  const texts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(name)} t`.execute(db);
    texts.push(...rows.rows.map((r) => r.row));
  }
  return Buffer.from(texts.join('\n'), 'utf8');
}
