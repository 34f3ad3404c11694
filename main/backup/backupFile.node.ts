import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { z } from 'zod';
import { keyedError } from '../../common/api/errors.ts';
import { sealedHeadSchema } from '../audit/auditAnchor.ts';
import { wrappedKeySchema } from '../vault/keyFile.node.ts';

/**
 * A Lotsen backup is one file: a line of JSON (the manifest), then the encrypted database exactly as SQLite wrote it.
 * The manifest carries what a machine without the original keychain needs: the database key wrapped by a passphrase
 * (scrypt + AES-256-GCM, as lotsen.key), the audit log's head at backup time and the database's SHA-256, the last two
 * sealed under a key derived from the database key. Nothing in it is readable without the passphrase but sizes.
 */
export const BACKUP_FORMAT = 'lotsen-backup';
/** What the backup's wrapped key is bound to, so a key file's wrapping never opens as a backup's, nor the reverse. */
export const BACKUP_KEY_PURPOSE = 'lotsen-backup-key';
export const BACKUP_SEAL_PURPOSE = 'lotsen-backup';
/** A manifest is a few hundred bytes; anything without a line break this early is not a Lotsen backup. */
const MAX_MANIFEST_BYTES = 64 * 1024;

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  key: wrappedKeySchema,
  auditAnchor: sealedHeadSchema,
  database: z.object({
    bytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /** Seals createdAt, the audit anchor and the database's size and checksum together. */
  seal: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const sealedPart = (manifest: Omit<BackupManifest, 'key' | 'seal' | 'format' | 'version'>) => ({
  createdAt: manifest.createdAt,
  auditAnchor: { seq: manifest.auditAnchor.seq, hash: manifest.auditAnchor.hash },
  database: manifest.database,
});

/**
 * Reads and checks a backup file before anything is written: the manifest, the length, the checksum. Returns the
 * manifest and where the database starts. A file that is not a backup, or a damaged one, is refused with why.
 */
export async function readBackup(
  file: string,
): Promise<{ manifest: BackupManifest; databaseOffset: number }> {
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
  const expected = databaseOffset + manifest.database.bytes;
  if (info.size !== expected) {
    const key = info.size < expected ? 'storage.backupCutShort' : 'storage.backupWrongSize';
    throw keyedError('VALIDATION', key, { file, size: info.size, expected });
  }
  if ((await sha256Of(file, databaseOffset)) !== manifest.database.sha256) {
    throw keyedError('VALIDATION', 'storage.backupChecksumMismatch', { file });
  }
  return { manifest, databaseOffset };
}

export async function sha256Of(file: string, start = 0): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { start })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
