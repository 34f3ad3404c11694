import canonicalize from 'canonicalize';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { GENESIS_HASH } from './auditChain.ts';
import { lazily } from '../../common/api/lazySchema.ts';

/** The newest event of the log, as each anchor records it: its sequence number and hash (0 and the genesis hash while empty). */
export const auditHeadSchema = lazily(() =>
  z.object({
    seq: z.number().int().min(0),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
);
export type AuditHead = z.infer<typeof auditHeadSchema>;

export const GENESIS_HEAD: AuditHead = { seq: 0, hash: GENESIS_HASH };

export const sealedHeadSchema = lazily(() =>
  auditHeadSchema.unwrap().extend({ seal: z.string().regex(/^[0-9a-f]{64}$/) }),
);
export type SealedHead = z.infer<typeof sealedHeadSchema>;

/**
 * The key that seals anchors and backups, derived from the database key by HKDF (RFC 5869), so it costs nothing per
 * append (no scrypt) and opens nothing: knowing a seal tells nothing about the database key.
 */
export function sealingKey(databaseKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'lotsen audit anchor v1', 32));
}

/** HMAC-SHA-256 over the value's RFC 8785 canonical JSON, under a purpose so a seal for one thing never fits another. */
export function seal(key: Buffer, purpose: string, value: unknown): string {
  return createHmac('sha256', key).update(canonicalize({ purpose, value })!, 'utf8').digest('hex');
}

export function sealMatches(key: Buffer, purpose: string, value: unknown, claimed: string): boolean {
  const expected = Buffer.from(seal(key, purpose, value), 'hex');
  const given = Buffer.from(claimed, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function sealHead(key: Buffer, head: AuditHead): SealedHead {
  return {
    seq: head.seq,
    hash: head.hash,
    seal: seal(key, 'audit-head', { seq: head.seq, hash: head.hash }),
  };
}

/** The head a seal vouches for, or null when the seal does not match (edited, or sealed under another key). */
export function openSealedHead(key: Buffer, sealed: SealedHead): AuditHead | null {
  const head = { seq: sealed.seq, hash: sealed.hash };
  return sealMatches(key, 'audit-head', head, sealed.seal) ? head : null;
}
