import { sql } from 'kysely';
import type { AuditHead } from '../audit/auditAnchor.ts';
import { auditHash, canonicalDetails, type ChainedFields } from '../audit/auditChain.ts';
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
 * The one way an event enters a team database's log: the app builds and hashes the event after the head it read and
 * hands it over with that head (`seq - 1`, `prev_hash`); the function takes the head's row lock, checks the head is
 * still that one, inserts the event and advances the head. A head that moved on in the meantime (another member's
 * append committed first: the row lock makes this one wait for it, then see it) is a serialization failure, 40001,
 * which the app answers by building the event again from the new head (AuditTrail). SECURITY DEFINER with a fixed
 * search_path: members hold neither INSERT on the events nor UPDATE on the head (main/team/tableRulesSql.ts), only
 * EXECUTE on this, and a member's login appends in its own name only.
 *
 * Made with the team-only tables (teamTables.ts), so every PostgreSQL store has it: `team create`/`upgrade` make it
 * as the team's owner (their migrations connect as the owner), which then owns it and runs it; main/team's grants
 * give it to the work roles only. A database migrated by its administrator alone (the tests' template) has it too,
 * owned by that administrator.
 */
export const AUDIT_APPEND_FUNCTION =
  'lotsen.audit_append(bigint, bigint, text, text, text, text, text, text, text, text)';

/** The SQLSTATE the append function signals a moved head with: PostgreSQL's serialization_failure. */
const HEAD_MOVED_SQLSTATE = '40001';

export const auditAppendFunctionSql = `CREATE OR REPLACE FUNCTION lotsen.audit_append(
    p_seq bigint, p_at bigint, p_actor_id text, p_actor_name text, p_event text, p_subject_type text,
    p_subject_id text, p_details text, p_prev_hash text, p_hash text)
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
  DECLARE
    v_member text;
    v_head record;
  BEGIN
    -- A member's login writes as that member: nobody appends in a colleague's name, even from psql.
    SELECT user_id INTO v_member FROM lotsen.team_members WHERE login = session_user AND removed_at IS NULL;
    IF FOUND AND p_actor_id IS DISTINCT FROM v_member THEN
      RAISE EXCEPTION 'LOTSEN_FORBIDDEN: an audit event is written in its own member''s name only'
        USING ERRCODE = '42501';
    END IF;
    SELECT seq, hash INTO v_head FROM lotsen.audit_head WHERE id = 1 FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'LOTSEN_INVALID: the audit log has no head row; ask an admin to run lotsen team upgrade'
        USING ERRCODE = 'P0002';
    END IF;
    IF v_head.seq <> p_seq - 1 OR v_head.hash <> p_prev_hash THEN
      RAISE EXCEPTION 'LOTSEN_AUDIT_HEAD_MOVED: the audit log moved on to event %', v_head.seq
        USING ERRCODE = '${HEAD_MOVED_SQLSTATE}';
    END IF;
    INSERT INTO lotsen.audit_events
      (seq, at, actor_id, actor_name, event, subject_type, subject_id, details, prev_hash, hash)
      VALUES (p_seq, p_at, p_actor_id, p_actor_name, p_event, p_subject_type, p_subject_id, p_details,
              p_prev_hash, p_hash);
    UPDATE lotsen.audit_head SET seq = p_seq, hash = p_hash WHERE id = 1;
  END $f$`;

/**
 * Hashes the event the app built after the head it read (`fields.prevHash`) and writes it; answers its hash.
 * Embedded: a plain insert (one process). Team: the append function above; a head that has moved on throws
 * AuditHeadMoved, and AuditTrail builds the event again.
 */
export async function appendChainedEvent(trx: Db, fields: ChainedFields): Promise<string> {
  const hash = auditHash(fields);
  const row: AuditEventsTable = {
    seq: fields.seq,
    at: fields.at,
    actor_id: fields.actorId,
    actor_name: fields.actorName,
    event: fields.event,
    subject_type: fields.subjectType,
    subject_id: fields.subjectId,
    details: canonicalDetails(fields.details),
    prev_hash: fields.prevHash,
    hash,
  };
  if (storeDialect(trx) !== 'postgres') {
    await trx.insertInto('audit_events').values(row).execute();
    return hash;
  }
  try {
    await sql`SELECT lotsen.audit_append(${row.seq}, ${row.at}, ${row.actor_id}, ${row.actor_name}, ${row.event},
      ${row.subject_type}, ${row.subject_id}, ${row.details}, ${row.prev_hash}, ${row.hash})`.execute(trx);
  } catch (error) {
    if ((error as { code?: string }).code === HEAD_MOVED_SQLSTATE) throw new AuditHeadMoved();
    throw error;
  }
  return hash;
}
