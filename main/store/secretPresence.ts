import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.node.ts';
import { storeDialect } from './dialect.ts';

/*
 * Whether a support account has a secret, for the registry's views (`hasSecret`). Finance reads support accounts but
 * may not read the secret column (main/team/tableRulesSql.ts), and PostgreSQL's column privileges refuse even
 * `secret IS NOT NULL`; so on PostgreSQL the answer comes from a function that runs as the owner and says only 1 or
 * 0. SQLite (one local user) asks the column itself.
 */

/** The function's signature, for grants (main/team/teamFunctionsSql.ts). */
export const HAS_SECRET_FUNCTION = 'lotsen.support_account_has_secret(text)';

/** Made with the team-only tables (teamTables.ts), so every PostgreSQL store has it. */
export const hasSecretFunctionSql = `CREATE OR REPLACE FUNCTION lotsen.support_account_has_secret(p_id text)
  RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
    SELECT CASE WHEN secret IS NOT NULL THEN 1 ELSE 0 END FROM lotsen.support_accounts WHERE id = p_id
  $f$`;

/** 1 when the support account of the query's `support_accounts` row has a secret, else 0. */
export function supportAccountHasSecret(db: Db): RawBuilder<number> {
  return storeDialect(db) === 'postgres'
    ? sql<number>`lotsen.support_account_has_secret(${sql.ref('support_accounts.id')})`
    : sql<number>`CASE WHEN ${sql.ref('support_accounts.secret')} IS NOT NULL THEN 1 ELSE 0 END`;
}
