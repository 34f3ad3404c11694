import { hkdfSync, type KeyObject } from 'node:crypto';
import { rawPublicKey, x25519PrivateKey } from './treeKeyWraps.ts';

/**
 * A team member's X25519 key pair, derived from the key this machine's Lotsen keeps as it keeps the embedded store's
 * (the OS keychain, or the passphrase-wrapped key file), as teamLoginPassword.node.ts derives the login's password:
 * the private key is stored nowhere new, unlocking Lotsen is what yields it, and locking forgets it. The public key
 * is published in the team's `member_keys`; the team's tree keys are wrapped for it (treeKeyWraps.ts).
 */
export interface MemberKeyPair {
  privateKey: KeyObject;
  /** Base64url of the raw 32-byte public key, as `member_keys.public_key` holds it. */
  publicKey: string;
}

export function memberKeyPair(databaseKey: Buffer): MemberKeyPair {
  const raw = Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'lotsen team member key v1', 32));
  try {
    const privateKey = x25519PrivateKey(raw);
    return { privateKey, publicKey: rawPublicKey(privateKey).toString('base64url') };
  } finally {
    raw.fill(0);
  }
}
