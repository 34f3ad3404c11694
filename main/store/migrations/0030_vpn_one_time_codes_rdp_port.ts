import { sql, type Kysely, type Migration } from 'kysely';
import { storeDialect } from '../dialect.ts';

/**
 * Issue 16, items 1 and 5, finished:
 * - `environments.vpn_totp_seed`: the TOTP seed (RFC 6238) of the environment's VPN, whose prompt asks for a
 *   one-time code after the password; sealed by the vault as `sv1.` text under a data key of its own (owner kind
 *   `environmentTotp`), as a support account's seed is (0028), and `has_vpn_totp_seed`, computed by the database as
 *   `has_pre_connect_secret` (0024) is, so finance, who holds no privilege on the seed's column, still reads
 *   environments.
 * - `servers.rdp_port`: the port the server's RDP listens on, beside `port` (SSH's): each access method its own port.
 *   Null keeps the rule RDP followed before it (main/sessions/rdp/rdpTarget.ts: the server's port, or 3389 when that
 *   is 22), so servers stored before it are reached as they were.
 * Columns are added, tables never rebuilt; the same on both engines.
 */
export const migration0030VpnOneTimeCodesRdpPort: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('environments').addColumn('vpn_totp_seed', 'text').execute();
    // Raw SQL passes by the column-type plugin (postgresColumnTypes.ts): SQLite's integer is PostgreSQL's bigint.
    const [type, storage] =
      storeDialect(db) === 'postgres' ? [sql`bigint`, sql`STORED`] : [sql`integer`, sql`VIRTUAL`];
    await sql`ALTER TABLE environments ADD COLUMN has_vpn_totp_seed ${type}
      GENERATED ALWAYS AS (CASE WHEN vpn_totp_seed IS NOT NULL THEN 1 ELSE 0 END) ${storage}`.execute(db);
    await db.schema.alterTable('servers').addColumn('rdp_port', 'integer').execute();
  },
};
