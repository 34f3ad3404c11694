import { createHash } from 'node:crypto';

/** The fingerprint of a raw host-key blob exactly as OpenSSH prints it: `SHA256:` and unpadded base64. */
export function hostKeyFingerprint(keyBlob: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named inside an SSH public-key blob (`ssh-ed25519`, `rsa-sha2-512` keys say `ssh-rsa`). */
export function hostKeyType(keyBlob: Uint8Array): string {
  const view = Buffer.from(keyBlob);
  if (view.length < 4) return 'unknown';
  const length = view.readUInt32BE(0);
  return view.subarray(4, 4 + length).toString('ascii') || 'unknown';
}
