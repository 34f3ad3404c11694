import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Text sealed with AES-256-GCM under one data key, for both key trees: personal text (`pd1`,
 * main/personalData/personalDataKeys.ts) and the vault's secrets and recordings (`sv1`, secretVault.ts). The sealed
 * form names its key (`<prefix>.<keyId>.<base64url(iv | ciphertext | tag)>`), so a value found anywhere (a ticket
 * row, an audit event's details, an approved billing line) can be opened without knowing where it came from, and
 * becomes unreadable everywhere at once when its key is destroyed. Also the wrapping of those data keys by a tree key.
 */
const PREFIX = 'pd1';
/** The prefixes of sealed forms: personal text, and access secrets of the vault (secretVault.ts). */
export type SealedPrefix = 'pd1' | 'sv1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

export interface SealedParts {
  prefix: SealedPrefix;
  keyId: string;
  payload: Buffer;
}

export function sealText(keyId: string, key: Buffer, text: string, prefix: SealedPrefix = PREFIX): string {
  return `${prefix}.${keyId}.${sealedPayload(keyId, key, text, prefix).toString('base64url')}`;
}

/** iv | ciphertext | tag; the key id is authenticated: a sealed value moved under another key's id does not open. */
function sealedPayload(keyId: string, key: Buffer, text: string, prefix: SealedPrefix): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${prefix}.${keyId}`));
  const body = cipher.update(text, 'utf8');
  const last = cipher.final();
  return Buffer.concat([iv, body, last, cipher.getAuthTag()]);
}

/**
 * The same sealed form as bytes, for a column that holds them (the embedded store's recorded batches,
 * main/store/recordingChunksFile.node.ts): `<prefix>.<keyId>.` in ASCII, then iv | ciphertext | tag unencoded, a
 * quarter smaller than its base64 and not encoded at all. `sealedTextOf` gives its text form.
 */
export function sealTextAsBytes(keyId: string, key: Buffer, text: string, prefix: SealedPrefix): Buffer {
  const head = Buffer.from(`${prefix}.${keyId}.`, 'latin1');
  return Buffer.concat([head, sealedPayload(keyId, key, text, prefix)]);
}

/** The text form of a sealed value stored as bytes (sealTextAsBytes); a text form is returned as it is. */
export function sealedTextOf(value: string | Uint8Array): string {
  if (typeof value === 'string') return value;
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const keyEnd = bytes.indexOf(0x2e, bytes.indexOf(0x2e) + 1);
  // Not a sealed value's bytes: a text form that does not parse, so every reader refuses it as it would any other.
  if (keyEnd < 0) return bytes.toString('latin1');
  return bytes.toString('latin1', 0, keyEnd + 1) + bytes.toString('base64url', keyEnd + 1);
}

/** The key id and payload of a sealed value; null for anything that is not one. */
export function sealedParts(value: string, expected: SealedPrefix = PREFIX): SealedParts | null {
  const [prefix, keyId, payload, ...rest] = value.split('.');
  if (prefix !== expected || !keyId || !payload || rest.length > 0) return null;
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) return null;
  return { prefix: expected, keyId, payload: bytes };
}

/** Personal text (`pd1.`); one argument only, so it can be given to `filter` as it is. */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && sealedParts(value) !== null;
}

/** Throws when the payload was changed or the key is not the one it was sealed with. */
export function openSealed(parts: SealedParts, key: Buffer): string {
  const iv = parts.payload.subarray(0, IV_BYTES);
  const tag = parts.payload.subarray(parts.payload.length - TAG_BYTES);
  const body = parts.payload.subarray(IV_BYTES, parts.payload.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(`${parts.prefix}.${parts.keyId}`));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/** A data key wrapped by its tree key, bound to the key's id and owner so a wrapped key cannot be moved to another. */
export function wrapDataKey(treeKey: Buffer, binding: string, dataKey: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', treeKey, iv);
  cipher.setAAD(Buffer.from(binding));
  const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

export function unwrapDataKey(treeKey: Buffer, binding: string, wrapped: string): Buffer {
  const bytes = Buffer.from(wrapped, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', treeKey, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(binding));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
    decipher.final(),
  ]);
}
