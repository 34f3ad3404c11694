import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyedError, LotsenError } from '../../../common/api/errors.ts';
import type { AuditVerdict } from '../../../common/audit/auditEvents.ts';
import { readDataConfig } from '../../app/dataConfig.node.ts';
import { dataFiles } from '../../app/dataDir.node.ts';
import { AuditAnchors } from '../../audit/auditAnchors.node.ts';
import { verifyAuditLog } from '../../audit/auditTrail.node.ts';
import { assertStorePresent, openStore, type Db } from '../../store/database.node.ts';
import { recordingChunksFile } from '../../store/recordingChunksFile.node.ts';
import { loadDatabaseKey } from '../../vault/databaseKey.node.ts';
import type { Keychain } from '../../vault/keychain.node.ts';

/** A local store opened for reading by `team import-local`: a copy of its files, its own audit anchors checked. */
export interface LocalStoreCopy {
  readonly db: Db;
  /** The local chain held against the folder's own anchors (audit-head.json and the keychain or key file). */
  readonly auditVerdict: AuditVerdict;
  close(): Promise<void>;
}

/**
 * Opens the local store in `dataDir` as its own Lotsen would (its keychain entry, or its key file with `passphrase`)
 * without writing a byte of that folder: SQLite writes even when it only reads (a WAL-mode database gets -wal and
 * -shm files, the schema is brought up to date), so the store file and its WAL are copied into a private temporary
 * folder and the copy is opened. The copy is as encrypted as the original, and removed on close.
 */
export async function openLocalStoreCopy(
  dataDir: string,
  options: { passphrase: () => Promise<string | null>; keychain: Keychain },
): Promise<LocalStoreCopy> {
  const config = await readDataConfig(dataDir);
  if (config === null) {
    throw new LotsenError('NOT_INITIALIZED', `${dataDir} holds no Lotsen store (it has no lotsen.json).`);
  }
  if (config.dataSource) {
    throw keyedError('VALIDATION', 'team.localStoreIsTeamFolder', { folder: dataDir });
  }
  const file = dataFiles.database(dataDir);
  await assertStorePresent(file);
  await assertStoreClosed(dataDir, file);
  const key = await loadDatabaseKey(dataDir, {
    keyStore: config.keyStore,
    passphrase: config.keyStore === 'passphrase' ? await options.passphrase() : null,
    keychain: options.keychain,
  });
  // Read-only views of the folder's anchors: they are only read here, never advanced.
  const anchors = AuditAnchors.forStore({
    dataDir,
    keyStore: config.keyStore,
    keychain: options.keychain,
    databaseKey: key,
  });
  const folder = await mkdtemp(join(tmpdir(), 'lotsen-import-'));
  const removeFolder = () => rm(folder, { recursive: true, force: true });
  try {
    const copy = join(folder, 'lotsen.db');
    // The store file and its recordings' file (recordingChunksFile.node.ts); committed transactions not yet
    // checkpointed live in their WALs, whose -shm indexes are rebuilt from them.
    const copies: [from: string, to: string][] = [
      [file, copy],
      [recordingChunksFile(file), recordingChunksFile(copy)],
    ];
    for (const [from, to] of copies) {
      if (from === file || (await exists(from))) await copyFile(from, to);
      if (await exists(`${from}-wal`)) await copyFile(`${from}-wal`, `${to}-wal`);
    }
    const store = await openStore(copy, key, { keyVerified: config.keyStore === 'passphrase' });
    key.fill(0);
    try {
      const auditVerdict = await verifyAuditLog(store.db, anchors.places);
      return {
        db: store.db,
        auditVerdict,
        async close() {
          await store.close();
          await removeFolder();
        },
      };
    } catch (error) {
      await store.close();
      throw error;
    }
  } catch (error) {
    key.fill(0);
    await removeFolder();
    throw error;
  }
}

/**
 * Refuses a store some Lotsen (the app, `serve`, a command) has open: what it writes while the copy is taken could
 * leave the copy torn, and what it writes afterwards would be left behind. SQLite's WAL mode keeps the `-shm` index
 * beside the store for as long as a connection has it open and removes it when the last one closes cleanly
 * (sqlite.org/walformat.html), so its presence means open now, or a Lotsen that was killed; opening and closing that
 * Lotsen once settles the latter.
 */
async function assertStoreClosed(dataDir: string, file: string): Promise<void> {
  if (!(await exists(`${file}-shm`))) return;
  throw keyedError('CONFLICT', 'team.localStoreOpen', { folder: dataDir });
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null)) !== null;
}
