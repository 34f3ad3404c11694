import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt as scryptCallback,
  type ScryptOptions,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { keyedError, LotsenError } from '../../common/api/errors.ts';
import { writeFileAtomic } from '../app/atomicFile.node.ts';
import { sealedHeadSchema, type SealedHead } from '../audit/auditAnchor.ts';
import { lazily } from '../../common/api/lazySchema.ts';

/**
 * The database key wrapped by a passphrase, for machines without a keychain (a jump host, CI). scrypt is
 * memory-hard, so each guess costs 128 MiB and about half a second; AES-256-GCM makes a wrong passphrase fail
 * authentication instead of yielding a wrong key.
 */
const KEY_FILE_FORMAT = 'lotsen-keyfile';
const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

/** A database key wrapped by a passphrase: the key file's body, and a backup's. */
export const wrappedKeySchema = lazily(() =>
  z.object({
    kdf: z.object({
      name: z.literal('scrypt'),
      N: z
        .number()
        .int()
        .min(2 ** 14),
      r: z.number().int().min(8),
      p: z.number().int().min(1),
      salt: z.string(),
    }),
    cipher: z.literal('aes-256-gcm'),
    iv: z.string(),
    tag: z.string(),
    wrappedKey: z.string(),
  }),
);
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

const keyFileSchema = lazily(() =>
  z.object({
    format: z.literal(KEY_FILE_FORMAT),
    version: z.literal(1),
    ...wrappedKeySchema.unwrap().shape,
    /**
     * The audit log's head, sealed under a key derived from the database key: it travels with the key, so a copy of
     * the data folder without this file cannot roll it back, and it cannot be edited without the key.
     */
    auditAnchor: sealedHeadSchema.optional(),
  }),
);
type KeyFile = z.infer<typeof keyFileSchema>;

export async function writeKeyFile(path: string, key: Buffer, passphrase: string): Promise<void> {
  const file: KeyFile = {
    format: KEY_FILE_FORMAT,
    version: 1,
    ...(await wrapKey(key, passphrase, KEY_FILE_FORMAT)),
  };
  await writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
}

export async function readKeyFile(path: string, passphrase: string): Promise<Buffer> {
  const parsed = await parseKeyFile(path);
  const key = await unwrapKey(parsed, passphrase, KEY_FILE_FORMAT);
  if (key === null) {
    throw new LotsenError(
      'WRONG_PASSPHRASE',
      'Wrong passphrase: the key file did not open with it. Nothing was changed.',
    );
  }
  return key;
}

/** The sealed audit anchor the key file carries; null when it carries none. No passphrase needed: it is not secret. */
export async function readKeyFileAnchor(path: string): Promise<SealedHead | null> {
  return (await parseKeyFile(path)).auditAnchor ?? null;
}

/**
 * Rewrites the key file with a new audit anchor and everything else as it was, so each append pays a file write, not
 * scrypt. The wrapped key is copied unchanged; the file is synced before it replaces the old one, since losing it
 * loses the store.
 */
export async function writeKeyFileAnchor(path: string, anchor: SealedHead): Promise<void> {
  const file: KeyFile = { ...(await parseKeyFile(path)), auditAnchor: anchor };
  await writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n', { mode: 0o600, sync: true });
}

async function parseKeyFile(path: string): Promise<KeyFile> {
  try {
    return keyFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw keyedError('KEY_MISSING', missing ? 'storage.keyFileMissing' : 'storage.keyFileNotLotsen', {
      file: path,
    });
  }
}

/** scrypt, then AES-256-GCM with `purpose` as associated data, so a key wrapped for one use never opens as another. */
export async function wrapKey(key: Buffer, passphrase: string, purpose: string): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kdf = { name: 'scrypt' as const, ...DEFAULT_SCRYPT, salt: salt.toString('base64') };
  const wrappingKey = await deriveKey(passphrase, salt, kdf);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(Buffer.from(purpose));
  const wrappedKey = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kdf,
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrappedKey.toString('base64'),
  };
}

/** The key, or null when the passphrase (or the purpose) is not the one it was wrapped with. */
export async function unwrapKey(
  wrapped: WrappedKey,
  passphrase: string,
  purpose: string,
): Promise<Buffer | null> {
  const wrappingKey = await deriveKey(passphrase, Buffer.from(wrapped.kdf.salt, 'base64'), wrapped.kdf);
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrapped.iv, 'base64'));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrapped.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

function deriveKey(
  passphrase: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scryptCallback(passphrase.normalize('NFC'), salt, 32, options, (error, derived) =>
      error ? reject(error) : resolve(derived),
    );
  });
}
