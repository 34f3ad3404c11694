import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { LotsenError } from '../../common/api/errors.ts';
import { migrations } from './migrations/index.ts';
import type { DatabaseSchema } from './schema.ts';

export type Db = Kysely<DatabaseSchema>;

export interface Store {
  readonly db: Db;
  readonly file: string;
  close(): Promise<void>;
}

export const DATABASE_KEY_BYTES = 32;

const migrationProvider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * A raw connection to the encrypted file with Lotsen's settings applied; the store's own connection is made here,
 * and benchmarks use it for their baseline. Throws KEY_MISMATCH when the key does not open the file.
 *
 * The whole file, its WAL and journal are encrypted by SQLite3MultipleCiphers in SQLCipher 4 format with a raw 256-bit key, so plain `sqlite3` refuses the file and no value appears in it.
 */
export function openEncryptedConnection(file: string, key: Buffer): Database.Database {
  if (key.length !== DATABASE_KEY_BYTES) {
    throw new LotsenError('KEY_MISMATCH', `The database key must be ${DATABASE_KEY_BYTES} bytes`);
  }
  const raw = new Database(file);
  try {
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key="x'${key.toString('hex')}'"`);
    try {
      raw.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new LotsenError(
          'KEY_MISMATCH',
          `The database at ${file} does not open with this key: it is damaged, or it was made with another key.`,
        );
      }
      throw error;
    }
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // Temporary tables and sort spills stay in memory: SQLite's temp files are not covered by the cipher.
    raw.pragma('temp_store = MEMORY');
    raw.pragma('secure_delete = ON');
  } catch (error) {
    raw.close();
    throw error;
  }
  return raw;
}

const connections = new WeakMap<Db, Database.Database>();

/**
 * The SQLite connection under a store's query layer, for the few hot paths that read many rows and are worth a
 * prepared statement in array mode (better-sqlite3 spends more time making row objects than reading the rows).
 * Such a read bypasses the query layer's connection lock, so it may only read rows no transaction can change or
 * remove (an approved batch's lines); null for a query layer that is not over SQLite.
 */
export function sqliteConnectionOf(db: Db): Database.Database | null {
  return connections.get(db) ?? null;
}

/** Opens (or creates) the encrypted store and brings its schema up to the latest migration. */
export async function openStore(file: string, key: Buffer): Promise<Store> {
  const raw = openEncryptedConnection(file, key);
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: raw }) });
  connections.set(db, raw);
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }

  let closed = false;
  return {
    db,
    file,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
