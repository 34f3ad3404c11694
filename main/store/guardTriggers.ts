import { sql, type Kysely } from 'kysely';
import { storeDialect } from './dialect.ts';

/**
 * A trigger that refuses a write with a message (the store's own backstop for what must never change: the audit log,
 * approved billing). SQLite writes it as `RAISE(ABORT, …)` in the trigger; PostgreSQL needs a trigger function, and
 * its trigger `WHEN` cannot hold a subquery, so the condition goes into the function. Either way the write fails
 * with exactly `message`, which the repositories recognise (periodLocks.ts).
 */
export interface GuardTrigger {
  name: string;
  table: string;
  on: 'INSERT' | 'UPDATE' | 'DELETE';
  /** SQL over NEW/OLD (it may hold a subquery): refuse only when it holds. Absent: refuse every such write. */
  when?: string;
  message: string;
}

export async function createGuardTrigger(db: Kysely<unknown>, guard: GuardTrigger): Promise<void> {
  const message = guard.message.replaceAll("'", "''");
  if (storeDialect(db) === 'sqlite') {
    const when = guard.when === undefined ? '' : `\n  WHEN ${guard.when}`;
    await sql
      .raw(
        `CREATE TRIGGER ${guard.name} BEFORE ${guard.on} ON ${guard.table}${when}\n  BEGIN SELECT RAISE(ABORT, '${message}'); END`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION ${guard.name}() RETURNS trigger LANGUAGE plpgsql AS $guard$
BEGIN
  IF ${guard.when ?? 'true'} THEN RAISE EXCEPTION '${message}' USING ERRCODE = 'P0001'; END IF;
  RETURN ${guard.on === 'DELETE' ? 'OLD' : 'NEW'};
END
$guard$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${guard.name} BEFORE ${guard.on} ON ${guard.table} FOR EACH ROW EXECUTE FUNCTION ${guard.name}()`,
    )
    .execute(db);
  // PostgreSQL (not SQLite) can empty a table without deleting a row: TRUNCATE fires no row trigger, so a table none
  // of whose rows may go refuses it too. (A member's login also lacks the TRUNCATE privilege: this is the backstop.)
  if (guard.on === 'DELETE' && guard.when === undefined) {
    await sql
      .raw(
        `CREATE TRIGGER ${guard.name}_truncate BEFORE TRUNCATE ON ${guard.table} FOR EACH STATEMENT EXECUTE FUNCTION ${guard.name}()`,
      )
      .execute(db);
  }
}

/**
 * Runs `work` with the named guards out of the way, inside the caller's transaction, and puts them back as they were.
 * Only a migration that must rewrite guarded rows in place uses it (0012); nothing at runtime does. SQLite: the
 * triggers are dropped and made again from the SQL it kept for them. PostgreSQL: they are disabled and enabled again.
 */
export async function withGuardsLifted<T>(
  trx: Kysely<unknown>,
  names: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  if (storeDialect(trx) === 'sqlite') {
    const triggers = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_schema
      WHERE type = 'trigger' AND name IN (${sql.join(names)})`.execute(trx);
    for (const trigger of triggers.rows) await sql`DROP TRIGGER ${sql.id(trigger.name)}`.execute(trx);
    const result = await work();
    for (const trigger of triggers.rows) await sql.raw(trigger.sql).execute(trx);
    return result;
  }
  const triggers = await sql<{ name: string; table: string }>`SELECT t.tgname AS name, c.relname AS table
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relnamespace = current_schema()::regnamespace AND t.tgname IN (${sql.join(names)})`.execute(trx);
  const alter = async (verb: 'DISABLE' | 'ENABLE') => {
    for (const t of triggers.rows) {
      await sql`ALTER TABLE ${sql.id(t.table)} ${sql.raw(verb)} TRIGGER ${sql.id(t.name)}`.execute(trx);
    }
  };
  await alter('DISABLE');
  const result = await work();
  await alter('ENABLE');
  return result;
}
