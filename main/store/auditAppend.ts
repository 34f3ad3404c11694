import { sql } from 'kysely';
import type { AuditHead } from '../audit/auditAnchor.ts';
import { GENESIS_HEAD } from '../audit/auditAnchor.ts';
import type { Db } from './database.node.ts';
import { storeDialect } from './dialect.ts';
import type { AuditEventsTable } from './schema.ts';

/**
 * Another process appended between this one reading the head and writing its event: the transaction is rolled back
 * and the append starts again from the new head (AuditTrail). Only a team database has other processes.
 */
export class AuditHeadMoved extends Error {
  constructor() {
    super('the audit log moved on while this event was written; it is written again from the new head');
  }
}

/**
 * The event the next append follows. Embedded: the last event (one process, whose appends run one at a time). Team:
 * the head row, which many processes advance.
 */
export async function readAuditHead(trx: Db): Promise<AuditHead> {
  if (storeDialect(trx) === 'postgres') {
    return sql<AuditHead>`SELECT seq, hash FROM audit_head WHERE id = 1`
      .execute(trx)
      .then((r) => r.rows[0] ?? GENESIS_HEAD);
  }
  return lastLoggedEvent(trx);
}

/** The log's newest event as an anchor records it; the genesis head while the log is empty. */
export async function lastLoggedEvent(db: Db): Promise<AuditHead> {
  const last = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ?? GENESIS_HEAD;
}

/**
 * Writes the event the app built and hashed after `row.prev_hash`. On a team database it is one statement (so it can
 * become one SECURITY DEFINER function): the head row moves from (seq - 1, prev_hash) to (seq, hash) under its row
 * lock, and the event goes in only if it did; a head that has moved on throws AuditHeadMoved. A concurrent append
 * waits on that lock, then finds the head changed.
 */
export async function appendAuditRow(trx: Db, row: AuditEventsTable): Promise<void> {
  if (storeDialect(trx) !== 'postgres') {
    await trx.insertInto('audit_events').values(row).execute();
    return;
  }
  const written = await sql`WITH advanced AS (
      UPDATE audit_head SET seq = ${row.seq}, hash = ${row.hash}
      WHERE id = 1 AND seq = ${row.seq - 1} AND hash = ${row.prev_hash}
      RETURNING seq
    )
    INSERT INTO audit_events (seq, at, actor_id, actor_name, event, subject_type, subject_id, details, prev_hash, hash)
    SELECT seq, ${row.at}, ${row.actor_id}, ${row.actor_name}, ${row.event}, ${row.subject_type}, ${row.subject_id},
      ${row.details}, ${row.prev_hash}, ${row.hash}
    FROM advanced`.execute(trx);
  if (Number(written.numAffectedRows ?? 0) !== 1) throw new AuditHeadMoved();
}
