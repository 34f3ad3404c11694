import { sql } from 'kysely';
import type { Db } from '../../main/store/database.node.ts';
import { storeDialect } from '../../main/store/dialect.ts';
import { TEAM_SCHEMA } from '../../main/store/teamDatabase.node.ts';
import { asSuperuser } from './postgres/testDatabases.ts';

/** The name of the team database `db` is connected to (the test's own copy of the run's template). */
export async function teamDatabaseName(db: Db): Promise<string> {
  return (await sql<{ name: string }>`SELECT current_database() AS name`.execute(db)).rows[0]!.name;
}

/**
 * Changes the store's rows behind Lotsen's back, with its guard triggers out of the way, as an attacker with direct
 * access to the data would: the embedded store's key holder opens the file with a SQLite tool and drops the
 * triggers (`guards`, by name); on a team database that is someone with the server's superuser rights (a DBA, a
 * stolen superuser password), which is what the test takes: no member's login can do it (test/main/team/ shows
 * each refused), and the point here is what verify or the app make of rows changed anyway. On PostgreSQL the
 * statements run in one session with triggers off (`session_replication_role = replica`) and the schema as the
 * search path, so the same SQL works on both.
 */
export async function tamperWithStore(
  db: Db,
  statements: readonly string[],
  guards: readonly string[] = [],
): Promise<void> {
  if (storeDialect(db) === 'sqlite') {
    for (const guard of guards) await sql`DROP TRIGGER IF EXISTS ${sql.id(guard)}`.execute(db);
    for (const statement of statements) await sql.raw(statement).execute(db);
    return;
  }
  await asSuperuser(await teamDatabaseName(db), async (client) => {
    await client.query(`SET search_path = ${TEAM_SCHEMA}`);
    await client.query('SET session_replication_role = replica');
    for (const statement of statements) await client.query(statement);
  });
}

/** The store's triggers and their definitions, sorted, to show something left them as they were. */
export async function triggerDefinitions(db: Db): Promise<{ name: string; sql: string }[]> {
  const rows =
    storeDialect(db) === 'sqlite'
      ? await sql<{
          name: string;
          sql: string;
        }>`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'`.execute(db)
      : await sql<{ name: string; sql: string }>`SELECT t.tgname AS name, pg_get_triggerdef(t.oid) AS sql
          FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal`.execute(db);
  return rows.rows.sort((a, b) => a.name.localeCompare(b.name));
}
