import type { Db } from '../../main/store/database.node.ts';
import { sqliteConnectionOf } from '../../main/store/database.node.ts';
import { storeDialect } from '../../main/store/dialect.ts';
import { asSuperuser } from './postgres/testDatabases.ts';
import { teamDatabaseName } from './storeTampering.ts';

/**
 * Makes every insert into `table` fail (with 'disk full') as a full disk would, on either data source, until the returned function
 * undoes it: for tests that show a failed write leaves nothing behind. `when` narrows it to some rows
 * (`NEW.event = 'privacy.erased'`; no subquery, which PostgreSQL's trigger WHEN refuses). On a team database the trigger is made with the fixture's superuser rights, as a member's login may
 * not create one.
 */
export interface WriteFailure {
  /** SQL over NEW (and OLD, for updates) that both engines read alike: the write fails only when it holds. */
  when?: string;
  /** The error's message; 'disk full' unless told. */
  message?: string;
}

export function failInserts(db: Db, table: string, options: WriteFailure = {}): Promise<() => Promise<void>> {
  return failWrites(db, table, 'INSERT', options);
}

/** As failInserts, for updates: `when` may name OLD and NEW (`OLD.id = '…'`). */
export function failUpdates(db: Db, table: string, options: WriteFailure = {}): Promise<() => Promise<void>> {
  return failWrites(db, table, 'UPDATE', options);
}

async function failWrites(
  db: Db,
  table: string,
  on: 'INSERT' | 'UPDATE',
  options: WriteFailure,
): Promise<() => Promise<void>> {
  const name = `test_no_${on.toLowerCase()}_${table}`;
  const message = (options.message ?? 'disk full').replaceAll("'", "''");
  if (storeDialect(db) === 'sqlite') {
    const raw = sqliteConnectionOf(db)!;
    const when = options.when === undefined ? '' : ` WHEN ${options.when}`;
    raw.exec(
      `CREATE TRIGGER ${name} BEFORE ${on} ON ${table}${when} BEGIN SELECT RAISE(ABORT, '${message}'); END`,
    );
    return async () => {
      raw.exec(`DROP TRIGGER ${name}`);
    };
  }
  const database = await teamDatabaseName(db);
  await asSuperuser(database, async (client) => {
    await client.query(`CREATE FUNCTION lotsen.${name}() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN RAISE EXCEPTION '${message}'; END $f$`);
    await client.query(
      `CREATE TRIGGER ${name} BEFORE ${on} ON lotsen.${table} FOR EACH ROW${
        options.when === undefined ? '' : ` WHEN (${options.when})`
      } EXECUTE FUNCTION lotsen.${name}()`,
    );
  });
  return () =>
    asSuperuser(database, async (client) => {
      await client.query(`DROP FUNCTION lotsen.${name}() CASCADE`);
    });
}
