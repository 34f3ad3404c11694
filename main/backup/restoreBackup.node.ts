import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { KeyStore } from '../../common/api/contract.ts';
import { keyedError, LotsenError } from '../../common/api/errors.ts';
import { writeDataConfig } from '../app/dataConfig.node.ts';
import { dataFiles } from '../app/dataDir.node.ts';
import { openSealedHead, sealingKey, sealMatches } from '../audit/auditAnchor.ts';
import { AuditAnchors } from '../audit/auditAnchors.node.ts';
import { verifyAuditLog } from '../audit/auditTrail.node.ts';
import { openStore, type Store } from '../store/database.node.ts';
import { recordingChunksFile } from '../store/recordingChunksFile.node.ts';
import { findLocalUser } from '../users/localUser.ts';
import { discardDatabaseKey, storeDatabaseKey, type KeyStorePreference } from '../vault/databaseKey.node.ts';
import { unwrapKey } from '../vault/keyFile.node.ts';
import type { Keychain } from '../vault/keychain.node.ts';
import { BACKUP_KEY_PURPOSE, BACKUP_SEAL_PURPOSE, readBackup, sealedPart } from './backupFile.node.ts';

export interface RestoreOptions {
  /** The backup's passphrase; a passphrase store made by the restore is locked with it too. */
  passphrase: string;
  preference: KeyStorePreference;
  keychain: Keychain;
  now: () => number;
}

/**
 * Makes a data folder from a backup: the database, the key in a key store (as `init` chooses one), the audit anchors
 * at the backup's head, and lotsen.json last. Only into an empty or missing folder; the backup is checked whole
 * (checksum, passphrase, seal, SQLite's check, the audit log against its anchor) and anything that fails leaves the
 * folder as it was found.
 */
export async function restoreBackup(
  file: string,
  dataDir: string,
  options: RestoreOptions,
): Promise<{ keyStore: KeyStore; events: number }> {
  const folderExisted = await assertEmptyFolder(dataDir);
  const { manifest, databaseOffset, recordingsOffset } = await readBackup(file);
  const key = await unwrapKey(manifest.key, options.passphrase, BACKUP_KEY_PURPOSE);
  if (key === null) {
    throw new LotsenError(
      'WRONG_PASSPHRASE',
      `Wrong passphrase for ${file}: its key did not open with it. Nothing was restored.`,
    );
  }
  const sealKey = sealingKey(key);
  const head = openSealedHead(sealKey, manifest.auditAnchor);
  if (head === null || !sealMatches(sealKey, BACKUP_SEAL_PURPOSE, sealedPart(manifest), manifest.seal)) {
    key.fill(0);
    throw keyedError('VALIDATION', 'storage.backupAltered', { file });
  }

  let store: Store | null = null;
  let keyStore: KeyStore | null = null;
  let anchors: AuditAnchors | null = null;
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const database = dataFiles.database(dataDir);
    const parts: [from: { start: number; end?: number }, to: string][] = [
      [{ start: databaseOffset, end: databaseOffset + manifest.database.bytes - 1 }, database],
    ];
    if (recordingsOffset !== null) parts.push([{ start: recordingsOffset }, recordingChunksFile(database)]);
    for (const [range, to] of parts) {
      await pipeline(createReadStream(file, range), createWriteStream(to, { flags: 'wx', mode: 0o600 }));
    }
    store = await openStore(dataFiles.database(dataDir), key);
    if ((await findLocalUser(store.db)) === null) {
      throw keyedError('VALIDATION', 'storage.backupWithoutUser', { file });
    }
    keyStore = await storeDatabaseKey(dataDir, key, options);
    anchors = AuditAnchors.forStore({ dataDir, keyStore, keychain: options.keychain, databaseKey: key });
    await anchors.establish(head);
    const verdict = await verifyAuditLog(store.db, anchors.places);
    if (!verdict.intact) {
      // The log's own reason is English prose (main/audit): the CLI prints it as an issue below the detail.
      throw keyedError(
        'VALIDATION',
        'storage.backupAuditMismatch',
        { file, seq: verdict.firstBadSeq ?? 0 },
        { issues: [{ path: '', message: verdict.reason ?? '' }] },
      );
    }
    await store.close();
    await writeDataConfig(dataDir, {
      format: 'lotsen-data',
      version: 1,
      keyStore,
      createdAt: new Date(options.now()).toISOString(),
      auditAnchored: true,
    });
    return { keyStore, events: verdict.events };
  } catch (error) {
    await store?.close();
    await anchors?.discard();
    if (keyStore !== null) await discardDatabaseKey(dataDir, keyStore, options.keychain);
    await emptyFolder(dataDir, folderExisted);
    throw error;
  } finally {
    key.fill(0);
  }
}

/** Whether the folder was there; refuses (CONFLICT) one that holds anything. */
async function assertEmptyFolder(dataDir: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (entries.length > 0) {
    throw keyedError('CONFLICT', 'storage.restoreTargetNotEmpty', { folder: dataDir });
  }
  return true;
}

/** The folder was empty before the restore, so everything in it now is the restore's own. */
async function emptyFolder(dataDir: string, keepFolder: boolean): Promise<void> {
  const entries = await readdir(dataDir).catch(() => []);
  await Promise.all(entries.map((entry) => rm(join(dataDir, entry), { recursive: true, force: true })));
  if (!keepFolder) await rmdir(dataDir).catch(() => undefined);
}
