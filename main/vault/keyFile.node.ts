import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt as scryptCallback,
  type ScryptOptions,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { LotsenError } from '../../common/api/errors.ts';
import { writeFileAtomic } from '../app/atomicFile.node.ts';

/**
 * The database key wrapped by a passphrase, for machines without a keychain (a jump host, CI). scrypt is
 * memory-hard, so each guess costs 128 MiB and about half a second; AES-256-GCM makes a wrong passphrase fail
 * authentication instead of yielding a wrong key.
 */
const KEY_FILE_FORMAT = 'lotsen-keyfile';
const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(1),
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
});
type KeyFile = z.infer<typeof keyFileSchema>;

export async function writeKeyFile(path: string, key: Buffer, passphrase: string): Promise<void> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kdf = { name: 'scrypt' as const, ...DEFAULT_SCRYPT, salt: salt.toString('base64') };
  const wrappingKey = await deriveKey(passphrase, salt, kdf);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(Buffer.from(KEY_FILE_FORMAT));
  const wrappedKey = Buffer.concat([cipher.update(key), cipher.final()]);
  const file: KeyFile = {
    format: KEY_FILE_FORMAT,
    version: 1,
    kdf,
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrappedKey.toString('base64'),
  };
  await writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
}

export async function readKeyFile(path: string, passphrase: string): Promise<Buffer> {
  let parsed: KeyFile;
  try {
    parsed = keyFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'it does not exist'
        : 'it is not a Lotsen key file';
    throw new LotsenError('KEY_MISSING', `Cannot read the key file ${path}: ${reason}.`);
  }
  const wrappingKey = await deriveKey(passphrase, Buffer.from(parsed.kdf.salt, 'base64'), parsed.kdf);
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(parsed.iv, 'base64'));
  decipher.setAAD(Buffer.from(KEY_FILE_FORMAT));
  decipher.setAuthTag(Buffer.from(parsed.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(parsed.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    throw new LotsenError(
      'WRONG_PASSPHRASE',
      'Wrong passphrase: the key file did not open with it. Nothing was changed.',
    );
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
