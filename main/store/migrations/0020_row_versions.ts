import type { Kysely, Migration } from 'kysely';

/**
 * Every record people edit in place carries a version (issue 12; issue 14 refuses a save made against a stale one
 * with CONFLICT). It starts at 1 and every UPDATE of the row adds one in the same statement (main/store/rowVersion.ts).
 * Named `row_version`, not `version`: a DPA already has a `version` (the agreement document's own, 0002).
 *
 * Editable, so versioned: the registry (customers, contacts, environments, servers, support_accounts), agreements
 * and dpas, tickets, time_entries, the vendor's side (maintenance_notices, certificates) and settings
 * (vendor_settings, the price list; retention_policy).
 *
 * Not versioned, and why:
 * - audit_events, billing_lines: append-only (guard triggers refuse every update); recording_chunks and purge_runs
 *   are only ever inserted (and the purge deletes chunks);
 * - billing_batches: written once by its month's approval (which holds the month's lock) and sealed;
 *   billing_adjustments: made, never edited, and locked into a batch at approval;
 * - agreement_services and ticket_escalations: parts of their agreement's or ticket's record, written only by that
 *   record's save, which moves the parent's version;
 * - sessions and recordings: lifecycle records the process running the session writes (state, bytes, end), never a
 *   form a person saves;
 * - known_hosts: replacing a key is already compare-and-set on the fingerprint expected (knownHosts.ts);
 * - pre_connect_approvals, personal_data_keys, key_trees: made and removed, never changed;
 * - users: changed only by the team's member functions, whose record (team_members, team-only) has its own version.
 *
 * ALTER TABLE ADD COLUMN only, with a constant default: SQLite adds it without a rebuild, PostgreSQL (as bigint,
 * postgresColumnTypes.ts) without rewriting the table, and existing rows read 1.
 */
export const VERSIONED_TABLES = [
  'customers',
  'contacts',
  'environments',
  'servers',
  'support_accounts',
  'agreements',
  'dpas',
  'tickets',
  'time_entries',
  'maintenance_notices',
  'certificates',
  'vendor_settings',
  'retention_policy',
] as const;

export const migration0020RowVersions: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of VERSIONED_TABLES) {
      await db.schema
        .alterTable(table)
        .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    }
  },
};
