import { sql, type Kysely, type Migration } from 'kysely';
import { storeDialect } from '../dialect.ts';

/**
 * Issue 16, items 2, 3 and 5:
 * - `servers.shell`: what the server's SSH login runs, `posix` (a Unix shell) or `powershell` (Windows' OpenSSH server
 *   with PowerShell as its shell), so a session can set the terminal up for it.
 * - `environments.tool_templates`: the launch templates of the environment's external tools (TeamViewer and the
 *   like), a JSON array of `{ tool, template }`; a template is a command line with placeholders, never a secret.
 * - `tool_approvals`: which template a person approved to run for which tool on which machine, as
 *   `pre_connect_approvals` (0010) does for pre-connect commands, keyed by the SHA-256 of the template's text.
 * - `sessions.tool`: the tool an external-tool session launched, so it can be launched again as it was.
 * - `support_accounts.totp_seed`: a TOTP seed (RFC 6238), sealed by the vault as `sv1.` text under a data key of its
 *   own (owner kind `accountTotp`), and `has_totp_seed`, computed by the database as `has_secret` (0021) is, so
 *   finance, who holds no privilege on the seed's column, can still read accounts.
 * Columns are added, tables never rebuilt; the same on both engines.
 */
export const migration0028ShellsToolsOneTimeCodes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('servers')
      .addColumn('shell', 'text', (c) => c.notNull().defaultTo('posix'))
      .execute();
    await db.schema
      .alterTable('environments')
      .addColumn('tool_templates', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema.alterTable('sessions').addColumn('tool', 'text').execute();
    await db.schema.alterTable('support_accounts').addColumn('totp_seed', 'text').execute();
    // Raw SQL passes by the column-type plugin (postgresColumnTypes.ts): SQLite's integer is PostgreSQL's bigint.
    const [type, storage] =
      storeDialect(db) === 'postgres' ? [sql`bigint`, sql`STORED`] : [sql`integer`, sql`VIRTUAL`];
    await sql`ALTER TABLE support_accounts ADD COLUMN has_totp_seed ${type}
      GENERATED ALWAYS AS (CASE WHEN totp_seed IS NOT NULL THEN 1 ELSE 0 END) ${storage}`.execute(db);
    await db.schema
      .createTable('tool_approvals')
      // Approvals go with their environment: deleting it leaves none behind for a later one to inherit.
      .addColumn('environment_id', 'text', (c) =>
        c.notNull().references('environments.id').onDelete('cascade'),
      )
      .addColumn('tool', 'text', (c) => c.notNull())
      /** Lower-case hex SHA-256 of the template's UTF-8 text. */
      .addColumn('template_sha256', 'text', (c) => c.notNull())
      /** The random id in the approving machine's lotsen.json (main/app/machineId.node.ts). */
      .addColumn('machine_id', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'integer', (c) => c.notNull())
      .addColumn('approved_by', 'text', (c) => c.notNull().references('users.id'))
      .addPrimaryKeyConstraint('tool_approvals_pk', ['environment_id', 'tool', 'machine_id'])
      .execute();
  },
};
