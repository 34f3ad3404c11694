import { sql, type Kysely } from 'kysely';
import { GENESIS_HASH } from '../audit/auditChain.ts';
import { auditAppendFunctionSql } from './auditAppend.ts';

/**
 * What only a team database has, made with its schema (`lotsen team create`/`upgrade`, after the migrations): the
 * embedded store has one local user and one process, so it needs neither.
 * - `team_members`: which PostgreSQL login is which row of `users` (the acting user of a connection is its login's).
 *   The member functions of main/team/ own its writes.
 * - `audit_head`: the audit chain's head, one row, advanced only by the append function `audit_append`
 *   (auditAppend.ts) under its row lock, so appends from many processes stay one line, and a cut-off tail shows
 *   against it. The function is made here, with the head, so every PostgreSQL store has both: a team's (made by
 *   its owner, as team create migrates) and a database its administrator migrated alone (the tests' template).
 */
export const TEAM_ONLY_TABLES = ['team_members', 'audit_head'] as const;

export async function createTeamTables(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS team_members (
    user_id text PRIMARY KEY REFERENCES users (id),
    login text NOT NULL UNIQUE,
    is_admin bigint NOT NULL DEFAULT 0,
    removed_at bigint
  )`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS audit_head (
    id bigint PRIMARY KEY CHECK (id = 1),
    seq bigint NOT NULL,
    hash text NOT NULL
  )`.execute(db);
  // The head of a log is its last event's; a log with events and no head row yet gets it from them.
  await sql`INSERT INTO audit_head (id, seq, hash)
    SELECT 1, coalesce(max(seq), 0),
      coalesce((SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1), ${GENESIS_HASH})
    FROM audit_events
    ON CONFLICT (id) DO NOTHING`.execute(db);
  await sql.raw(auditAppendFunctionSql).execute(db);
}
