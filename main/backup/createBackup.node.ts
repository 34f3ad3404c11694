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
import { openEncryptedConnection } from '../store/database.node.ts';
import { loadDatabaseKey } from '../vault/databaseKey.node.ts';
import { wrapKey } from '../vault/keyFile.node.ts';
import { keychain as osKeychain, type Keychain } from '../vault/keychain.node.ts';
import {
  BACKUP_FORMAT,
  BACKUP_KEY_PURPOSE,
  BACKUP_SEAL_PURPOSE,
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
 * attaches without a KEY clause gets the main database's cipher and key.
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
    // Made empty and owner-only first: SQLite writes into it and keeps its mode.
    await (await open(copy, 'wx', 0o600)).close();
    const source = openEncryptedConnection(dataFiles.database(dataDir), key);
    try {
      source.prepare('VACUUM INTO ?').run(copy);
    } finally {
      source.close();
    }

    options.onPhase?.('checking');
    const head = checkCopy(copy, key);
    const database = { bytes: (await stat(copy)).size, sha256: await sha256Of(copy) };
    const sealKey = sealingKey(key);
    const core = {
      createdAt: new Date(backend.now()).toISOString(),
      auditAnchor: sealHead(sealKey, head),
      database,
    };
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: 1,
      ...core,
      key: await wrapKey(key, options.passphrase, BACKUP_KEY_PURPOSE),
      seal: seal(sealKey, BACKUP_SEAL_PURPOSE, sealedPart(core)),
    };

    options.onPhase?.('writing');
    const staged = stageBeside(out, options.replace);
    try {
      staged.stream.write(JSON.stringify(manifest) + '\n');
      await pipeline(createReadStream(copy), staged.stream);
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
    await rm(copy, { force: true });
  }
}

/** Opens the copy as a restore will, checks it page by page, and reads the audit head it holds. */
function checkCopy(copy: string, key: Buffer): AuditHead {
  const connection = openEncryptedConnection(copy, key);
  try {
    const check = connection.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed SQLite's check (${String(check)})`);
    // Back to a single file: a backup carries no -wal beside it.
    connection.pragma('journal_mode = DELETE');
    const last = connection.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
      AuditHead | undefined;
    return last ?? GENESIS_HEAD;
  } finally {
    connection.close();
  }
}
