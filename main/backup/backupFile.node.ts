import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { z } from 'zod';
import { keyedError } from '../../common/api/errors.ts';
import { sealedHeadSchema } from '../audit/auditAnchor.ts';
import { wrappedKeySchema } from '../vault/keyFile.node.ts';

/**
 * A Lotsen backup is one file: a line of JSON (the manifest), then the encrypted database exactly as SQLite wrote it,
 * then (from version 2) the recordings' file, whose batches are sealed under keys in the database
 * (main/store/recordingChunksFile.node.ts). The manifest carries what a machine without the original keychain needs:
 * the database key wrapped by a passphrase (scrypt + AES-256-GCM, as lotsen.key), the audit log's head at backup time
 * and both parts' sizes and SHA-256, all but the key sealed under a key derived from the database key. Nothing in it
 * is readable without the passphrase but sizes. A version 1 backup (before the recordings' file) restores as it did:
 * its recordings are in its database, and the store's migration moves them.
 */
export const BACKUP_FORMAT = 'lotsen-backup';
/** What the backup's wrapped key is bound to, so a key file's wrapping never opens as a backup's, nor the reverse. */
export const BACKUP_KEY_PURPOSE = 'lotsen-backup-key';
export const BACKUP_SEAL_PURPOSE = 'lotsen-backup';
/** A manifest is a few hundred bytes; anything without a line break this early is not a Lotsen backup. */
const MAX_MANIFEST_BYTES = 64 * 1024;

const partSchema = z.object({
  bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupPart = z.infer<typeof partSchema>;

const manifestFields = {
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.iso.datetime(),
  key: wrappedKeySchema,
  auditAnchor: sealedHeadSchema,
  database: partSchema,
  /** Seals createdAt, the audit anchor and the parts' sizes and checksums together. */
  seal: z.string().regex(/^[0-9a-f]{64}$/),
};

export const backupManifestSchema = z.discriminatedUnion('version', [
  z.object({ ...manifestFields, version: z.literal(1) }),
  z.object({ ...manifestFields, version: z.literal(2), recordings: partSchema }),
]);
export type BackupManifest = z.infer<typeof backupManifestSchema>;
/** What this build writes. */
export const BACKUP_VERSION = 2;

export const sealedPart = (manifest: {
  createdAt: string;
  auditAnchor: { seq: number; hash: string };
  database: BackupPart;
  recordings?: BackupPart;
}) => ({
  createdAt: manifest.createdAt,
  auditAnchor: { seq: manifest.auditAnchor.seq, hash: manifest.auditAnchor.hash },
  database: manifest.database,
  ...(manifest.recordings ? { recordings: manifest.recordings } : {}),
});

/**
 * Reads and checks a backup file before anything is written: the manifest, the length, the checksums. Returns the
 * manifest and where the database (and the recordings' file, version 2) start. A file that is not a backup, or a
 * damaged one, is refused with why.
 */
export async function readBackup(
  file: string,
): Promise<{ manifest: BackupManifest; databaseOffset: number; recordingsOffset: number | null }> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw keyedError('NOT_FOUND', 'storage.backupFileMissing', { file });
  const head = Buffer.alloc(Math.min(MAX_MANIFEST_BYTES, info.size));
  const handle = await open(file, 'r');
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const end = head.indexOf(0x0a);
  const parsed =
    end < 0 ? null : backupManifestSchema.safeParse(safeJson(head.subarray(0, end).toString('utf8')));
  if (!parsed?.success) {
    throw keyedError('VALIDATION', 'storage.notABackup', { file });
  }
  const manifest = parsed.data;
  const databaseOffset = end + 1;
  const recordingsOffset = databaseOffset + manifest.database.bytes;
  const recordings = manifest.version === 2 ? manifest.recordings : null;
  const expected = recordingsOffset + (recordings?.bytes ?? 0);
  if (info.size !== expected) {
    const key = info.size < expected ? 'storage.backupCutShort' : 'storage.backupWrongSize';
    throw keyedError('VALIDATION', key, { file, size: info.size, expected });
  }
  const altered =
    (await sha256Of(file, databaseOffset, recordingsOffset)) !== manifest.database.sha256 ||
    (recordings !== null && (await sha256Of(file, recordingsOffset)) !== recordings.sha256);
  if (altered) throw keyedError('VALIDATION', 'storage.backupChecksumMismatch', { file });
  return { manifest, databaseOffset, recordingsOffset: recordings ? recordingsOffset : null };
}

/** The SHA-256 of `file` from `start` up to `end` (exclusive; the end of the file unless given). */
export async function sha256Of(file: string, start = 0, end?: number): Promise<string> {
  const hash = createHash('sha256');
  const range = end === undefined ? { start } : { start, end: end - 1 };
  for await (const chunk of createReadStream(file, range)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
