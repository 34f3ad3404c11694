import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Backend } from '../app/backend.node.ts';
import { dataFiles } from '../app/dataDir.node.ts';
import { assertExportTarget, stageBeside } from '../app/stagedFile.node.ts';
import { GENESIS_HEAD, seal, sealHead, sealingKey, type AuditHead } from '../audit/auditAnchor.ts';
import { personalDetail } from '../audit/auditDetails.ts';
import { openEncryptedConnection, openStoreConnection, storeFiles } from '../store/database.node.ts';
import {
  copyRecordingChunks,
  RECORDING_FILE_SCHEMA,
  recordingChunksFile,
} from '../store/recordingChunksFile.node.ts';
import { loadDatabaseKey } from '../vault/databaseKey.node.ts';
import { wrapKey } from '../vault/keyFile.node.ts';
import { keychain as osKeychain, type Keychain } from '../vault/keychain.node.ts';
import {
  BACKUP_FORMAT,
  BACKUP_KEY_PURPOSE,
  BACKUP_SEAL_PURPOSE,
  BACKUP_VERSION,
  sealedPart,
  sha256Of,
  type BackupManifest,
} from './backupFile.node.ts';

export type BackupPhase = 'copying' | 'checking' | 'writing';

export interface BackupOptions {
  /** Wraps the key in the backup; for a passphrase store, its own passphrase (the key is read with it). */
  passphrase: string;
  replace: boolean;
  keychain?: Keychain;
  onPhase?: (phase: BackupPhase) => void;
}

/**
 * An online, consistent, encrypted copy of the unlocked store in one file (see backupFile.node.ts), written
 * owner-only and audited, since a backup is an export of everything.
 *
 * The copy is SQLite's `VACUUM INTO` on a connection of its own: one read transaction, so it is consistent while
 * the app goes on writing (WAL). SQLite's backup API cannot make it here: better-sqlite3 opens the backup's
 * destination without a key, and SQLite3MultipleCiphers refuses a backup from an encrypted database into a plain one
 * ("backup is not supported with incompatible source and target databases"), whereas the target `VACUUM INTO`
 * attaches without a KEY clause gets the main database's cipher and key. The recordings' file is copied the same way
 * right after (copyRecordingChunks), in a read transaction of its own: a batch written between the two copies is in the recordings' copy
 * without its recording's row (never listed, its key not in the copy), while a batch the database's copy counts is
 * always in it.
 */
export async function createBackup(
  backend: Backend,
  out: string,
  options: BackupOptions,
): Promise<{ bytes: number; events: number }> {
  const { dataDir } = backend;
  backend.registryContext(); // unlocked, or VAULT_LOCKED before anything is touched
  await assertExportTarget(out, options.replace);
  const keyStore = backend.status().keyStore!;
  const key = await loadDatabaseKey(dataDir, {
    keyStore,
    passphrase: keyStore === 'passphrase' ? options.passphrase : null,
    keychain: options.keychain ?? osKeychain,
  });
  const copy = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.db.partial`);
  try {
    options.onPhase?.('copying');
    const recordingsCopy = recordingChunksFile(copy);
    // Made empty and owner-only first: SQLite writes into them and keeps their mode.
    for (const file of [copy, recordingsCopy]) await (await open(file, 'wx', 0o600)).close();
    const source = openEncryptedConnection(dataFiles.database(dataDir), key);
    try {
      source.prepare('VACUUM INTO ?').run(copy);
    } finally {
      source.close();
    }
    copyRecordingChunks(dataFiles.database(dataDir), recordingsCopy);

    options.onPhase?.('checking');
    const head = checkCopy(copy, key);
    const partOf = async (file: string) => ({ bytes: (await stat(file)).size, sha256: await sha256Of(file) });
    const database = await partOf(copy);
    const recordings = await partOf(recordingsCopy);
    const sealKey = sealingKey(key);
    const core = {
      createdAt: new Date(backend.now()).toISOString(),
      auditAnchor: sealHead(sealKey, head),
      database,
      recordings,
    };
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      ...core,
      key: await wrapKey(key, options.passphrase, BACKUP_KEY_PURPOSE),
      seal: seal(sealKey, BACKUP_SEAL_PURPOSE, sealedPart(core)),
    };

    options.onPhase?.('writing');
    const staged = stageBeside(out, options.replace);
    try {
      staged.stream.write(JSON.stringify(manifest) + '\n');
      for (const part of [copy, recordingsCopy]) {
        await pipeline(createReadStream(part), staged.stream, { end: part === recordingsCopy });
      }
      await staged.assertTargetFree();
      // Recorded before the file appears: a backup the log cannot record never lands.
      await backend.audit().append({
        event: 'store.backed_up',
        details: { file: personalDetail(out), bytes: database.bytes, events: head.seq },
      });
      await staged.place();
    } catch (error) {
      await staged.discard();
      throw error;
    }
    return { bytes: database.bytes, events: head.seq };
  } finally {
    key.fill(0);
    await Promise.all(storeFiles(copy).map((file) => rm(file, { force: true })));
  }
}

/**
 * Opens the copy as a restore will (its recordings' copy attached beside it), checks both page by page, and reads the
 * audit head it holds.
 */
function checkCopy(copy: string, key: Buffer): AuditHead {
  const connection = openStoreConnection(copy, key);
  try {
    const check = connection.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed SQLite's check (${String(check)})`);
    // Back to single files: a backup carries no -wal beside either.
    connection.pragma('journal_mode = DELETE');
    connection.pragma(`${RECORDING_FILE_SCHEMA}.journal_mode = DELETE`);
    const last = connection.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
      AuditHead | undefined;
    return last ?? GENESIS_HEAD;
  } finally {
    connection.close();
  }
}
