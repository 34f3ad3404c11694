import { sql, type Kysely, type Migration } from 'kysely';
import { storeDialect } from '../dialect.ts';

/**
 * Whether a support account has a stored secret, as a column of its own computed by the database from `secret`, so
 * that reading it needs no privilege on the secret itself: in a team database finance reads accounts without the
 * `secret` column (main/team/tableRulesSql.ts), and a query naming `secret` at all is refused there, even in
 * `secret IS NOT NULL`. The same flag on both engines; each spells a generated column its own way (SQLite can add
 * only a VIRTUAL one to an existing table; PostgreSQL only a STORED one).
 */
export const migration0021SecretPresence: Migration = {
  async up(db: Kysely<unknown>) {
    // Raw SQL passes by the column-type plugin (postgresColumnTypes.ts): SQLite's integer is PostgreSQL's bigint.
    const [type, storage] =
      storeDialect(db) === 'postgres' ? [sql`bigint`, sql`STORED`] : [sql`integer`, sql`VIRTUAL`];
    await sql`ALTER TABLE support_accounts ADD COLUMN has_secret ${type}
      GENERATED ALWAYS AS (CASE WHEN secret IS NOT NULL THEN 1 ELSE 0 END) ${storage}`.execute(db);
  },
};
