import type { DatabaseSchema } from '../../store/schema.ts';

/**
 * What `team import-local` copies from a local store into a team database, table by table, in an order the foreign
 * keys and the approved-month triggers accept: time entries and adjustments go in before the batches that lock their
 * months (the triggers refuse time in an approved month), so their batch columns are written afterwards.
 */
export interface TableCopy {
  table: keyof DatabaseSchema;
  /** The primary key's columns: the order rows are read in, and (when one `id`-like column) the conflict check's. */
  key: readonly string[];
  /** Columns naming a user: the local user becomes the importing member. */
  userColumns: readonly string[];
  /** Columns the database computes; never written. */
  generated?: readonly string[];
  /** Columns written after the batches exist (null at first). */
  afterBatches?: readonly string[];
  /** Rows per INSERT: fewer for tables with large values. */
  batch?: number;
}

const attributed = ['created_by', 'updated_by'] as const;

export const tableCopies: readonly TableCopy[] = [
  { table: 'customers', key: ['id'], userColumns: attributed },
  { table: 'contacts', key: ['id'], userColumns: attributed },
  {
    table: 'environments',
    key: ['id'],
    userColumns: attributed,
    generated: ['has_pre_connect_secret', 'has_vpn_totp_seed'],
  },
  { table: 'servers', key: ['id'], userColumns: attributed },
  {
    table: 'support_accounts',
    key: ['id'],
    userColumns: attributed,
    generated: ['has_secret', 'has_totp_seed'],
  },
  { table: 'certificates', key: ['id'], userColumns: attributed },
  { table: 'maintenance_notices', key: ['id'], userColumns: attributed },
  { table: 'known_hosts', key: ['id'], userColumns: ['trusted_by'] },
  // This machine's approvals name this machine (its machine id): kept, for this machine's sessions.
  {
    table: 'pre_connect_approvals',
    key: ['environment_id', 'machine_id', 'command_sha256'],
    userColumns: ['approved_by'],
  },
  {
    table: 'tool_approvals',
    key: ['environment_id', 'tool', 'machine_id'],
    userColumns: ['approved_by'],
  },
  { table: 'agreements', key: ['id'], userColumns: attributed },
  { table: 'agreement_services', key: ['id'], userColumns: [] },
  { table: 'dpas', key: ['id'], userColumns: attributed },
  { table: 'personal_data_keys', key: ['id'], userColumns: [] },
  { table: 'tickets', key: ['id'], userColumns: [...attributed, 'sent_back_by'] },
  { table: 'ticket_escalations', key: ['ticket_id'], userColumns: ['escalated_by'] },
  { table: 'recordings', key: ['id'], userColumns: [] },
  { table: 'recording_chunks', key: ['recording_id', 'seq'], userColumns: [], batch: 50 },
  {
    table: 'time_entries',
    key: ['id'],
    userColumns: ['technician_id', ...attributed],
    afterBatches: ['batch_id', 'line_seq'],
  },
  { table: 'sessions', key: ['id'], userColumns: ['technician_id'] },
  {
    table: 'billing_adjustments',
    key: ['id'],
    userColumns: ['created_by'],
    afterBatches: ['batch_id', 'line_seq'],
  },
  { table: 'billing_batches', key: ['id'], userColumns: ['approved_by'] },
  { table: 'billing_lines', key: ['batch_id', 'seq'], userColumns: [] },
  { table: 'purge_runs', key: ['id'], userColumns: ['ran_by'] },
];

/**
 * Tables not copied, and why (the command says so). The local user becomes the member; the log becomes a segment.
 */
export const tablesNotCopied: Readonly<Partial<Record<keyof DatabaseSchema, string>>> = {
  users: 'the local user becomes you, the importing member',
  audit_events: 'kept unchanged as an imported segment of the team log',
  audit_imported_events: 'a local store has none',
  key_trees: "the data keys are re-wrapped under the team's keys",
  vendor_settings: "the team's own price list applies",
  retention_policy: "the team's own retention policy applies",
  secret_data_keys: "secrets and recordings are sealed afresh under the team's secrets key",
  vault_trees: "the team's own vault",
  vault_wraps: "the team's own vault",
  member_keys: "the team's own vault",
  vault_recovery: "the team's own vault",
};
