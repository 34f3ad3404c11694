import Database from 'better-sqlite3-multiple-ciphers';
import { statSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider, type SqliteDatabase } from 'kysely';
import type pg from 'pg';
import { keyedError, LotsenError } from '../../common/api/errors.ts';
import type { DatabaseReachability } from '../team/reachability/databaseReachability.ts';
import { LATEST_MIGRATION } from './migrations/latestMigration.ts';
import { PAGE_BYTES, pageAuthenticationKey } from './pageAuthentication.node.ts';
import {
  attachRecordingChunks,
  recordingChunksFile,
  recordingChunksFiles,
} from './recordingChunksFile.node.ts';
import type { DatabaseSchema } from './schema.ts';
import { isStoreDamage, storeDamagedError } from './storeDamage.ts';

export type Db = Kysely<DatabaseSchema>;

/**
 * An open data source: the embedded store (one encrypted SQLite file) or a team database (PostgreSQL). Code that must
 * treat them differently asks `kind`; the SQL that differs asks `storeDialect(db)` (dialect.ts).
 */
export type Store = EmbeddedStore | TeamStore;

interface OpenedStore {
  readonly db: Db;
  close(): Promise<void>;
}

export interface EmbeddedStore extends OpenedStore {
  readonly kind: 'embedded';
  readonly file: string;
}

export interface TeamStore extends OpenedStore {
  readonly kind: 'team';
  /** `host:port/database` as login and messages show it: never a password. */
  readonly database: string;
  /**
   * A new connection of its own (not from the pool), unconnected, as this login with the pool's settings (TLS,
   * search_path): for what holds one open for long, the change feed's LISTEN. The caller connects and ends it.
   */
  dedicatedClient(applicationName: string): pg.Client;
  /** Whether the database answers now, and since when (main/team/reachability/). */
  readonly reachability: DatabaseReachability;
}

export const DATABASE_KEY_BYTES = 32;

/** `synchronous = FULL`: see openEncryptedConnection. */
const STORE_SYNCHRONOUS = 2;

/** The store file, the companions SQLite keeps beside it, and the recordings' file with its own (recordingChunksFile.node.ts). */
export const storeFiles = (file: string): string[] => [
  file,
  `${file}-wal`,
  `${file}-shm`,
  `${file}-journal`,
  ...recordingChunksFiles(file),
];

/** The migrations, loaded when a store needs the migrator (a new one, or one behind this build). */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => (await import('./migrations/index.ts')).migrations,
};

/** Whether the store has every migration this build knows: its newest is the newest there is. */
function upToDate(raw: Database.Database): boolean {
  const known = raw
    .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'kysely_migration'`)
    .get();
  if (known === undefined) return false;
  const newest = raw.prepare('SELECT max(name) AS name FROM kysely_migration').get() as {
    name: string | null;
  };
  return newest.name === LATEST_MIGRATION;
}

export interface OpenOptions {
  /**
   * Whether the key is known to be this store's: a passphrase key file authenticates the key it holds, so a file
   * that key does not open is damaged. A key from the keychain may belong to another store, and the error says both.
   */
  keyVerified?: boolean;
}

/**
 * A raw connection to the encrypted file with Lotsen's settings applied; the store's own connection is made here,
 * and benchmarks use it for their baseline. The file must exist (only createStore makes one). Throws KEY_MISMATCH
 * when the key does not open the file, STORE_DAMAGED when the file cannot be read.
 *
 * The whole file, its WAL and journal are encrypted by SQLite3MultipleCiphers in SQLCipher 4 format with a raw 256-bit key, so plain `sqlite3` refuses the file and no value appears in it.
 */
export function openEncryptedConnection(
  file: string,
  key: Buffer,
  options: OpenOptions = {},
): Database.Database {
  if (key.length !== DATABASE_KEY_BYTES) {
    throw new LotsenError('KEY_MISMATCH', `The database key must be ${DATABASE_KEY_BYTES} bytes`);
  }
  const raw = new Database(file, { fileMustExist: true });
  try {
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key="x'${key.toString('hex')}'"`);
    try {
      raw.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (error) {
      // A wrong key and a ruined first page look alike; a file that ends mid-page was cut short whatever the key.
      const wholePages = statSync(file).size % PAGE_BYTES === 0;
      if ((error as { code?: string }).code === 'SQLITE_NOTADB' && !options.keyVerified && wholePages) {
        throw new LotsenError(
          'KEY_MISMATCH',
          `The database at ${file} does not open with this key: it was made with another key, or it is damaged. Nothing was changed; \`lotsen doctor\` checks the files.`,
        );
      }
      throw error;
    }
    raw.pragma('journal_mode = WAL');
    // The store of record (audit events, billing, approvals) keeps a commit once it is answered, through a power cut
    // too: every commit waits for the WAL's fsync. Set on every open, because this build otherwise runs a store in WAL
    // mode at `NORMAL` (the store's own test reads 1 on a created store and on one opened again), where a commit
    // since the last checkpoint can be lost to a power cut. Its cost is measured in README "Benchmarks".
    raw.pragma(`synchronous = ${STORE_SYNCHRONOUS}`);
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // Temporary tables and sort spills stay in memory: SQLite's temp files are not covered by the cipher.
    raw.pragma('temp_store = MEMORY');
    raw.pragma('secure_delete = ON');
  } catch (error) {
    raw.close();
    throw isStoreDamage(error) ? storeDamagedError(file, error) : error;
  }
  return raw;
}

/**
 * A connection to a store: its encrypted file with the recordings' file attached beside it
 * (recordingChunksFile.node.ts). The store's own connection is made here, and a backup's copy is read through one.
 */
export function openStoreConnection(file: string, key: Buffer, options: OpenOptions = {}): Database.Database {
  const raw = openEncryptedConnection(file, key, options);
  try {
    attachRecordingChunks(raw, file, STORE_SYNCHRONOUS);
  } catch (error) {
    raw.close();
    throw isStoreDamage(error) ? storeDamagedError(recordingChunksFile(file), error) : error;
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

const pageKeys = new WeakMap<Db, Buffer>();

const fileKeys = new WeakMap<Db, { file: string; key: Buffer }>();

/**
 * The store's file and key, for a second connection of this process's own to the same file: the recording writer's
 * worker thread (main/sessions/recording/recordingWriter.node.ts), which takes the recordings' encrypted writes off
 * the event loop. Null for a query layer not opened here (a team database).
 */
export function storeFileKeyOf(db: Db): { file: string; key: Buffer } | null {
  return fileKeys.get(db) ?? null;
}

/**
 * The connection as the query layer uses it, its transactions begun IMMEDIATE (Kysely begins them DEFERRED). The
 * file has a second writer in this process (the recording writer) and may have a CLI's: a deferred transaction that
 * reads and then writes fails at once with SQLITE_BUSY_SNAPSHOT when another connection committed in between, while
 * one that takes the write lock as it begins waits its turn (busy_timeout) and then sees the latest rows.
 */
function immediateTransactions(raw: Database.Database): SqliteDatabase {
  return {
    close: () => raw.close(),
    prepare: (query) => raw.prepare(query.trim().toLowerCase() === 'begin' ? 'begin immediate' : query),
  };
}

/** The key that checks each page of the store's file (pageAuthentication.node.ts); null for a query layer not opened here. */
export function pageAuthenticationKeyOf(db: Db): Buffer | null {
  return pageKeys.get(db) ?? null;
}

/**
 * STORE_MISSING unless the store file is there with something in it. SQLite would take a missing or empty file for a
 * new database, and an unlock would then quietly start an empty store in place of the lost one.
 */
export async function assertStorePresent(file: string): Promise<void> {
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) {
    throw keyedError('STORE_MISSING', 'storage.storeMissing', { file }, { file, reason: 'missing' });
  }
  if (size === 0) {
    throw keyedError('STORE_MISSING', 'storage.storeEmpty', { file }, { file, reason: 'empty' });
  }
}

/** Opens an existing store and brings its schema up to the latest migration; it never creates one. */
export async function openStore(
  file: string,
  key: Buffer,
  options: OpenOptions = {},
): Promise<EmbeddedStore> {
  await assertStorePresent(file);
  return migrated(openStoreConnection(file, key, options), file, key);
}

/** Makes a new store where there is no file (refusing otherwise) and gives it the schema: `lotsen init` only. */
export async function createStore(file: string, key: Buffer): Promise<EmbeddedStore> {
  // Owner-only from the first byte; SQLite gives the -wal and -shm files the main file's mode.
  await writeFile(file, '', { flag: 'wx', mode: 0o600 });
  return migrated(openStoreConnection(file, key, { keyVerified: true }), file, key);
}

async function migrated(raw: Database.Database, file: string, key: Buffer): Promise<EmbeddedStore> {
  const db = new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: immediateTransactions(raw) }),
  });
  connections.set(db, raw);
  // A copy: the caller wipes its key once the store is open; this one is wiped as the store closes.
  const kept = { file, key: Buffer.from(key) };
  fileKeys.set(db, kept);
  pageKeys.set(
    db,
    pageAuthenticationKey(key, Buffer.from(raw.pragma('cipher_salt', { simple: true }) as string, 'hex')),
  );
  let error: unknown;
  try {
    if (!upToDate(raw))
      ({ error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest());
  } catch (failure) {
    error = failure; // a damaged file fails its first read here, as it would in the migrator
  }
  if (error) {
    kept.key.fill(0);
    await db.destroy();
    if (isStoreDamage(error)) throw storeDamagedError(file, error);
    throw error instanceof Error ? error : new Error(String(error));
  }

  let closed = false;
  return {
    kind: 'embedded',
    db,
    file,
    async close() {
      if (closed) return;
      closed = true;
      kept.key.fill(0);
      await db.destroy();
    },
  };
}
