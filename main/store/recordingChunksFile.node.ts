import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync } from 'node:fs';

/*
 * The embedded store keeps its recordings' output in a file of its own beside lotsen.db (issue 17). Each stored batch
 * is already sealed with AES-256-GCM under its recording's own data key before it is written (recorder.ts; the key
 * lives, wrapped, in the encrypted store, and the purge destroys it), so the page cipher of lotsen.db added nothing
 * to its secrecy, but it cost most of a session's CPU: SQLCipher encrypted each page once into the WAL, then decrypted
 * and encrypted it again in every checkpoint (900 ms for a 64 MiB session on this machine, against 220 ms plain).
 * The team database already keeps the same sealed batches in PostgreSQL's own pages, unencrypted.
 *
 * What this file shows to someone holding it without the key: that recordings exist, their ids (random UUIDs that
 * name nothing outside the encrypted store), each batch's place and time in its recording and its sealed size. Not a
 * customer, a ticket or a byte of what a terminal showed: every `data` value is `sv1.<keyId>.<sealed>` and opens only
 * under a key in lotsen.db. A batch sealed under one key id does not open under another (the id is authenticated);
 * a batch moved within its recording, or removed, is not detected by its seal (noted for a later round).
 *
 * Attached to every connection of the store as the schema RECORDING_FILE_SCHEMA, so `recording_chunks` names its
 * table in every query without a schema: SQLite looks in `main` first, and from migration 0033 on `main` has none.
 */
export const RECORDING_FILE_SCHEMA = 'recording_file';

/** The recordings' file beside a store file; SQLite keeps its own -wal and -shm beside it. */
export const recordingChunksFile = (storeFile: string): string => `${storeFile}-recordings`;

/** The file and the companions SQLite makes for it. */
export const recordingChunksFiles = (storeFile: string): string[] => {
  const file = recordingChunksFile(storeFile);
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
};

/** The table, as migration 0033 moves the older stores' batches into it and a new store begins with it. */
export const RECORDING_CHUNKS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS ${RECORDING_FILE_SCHEMA}.recording_chunks (
  recording_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  offset_ms INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (recording_id, seq)
)`;

const RECORDING_FILE_PAGE_BYTES = 16 * 1024;
/**
 * The file's page cache on each connection, in KiB: SQLite's own default, 2 MB (this build's is 16 MB). A batch is
 * written once and not read back while it is recorded, so its overflow pages only pass through the cache. A writer
 * with 16 MB kept taking fresh memory for them until its cache was full, a page fault per 4 KiB: 1,000 batches of
 * 67 KB by a fresh connection took 19,000 faults and 460 ms of CPU, against 3,900 and 200 ms with 2 MB (measured
 * here). In the session bench, whose writer lives across runs, no change showed; each connection keeps 14 MB less.
 */
const RECORDING_FILE_CACHE_KIB = 2000;

/** Attaches the file to a connection (`KEY ''` keeps it unencrypted: SQLite3MultipleCiphers would otherwise give an
 * attached file the main file's key); the file is the statement's one parameter. */
export const ATTACH_RECORDING_FILE_SQL = `ATTACH DATABASE ? AS ${RECORDING_FILE_SCHEMA} KEY ''`;

/**
 * The store's settings where SQLite keeps them per file, for the attached file: WAL, freed pages zeroed (a purged
 * batch leaves no sealed copy behind) and `synchronous` as the connection's own for the store. Its pages are 16 KiB
 * (lotsen.db's 4 KiB): a batch of some 90 KB spans 6 pages instead of 23, and writing and checkpointing 90 MB of
 * batches took 100 and 57 ms of CPU instead of 130 and 100 here. SQLite takes the size only while the file is empty,
 * before it is in WAL mode, so it comes first; on a file that has pages it changes nothing.
 */
export const recordingFileSettings = (synchronous: number): string[] => [
  `${RECORDING_FILE_SCHEMA}.page_size = ${RECORDING_FILE_PAGE_BYTES}`,
  `${RECORDING_FILE_SCHEMA}.journal_mode = WAL`,
  `${RECORDING_FILE_SCHEMA}.synchronous = ${synchronous}`,
  `${RECORDING_FILE_SCHEMA}.secure_delete = ON`,
  `${RECORDING_FILE_SCHEMA}.cache_size = -${RECORDING_FILE_CACHE_KIB}`,
];

/**
 * Attaches the recordings' file to the store's connection, made owner-only if it is new (the recording writer's
 * worker attaches it with the same statements, recordingWriter.node.ts).
 */
export function attachRecordingChunks(raw: Database.Database, storeFile: string, synchronous: number): void {
  const file = recordingChunksFile(storeFile);
  closeSync(openSync(file, 'a', 0o600));
  raw.prepare(ATTACH_RECORDING_FILE_SQL).run(file);
  for (const setting of recordingFileSettings(synchronous)) raw.pragma(setting);
  raw.exec(RECORDING_CHUNKS_TABLE_SQL);
}

/**
 * A consistent copy of the recordings' file into `to` (an empty file or none), in one read transaction: for a backup.
 * Through a connection of its own without a key: a `VACUUM INTO` from the store's connection would write the copy
 * with the main file's cipher and key.
 */
export function copyRecordingChunks(storeFile: string, to: string): void {
  const plain = new Database(recordingChunksFile(storeFile), { fileMustExist: true });
  try {
    plain.prepare('VACUUM INTO ?').run(to);
  } finally {
    plain.close();
  }
}
