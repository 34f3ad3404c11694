import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/**
 * A tree key wrapped for one recipient (docs/vault.md), so a team database holds no tree key in plain
 * text: ECIES with Node's X25519, HKDF-SHA256 and AES-256-GCM, no home-made primitive.
 * - For a key pair (a member, the recovery kit): an ephemeral X25519 pair; the wrapping key is HKDF of the shared
 *   secret, salted with both public keys, with the binding as info; the binding is also the AES-GCM AAD. Stored as
 *   `vw1.<ephemeral public key>.<iv | ciphertext | tag>` (base64url).
 * - For an invitation: the wrapping key comes from the enrolment code (inviteWrappingKey), stored as
 *   `vi1.<iv | ciphertext | tag>` with the same binding as AAD.
 * The binding names the tree, generation and recipient, so a wrap copied to another row (another tree, another
 * generation, another member) does not open.
 */
export type VaultTree = 'personal' | 'secrets';
export const VAULT_TREES: readonly VaultTree[] = ['personal', 'secrets'];

/** `vault_wraps.recipient` of a member's own wrap. */
export const memberRecipient = (userId: string) => `member:${userId}`;
/** `vault_wraps.recipient` of the recovery kit's wrap. */
export const RECOVERY_RECIPIENT = 'recovery';
/** `vault_wraps.recipient` of a pending member's invitation wrap. */
export const inviteRecipient = (userId: string) => `invite:${userId}`;

export const TREE_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_WRAP = 'vw1';
const INVITE_WRAP = 'vi1';

/** PKCS#8 DER of an X25519 private key is this prefix and the 32 raw bytes (RFC 8410). */
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
/** SPKI DER of an X25519 public key is this prefix and the 32 raw bytes. */
const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

export function wrapBinding(tree: VaultTree, generation: number, recipient: string): string {
  return `lotsen-vault-wrap-v1|${tree}|${generation}|${recipient}`;
}

export function x25519PrivateKey(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('An X25519 private key is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
}

export function x25519PublicKey(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('An X25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The raw 32 bytes of an X25519 public key, as `member_keys.public_key` holds them (base64url). */
export function rawPublicKey(key: KeyObject): Buffer {
  const der = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

/** The raw 32 bytes of an X25519 private key (the recovery kit prints them). */
export function rawPrivateKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'pkcs8' });
  return der.subarray(der.length - 32);
}

export function newX25519KeyPair(): { privateKey: KeyObject; publicKey: string } {
  const { privateKey } = generateKeyPairSync('x25519');
  return { privateKey, publicKey: rawPublicKey(privateKey).toString('base64url') };
}

function seal(key: Buffer, binding: string, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(binding));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function open(key: Buffer, binding: string, sealed: Buffer): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new WrapRefused();
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(binding));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new WrapRefused();
  }
}

/** A wrap that is not for this key, not for this binding, or was changed. Never says which (nor any key). */
export class WrapRefused extends Error {
  constructor() {
    super('The wrapped key does not open with this key for this tree, generation and recipient');
  }
}

function wrappingKey(shared: Buffer, ephemeralPub: Buffer, recipientPub: Buffer, binding: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', shared, Buffer.concat([ephemeralPub, recipientPub]), binding, TREE_KEY_BYTES),
  );
}

/** Wraps a tree key for the holder of `recipientPublicKey` (base64url of the raw 32 bytes). */
export function wrapForKey(recipientPublicKey: string, binding: string, treeKey: Buffer): string {
  const recipientPub = Buffer.from(recipientPublicKey, 'base64url');
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPub = rawPublicKey(ephemeral.privateKey);
  const shared = diffieHellman({
    privateKey: ephemeral.privateKey,
    publicKey: x25519PublicKey(recipientPub),
  });
  const sealed = seal(wrappingKey(shared, ephemeralPub, recipientPub, binding), binding, treeKey);
  return `${KEY_WRAP}.${ephemeralPub.toString('base64url')}.${sealed.toString('base64url')}`;
}

/** Opens a `vw1.` wrap with the recipient's private key; WrapRefused when it is not theirs or not this binding. */
export function unwrapWithKey(privateKey: KeyObject, binding: string, wrapped: string): Buffer {
  const [prefix, eph, body, ...rest] = wrapped.split('.');
  if (prefix !== KEY_WRAP || !eph || !body || rest.length > 0) throw new WrapRefused();
  const ephemeralPub = Buffer.from(eph, 'base64url');
  if (ephemeralPub.length !== 32) throw new WrapRefused();
  const shared = diffieHellman({ privateKey, publicKey: x25519PublicKey(ephemeralPub) });
  const key = wrappingKey(shared, ephemeralPub, rawPublicKey(privateKey), binding);
  return open(key, binding, Buffer.from(body, 'base64url'));
}

/**
 * The key an invitation wrap is sealed with: from the enrolment code as parseEnrolmentCode normalises it, salted
 * with the invited user's id. The code has 130 random bits and the server keeps only its SCRAM verifier.
 */
export function inviteWrappingKey(enrolmentCode: string, userId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', enrolmentCode, userId, 'lotsen vault invite v1', TREE_KEY_BYTES));
}

export function wrapForInvite(inviteKey: Buffer, binding: string, treeKey: Buffer): string {
  return `${INVITE_WRAP}.${seal(inviteKey, binding, treeKey).toString('base64url')}`;
}

export function unwrapInvite(inviteKey: Buffer, binding: string, wrapped: string): Buffer {
  const [prefix, body, ...rest] = wrapped.split('.');
  if (prefix !== INVITE_WRAP || !body || rest.length > 0) throw new WrapRefused();
  return open(inviteKey, binding, Buffer.from(body, 'base64url'));
}
