import { sql, type Kysely, type Migration } from 'kysely';
import { storeDialect } from '../dialect.ts';

/**
 * An environment's pre-connect secret (a VPN password the pre-connect command needs), sealed by the vault as
 * `sv1.` text under the environment's own data key (main/vault/secretVault.ts, owner kind `environment`), and a flag
 * computed by the database saying whether one is stored: finance reads environments without the secret column
 * (main/team/tableRulesSql.ts), so views read the flag, as support accounts' `has_secret` (0021).
 */
export const migration0024PreConnectSecret: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('environments').addColumn('pre_connect_secret', 'text').execute();
    // Raw SQL passes by the column-type plugin (postgresColumnTypes.ts): SQLite's integer is PostgreSQL's bigint.
    const [type, storage] =
      storeDialect(db) === 'postgres' ? [sql`bigint`, sql`STORED`] : [sql`integer`, sql`VIRTUAL`];
    await sql`ALTER TABLE environments ADD COLUMN has_pre_connect_secret ${type}
      GENERATED ALWAYS AS (CASE WHEN pre_connect_secret IS NOT NULL THEN 1 ELSE 0 END) ${storage}`.execute(
      db,
    );
  },
};
