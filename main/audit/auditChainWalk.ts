import type { AuditEventsTable } from '../store/schema.ts';
import { auditHash, GENESIS_HASH } from './auditChain.ts';

/**
 * Walks a chain of events from its genesis: each must be the next sequence number, follow the previous event's hash,
 * and hash to what it says. Returns the first that does not, and why; null for an intact chain. The team's log and
 * every imported segment of it are walked the same way.
 */
export function chainBreak(rows: readonly AuditEventsTable[]): { seq: number; reason: string } | null {
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return {
        seq: expectedSeq,
        reason: `event ${expectedSeq} is missing (the next one found is ${row.seq}): events were deleted`,
      };
    }
    if (row.prev_hash !== previousHash) {
      return {
        seq: row.seq,
        reason: `event ${row.seq} does not follow event ${row.seq - 1}: events were inserted, deleted or reordered`,
      };
    }
    let details: Record<string, unknown>;
    try {
      details = JSON.parse(row.details) as Record<string, unknown>;
    } catch {
      return { seq: row.seq, reason: `event ${row.seq} cannot be read: it was edited` };
    }
    const fields = {
      seq: row.seq,
      at: row.at,
      actorId: row.actor_id,
      actorName: row.actor_name,
      event: row.event,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      details,
      prevHash: row.prev_hash,
    };
    if (auditHash(fields) !== row.hash) {
      return { seq: row.seq, reason: `event ${row.seq} is not as it was written: it was edited` };
    }
    previousHash = row.hash;
    expectedSeq += 1;
  }
  return null;
}
