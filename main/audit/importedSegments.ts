import type { Db } from '../store/database.node.ts';
import type { AuditEventsTable } from '../store/schema.ts';
import { GENESIS_HASH } from './auditChain.ts';
import { chainBreak } from './auditChainWalk.ts';

/** The team event that links a local store's log, brought in by `team import-local`, to the team's chain. */
export const SEGMENT_LINK_EVENT = 'audit.segment_imported';

export interface SegmentLink {
  segmentId: string;
  events: number;
  lastSeq: number;
  lastHash: string;
}

/**
 * Every imported segment held to the link event the team's chain carries for it: its events recomputed from their
 * own genesis (they are the local chain as written), as many as the link says, ending at the sequence number and hash
 * it names. The chain covers the link, so a segment cannot be edited, cut short, extended or swapped without this
 * failing; events of a segment no link names were put there by someone else. Returns the first problem, under the
 * link event's sequence number, or null.
 */
export async function importedSegmentBreak(
  db: Db,
  chain: readonly AuditEventsTable[],
): Promise<{ seq: number; reason: string } | null> {
  const links = chain.filter((row) => row.event === SEGMENT_LINK_EVENT);
  const linked = new Set<string>();
  for (const row of links) {
    const link = JSON.parse(row.details) as SegmentLink;
    const broken = (why: string) => ({
      seq: row.seq,
      reason: `the local store's log imported at event ${row.seq} (segment ${link.segmentId}) ${why}`,
    });
    if (linked.has(link.segmentId)) return broken('is linked a second time');
    linked.add(link.segmentId);
    const events = await db
      .selectFrom('audit_imported_events')
      .select(['seq', 'at', 'actor_id', 'actor_name', 'event', 'subject_type', 'subject_id', 'details'])
      .select(['prev_hash', 'hash'])
      .where('segment_id', '=', link.segmentId)
      .orderBy('seq')
      .execute();
    const inside = chainBreak(events);
    if (inside) return broken(`is broken at its event ${inside.seq}: ${inside.reason}`);
    const last = events.at(-1);
    if (events.length !== link.events || (last?.seq ?? 0) !== link.lastSeq) {
      return broken(
        `holds ${events.length} events where ${link.events} were imported: events were deleted or added`,
      );
    }
    if ((last?.hash ?? GENESIS_HASH) !== link.lastHash) {
      return broken('does not end at the event it was imported with: the segment was rewritten');
    }
  }
  const strays = await db
    .selectFrom('audit_imported_events')
    .select('segment_id')
    .distinct()
    .execute()
    .then((rows) => rows.map((r) => r.segment_id).filter((id) => !linked.has(id)));
  if (strays.length > 0) {
    const after = chain.at(-1)?.seq ?? 0;
    return {
      seq: after + 1,
      reason: `imported events of ${strays.length} segment${strays.length === 1 ? '' : 's'} no event of the log links (${strays.join(', ')}): they were added outside an import`,
    };
  }
  return null;
}
