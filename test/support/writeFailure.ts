import type { Db } from '../../main/store/database.node.ts';
import { sqliteConnectionOf } from '../../main/store/database.node.ts';
import { storeDialect } from '../../main/store/dialect.ts';
import { asSuperuser } from './postgres/testDatabases.ts';
import { teamDatabaseName } from './storeTampering.ts';

/**
 * Makes every insert into `table` fail as a full disk would, on either data source, until the returned function
 * undoes it: for tests that show a failed write leaves nothing behind. `when` narrows it to some rows: a condition
 * over NEW that both engines read alike (`NEW.event = 'privacy.erased'`; no subquery, which PostgreSQL's trigger
 * WHEN refuses). On a team database the trigger is made with the fixture's superuser rights, as a member's login may
 * not create one.
 */
export async function failInserts(
  db: Db,
  table: string,
  options: { when?: string } = {},
): Promise<() => Promise<void>> {
  const name = `test_no_${table}`;
  if (storeDialect(db) === 'sqlite') {
    const raw = sqliteConnectionOf(db)!;
    const when = options.when === undefined ? '' : ` WHEN ${options.when}`;
    raw.exec(
      `CREATE TRIGGER ${name} BEFORE INSERT ON ${table}${when} BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    return async () => {
      raw.exec(`DROP TRIGGER ${name}`);
    };
  }
  const database = await teamDatabaseName(db);
  await asSuperuser(database, async (client) => {
    await client.query(`CREATE FUNCTION lotsen.${name}() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN RAISE EXCEPTION 'disk full'; END $f$`);
    await client.query(
      `CREATE TRIGGER ${name} BEFORE INSERT ON lotsen.${table} FOR EACH ROW${
        options.when === undefined ? '' : ` WHEN (${options.when})`
      } EXECUTE FUNCTION lotsen.${name}()`,
    );
  });
  return () =>
    asSuperuser(database, async (client) => {
      await client.query(`DROP FUNCTION lotsen.${name}() CASCADE`);
    });
}
