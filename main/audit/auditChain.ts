import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: number;
  actorId: string;
  actorName: string;
  event: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/**
 * SHA-256 over the RFC 8785 canonical JSON of every field but the hash itself, so the same event always hashes the
 * same, whatever order its details were written in.
 */
export function auditHash(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalize(fields)!, 'utf8').digest('hex');
}

export function canonicalDetails(details: Record<string, unknown>): string {
  return canonicalize(details)!;
}
