import { sql } from 'kysely';
import type { Db } from '../../main/store/database.node.ts';
import { sqliteConnectionOf } from '../../main/store/database.node.ts';
import { storeDialect } from '../../main/store/dialect.ts';
import { asSuperuser } from './postgres/testDatabases.ts';

/**
 * Makes every insert into `table` fail as a full disk would, on either data source, until the returned function
 * undoes it: for tests that show a failed write leaves nothing behind. On a team database the trigger is made with
 * the fixture's superuser rights, as a member's login may not create one.
 */
export async function failInserts(db: Db, table: string): Promise<() => Promise<void>> {
  const name = `test_no_${table}`;
  if (storeDialect(db) === 'sqlite') {
    const raw = sqliteConnectionOf(db)!;
    raw.exec(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    return async () => {
      raw.exec(`DROP TRIGGER ${name}`);
    };
  }
  const database = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(db)).rows[0]!.name;
  await asSuperuser(database, async (client) => {
    await client.query(`CREATE FUNCTION lotsen.${name}() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN RAISE EXCEPTION 'disk full'; END $f$`);
    await client.query(
      `CREATE TRIGGER ${name} BEFORE INSERT ON lotsen.${table} FOR EACH ROW EXECUTE FUNCTION lotsen.${name}()`,
    );
  });
  return () =>
    asSuperuser(database, async (client) => {
      await client.query(`DROP FUNCTION lotsen.${name}() CASCADE`);
    });
}
