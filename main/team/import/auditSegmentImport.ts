import { sql } from 'kysely';
import type { AuditHead } from '../../audit/auditAnchor.ts';
import { GENESIS_HASH } from '../../audit/auditChain.ts';
import { assertAuditDetails } from '../../audit/auditDetails.ts';
import { SEGMENT_LINK_EVENT } from '../../audit/importedSegments.ts';
import { appendChainedEvent } from '../../store/auditAppend.ts';
import type { Db } from '../../store/database.node.ts';
import type { BatchRenumbering } from './batchRenumbering.ts';

const EVENTS_PER_BATCH = 500;

export interface ImportedSegment {
  segmentId: string;
  events: number;
  lastSeq: number;
  lastHash: string;
}

/**
 * The local store's log, already verified against its own anchors, copied event by event and unchanged into the
 * team's imported segments under `segmentId`: the same sequence numbers, actors, details and hashes, so the segment
 * verifies from its own genesis in the team as it did at home.
 */
export async function copyAuditSegment(local: Db, team: Db, segmentId: string): Promise<ImportedSegment> {
  let last: AuditHead = { seq: 0, hash: GENESIS_HASH };
  let events = 0;
  for (;;) {
    const rows = await local
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', last.seq)
      .orderBy('seq')
      .limit(EVENTS_PER_BATCH)
      .execute();
    if (rows.length === 0) break;
    await team
      .insertInto('audit_imported_events')
      .values(rows.map((row) => ({ ...row, segment_id: segmentId })))
      .execute();
    events += rows.length;
    last = { seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash };
  }
  return { segmentId, events, lastSeq: last.seq, lastHash: last.hash };
}

/**
 * The team event that links the segment into the team's chain, in the importing member's name. The head row is
 * locked first, so no colleague's append can move it between reading it and writing after it; the append itself
 * goes through the database's append function as every event does (main/store/auditAppend.ts).
 */
export async function appendSegmentLink(
  team: Db,
  link: ImportedSegment & {
    localUserId: string;
    teamUserId: string;
    teamUserName: string;
    batches: BatchRenumbering;
    at: number;
  },
): Promise<AuditHead> {
  // The segment's approvals and exports name the batches by their numbers at home: the link says what they became.
  const details = {
    segmentId: link.segmentId,
    events: link.events,
    lastSeq: link.lastSeq,
    lastHash: link.lastHash,
    localUserId: link.localUserId,
    teamUserId: link.teamUserId,
    batchIds: link.batches.batchIds,
    batchNumbersAtHome: link.batches.from,
    batchNumbers: link.batches.to,
  };
  assertAuditDetails(SEGMENT_LINK_EVENT, details);
  const head = await sql<AuditHead>`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`
    .execute(team)
    .then((r) => r.rows[0] ?? { seq: 0, hash: GENESIS_HASH });
  const fields = {
    seq: head.seq + 1,
    at: link.at,
    actorId: link.teamUserId,
    actorName: link.teamUserName,
    event: SEGMENT_LINK_EVENT,
    subjectType: null,
    subjectId: null,
    details,
    prevHash: head.hash,
  };
  return { seq: fields.seq, hash: await appendChainedEvent(team, fields) };
}
