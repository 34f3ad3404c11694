/*
 * Table shapes as the query layer sees them. Instants are UTC epoch milliseconds; booleans are 0/1 so the same
 * queries run on SQLite and, later, PostgreSQL (as smallint) without a dialect switch.
 */

import type { Generated, GeneratedAlways } from 'kysely';

/** A row people edit in place: its version starts at 1 and every update adds one (store/rowVersion.ts, 0020). */
interface Versioned {
  row_version: Generated<number>;
}

interface Attributed extends Versioned {
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
}

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  role: string;
  is_local: number;
  created_at: number;
}

export interface CustomersTable extends Attributed {
  id: string;
  name: string;
  org_number: string;
  kind: string;
  notes: string;
  /** The vendor's person the customer's support contacts phone for acute matters (0016); '' when none. */
  responsible_name: Generated<string>;
  responsible_phone: Generated<string>;
  responsible_email: Generated<string>;
}

export interface ContactsTable extends Attributed {
  id: string;
  customer_id: string;
  name: string;
  email: string;
  phone: string;
  role: string;
  admin_training_done: number;
  tool_training_done: number;
  /** 0015: the contact's own admin account in the customer's platform, and whether it is the primary contact. */
  admin_account: string;
  is_primary: number;
}

export interface EnvironmentsTable extends Attributed {
  id: string;
  customer_id: string;
  name: string;
  notes: string;
  vpn_type: string;
  vpn_gateway: string;
  teamviewer_id: string;
  access_method: string;
  /** JSON array of tool names. */
  supported_tools: string;
  access_notes: string;
  pre_connect_command: string;
  /** 0015: `yes`, `no` or `unknown`. */
  split_tunnel: string;
  access_tool: string;
  special_configuration_needed: number;
  special_configuration: string;
  /** 0024: the pre-connect command's secret, sealed by the vault (`sv1.`); only the pre-connect program gets it. */
  pre_connect_secret: string | null;
  /** 1 when `pre_connect_secret` holds one: computed by the database (0024), readable without its privilege. */
  has_pre_connect_secret: GeneratedAlways<number>;
  /** 0028: JSON array of `{ tool, template }`, the external tools' launch templates. */
  tool_templates: Generated<string>;
  /** 0029: the VPN client the pre-connect command was written for (common/sessions/vpn.ts), `none` for own text. */
  vpn_client: Generated<string>;
  /** 0030: the VPN's TOTP seed, sealed by the vault (`sv1.`, owner kind `environmentTotp`). */
  vpn_totp_seed: Generated<string | null>;
  /** 1 when `vpn_totp_seed` holds one: computed by the database (0030). */
  has_vpn_totp_seed: GeneratedAlways<number>;
  /** 0029: run after the session when the pre-connect command ran; approved together with it. */
  disconnect_command: Generated<string>;
}

export interface ServersTable extends Attributed {
  id: string;
  environment_id: string;
  host: string;
  port: number;
  role: string;
  os: string;
  notes: string;
  /** 0028: `posix` or `powershell`, what its SSH login runs. */
  shell: Generated<string>;
  /** 0030: the port its RDP listens on; null for the old rule (rdpTarget.ts). `port` is SSH's. */
  rdp_port: Generated<number | null>;
}

export interface SupportAccountsTable extends Attributed {
  id: string;
  environment_id: string;
  username: string;
  notes: string;
  secret: string | null;
  secret_updated_at: number | null;
  /** 1 when `secret` holds one: computed by the database (0021), readable without the secret's privilege. */
  has_secret: GeneratedAlways<number>;
  /** 0028: a TOTP seed, sealed by the vault (`sv1.`, owner kind `accountTotp`). */
  totp_seed: Generated<string | null>;
  /** 1 when `totp_seed` holds one: computed by the database (0028). */
  has_totp_seed: GeneratedAlways<number>;
}

export interface DatabaseSchema {
  users: UsersTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  environments: EnvironmentsTable;
  servers: ServersTable;
  support_accounts: SupportAccountsTable;
  agreements: AgreementsTable;
  agreement_services: AgreementServicesTable;
  dpas: DpasTable;
  tickets: TicketsTable;
  ticket_notes: TicketNotesTable;
  ticket_status_changes: TicketStatusChangesTable;
  ticket_screenshots: TicketScreenshotsTable;
  audit_events: AuditEventsTable;
  audit_imported_events: AuditImportedEventsTable;
  time_entries: TimeEntriesTable;
  known_hosts: KnownHostsTable;
  recordings: RecordingsTable;
  recording_chunks: RecordingChunksTable;
  sessions: SessionsTable;
  billing_batches: BillingBatchesTable;
  billing_lines: BillingLinesTable;
  billing_adjustments: BillingAdjustmentsTable;
  pre_connect_approvals: PreConnectApprovalsTable;
  tool_approvals: ToolApprovalsTable;
  key_trees: KeyTreesTable;
  personal_data_keys: PersonalDataKeysTable;
  vault_trees: VaultTreesTable;
  vault_wraps: VaultWrapsTable;
  member_keys: MemberKeysTable;
  vault_recovery: VaultRecoveryTable;
  secret_data_keys: SecretDataKeysTable;
  retention_policy: RetentionPolicyTable;
  purge_runs: PurgeRunsTable;
  ticket_escalations: TicketEscalationsTable;
  vendor_settings: VendorSettingsTable;
  maintenance_notices: MaintenanceNoticesTable;
  certificates: CertificatesTable;
}

export interface TicketEscalationsTable {
  ticket_id: string;
  basis: string;
  fee_ore: number;
  agreement_id: string | null;
  /** Sealed under the ticket's personal-data key. */
  reason: string | null;
  escalated_at: number;
  escalated_by: string;
}

export interface VendorSettingsTable extends Versioned {
  key: string;
  value: string;
  updated_at: number;
  updated_by: string | null;
}

export interface KeyTreesTable {
  name: string;
  key_material: string;
  created_at: number;
}

export interface PersonalDataKeysTable {
  id: string;
  owner_kind: string;
  owner_id: string;
  wrapped_key: string;
  created_at: number;
  /** 0022: the generation of the personal tree that wraps it (always 1 in the embedded store). */
  generation: Generated<number>;
}

/** 0022, the vault (main/vault/): a tree's current generation, and the one a running rotation moves to. */
export interface VaultTreesTable {
  tree: string;
  generation: number;
  rotating_to: number | null;
  rotation_reason: string | null;
  updated_at: number;
}

/** A tree key of one generation wrapped for one recipient (`member:<id>`, `recovery`, `invite:<id>`). */
export interface VaultWrapsTable {
  tree: string;
  generation: number;
  recipient: string;
  wrapped: string;
  created_at: number;
  created_by: string | null;
}

/** A member's X25519 public key (base64url of the raw 32 bytes). */
export interface MemberKeysTable {
  user_id: string;
  public_key: string;
  created_at: number;
}

/** The recovery kit's public key (one row, id 1). */
export interface VaultRecoveryTable {
  id: number;
  public_key: string;
  created_at: number;
  created_by: string | null;
}

/** One data key per support account and per recording, wrapped by the `secrets` tree key of `generation`. */
export interface SecretDataKeysTable {
  id: string;
  owner_kind: string;
  owner_id: string;
  generation: number;
  wrapped_key: string;
  created_at: number;
}

export interface AgreementsTable extends Attributed {
  id: string;
  customer_id: string;
  reference: string;
  starts_on: string;
  ends_on: string | null;
  response_hours: number;
  acute_enabled: number;
  acute_fee_ore: number;
  allowed_contacts: number;
  /** JSON object: work type -> öre per hour. */
  hourly_rates_ore: string;
  rounding_increment_minutes: number;
  rounding_scope: string;
  minimum_minutes: number;
  notes: string;
}

export interface AgreementServicesTable {
  id: string;
  agreement_id: string;
  kind: string;
  name: string;
  environment_id: string | null;
  position: number;
}

export interface DpasTable extends Attributed {
  id: string;
  customer_id: string;
  signed_on: string;
  reference: string;
  version: string;
  signatory: string;
  ends_on: string | null;
  document: string;
  notes: string;
}

export interface TicketsTable extends Attributed {
  id: string;
  customer_id: string;
  external_ref: string;
  external_url: string;
  requester_name: string;
  requester_email: string;
  service_id: string | null;
  environment_id: string | null;
  subject: string;
  description: string;
  priority: string;
  received_at: number;
  status: string;
  first_response_at: number | null;
  escalated_at: number | null;
  affected_users: string;
  school_and_class: string;
  problem_started: string;
  has_screenshot: number;
  page_links: string;
  browser: string;
  /** Null: no agreement in force when received, so no response-time promise. */
  response_hours: number | null;
  standard_due_at: number | null;
  acute_due_at: number | null;
  due_at: number | null;
  /** When the summer purge or a GDPR erase destroyed the ticket's data key (0017). */
  purged_at: number | null;
  /** 0015: when, and by which user, a ticket from a non-contact was sent back to the named contacts. */
  sent_back_at: number | null;
  sent_back_by: string | null;
  /** 0026: the member the ticket is assigned to (in the embedded store, its one user); null: nobody yet. */
  assignee_id: string | null;
}

/** 0026: a note on a ticket, its body sealed under the ticket's personal-data key. */
export interface TicketNotesTable {
  id: string;
  ticket_id: string;
  body: string;
  created_at: number;
  created_by: string;
}

/** 0026: a ticket's status as it changed, for its timeline. */
export interface TicketStatusChangesTable {
  id: string;
  ticket_id: string;
  from_status: string | null;
  to_status: string;
  changed_at: number;
  changed_by: string;
}

/** 0026: a screenshot attached to a ticket: the image as base64, sealed under the ticket's personal-data key. */
export interface TicketScreenshotsTable {
  id: string;
  ticket_id: string;
  media_type: string;
  byte_size: number;
  content: string;
  created_at: number;
  created_by: string;
}

export interface AuditEventsTable {
  seq: number;
  at: number;
  actor_id: string;
  actor_name: string;
  event: string;
  subject_type: string | null;
  subject_id: string | null;
  /** Canonical JSON (RFC 8785). */
  details: string;
  prev_hash: string;
  hash: string;
}

/** An event of a local store's log brought in by `team import-local` (0023), unchanged; its segment is one import. */
export interface AuditImportedEventsTable extends AuditEventsTable {
  segment_id: string;
}

export interface TimeEntriesTable extends Attributed {
  id: string;
  ticket_id: string;
  technician_id: string;
  started_at: number;
  ended_at: number | null;
  source: string;
  session_id: string | null;
  note: string;
  classification: string;
  work_type: string | null;
  /** Set when finance approves the entry's month: the entry is locked from then on. */
  batch_id: string | null;
  /** The billing line (within the batch) that bills this entry. */
  line_seq: number | null;
}

export interface KnownHostsTable {
  id: string;
  host: string;
  port: number;
  key_type: string;
  /** `SHA256:…` as OpenSSH prints it. */
  fingerprint: string;
  trusted_at: number;
  trusted_by: string;
}

export interface RecordingsTable {
  id: string;
  started_at: number;
  width: number;
  height: number;
  /** The asciicast v2 header line (JSON). */
  header: string;
  ended_at: number | null;
  /** Output bytes recorded. */
  bytes: number;
}

export interface RecordingChunksTable {
  recording_id: string;
  seq: number;
  /** The batch's first event, in ms since the recording started. */
  offset_ms: number;
  /**
   * asciicast v2 event lines, each ending in a newline, sealed (`sv1.`, or `pd1.` before the vault): as text, or in
   * the embedded store's recordings' file as the same form's bytes (main/vault/sealedText.ts).
   */
  data: string | Uint8Array;
}

export interface SessionsTable {
  id: string;
  kind: string;
  title: string;
  ticket_id: string;
  environment_id: string;
  server_id: string | null;
  account_id: string | null;
  technician_id: string;
  owner: string;
  state: string;
  opened_at: number;
  closed_at: number | null;
  end_code: string | null;
  end_message: string | null;
  end_details: string | null;
  override_reason: string | null;
  /** JSON array of eligibility reasons. */
  warnings: string;
  recording_id: string | null;
  time_entry_id: string | null;
  cols: number;
  rows: number;
  /** How it was opened (0009), what a reconnect repeats; the store's defaults are those of `sessions.open`. */
  auth: Generated<string>;
  /** JSON array of jump hops ({ serverId, accountId, auth }), nearest first. */
  jump: Generated<string>;
  run_pre_connect: Generated<number>;
  record_input: Generated<number>;
  /** 0028: the external tool an external-tool session launched; null for other kinds. */
  tool: Generated<string | null>;
}

export interface BillingBatchesTable {
  id: string;
  number: number;
  customer_id: string;
  /** YYYY-MM, Stockholm time. */
  month: string;
  period_start: number;
  period_end: number;
  customer_name: string;
  org_number: string;
  approved_at: number;
  approved_by: string;
  approved_by_name: string;
  entries: number;
  lines: number;
  actual_minutes: number;
  billed_minutes: number;
  amount_ore: number;
  sealed: number;
}

export interface BillingLinesTable {
  batch_id: string;
  seq: number;
  kind: string;
  ticket_id: string;
  ticket_ref: string;
  ticket_subject: string;
  /** YYYY-MM-DD, Stockholm time. */
  day: string;
  technician: string;
  agreement_ref: string;
  classification: string;
  work_type: string | null;
  actual_seconds: number;
  actual_minutes: number;
  billed_minutes: number;
  rate_ore: number;
  amount_ore: number;
  note: string;
  entry_count: number;
  entry_id: string | null;
  adjustment_id: string | null;
}

export interface BillingAdjustmentsTable {
  id: string;
  entry_id: string;
  customer_id: string;
  month: string;
  minutes: number;
  note: string;
  created_at: number;
  created_by: string;
  batch_id: string | null;
  line_seq: number | null;
}

/** A person's approval of one exact pre-connect command for an environment, on one machine (0010). */
export interface PreConnectApprovalsTable {
  environment_id: string;
  command_sha256: string;
  machine_id: string;
  approved_at: number;
  approved_by: string;
}

/** A person's approval of one exact launch template of an environment's tool, on one machine (0028). */
export interface ToolApprovalsTable {
  environment_id: string;
  tool: string;
  template_sha256: string;
  machine_id: string;
  approved_at: number;
  approved_by: string;
}

/** The retention policy, one row (0017). */
export interface RetentionPolicyTable extends Versioned {
  id: number;
  purge_month_day: string;
  keep_closed_days: number;
  updated_at: number;
  updated_by: string | null;
}

/** One summer purge that ran: counts only (0017). */
export interface PurgeRunsTable {
  id: string;
  ran_at: number;
  ran_by: string;
  purge_date: string;
  tickets: number;
  month_keys: number;
  keys_destroyed: number;
  recordings: number;
}

/** The customer's notice of maintenance or a change in one environment (0016). */
export interface MaintenanceNoticesTable extends Attributed {
  id: string;
  environment_id: string;
  starts_at: number;
  /** Null: until further notice. */
  ends_at: number | null;
  summary: string;
  received_at: number;
}

/** A certificate whose expiry takes AD FS or WAP down (0016). */
export interface CertificatesTable extends Attributed {
  id: string;
  environment_id: string;
  kind: string;
  subject: string;
  thumbprint: string;
  server_id: string | null;
  /** YYYY-MM-DD, the last day it is valid (Stockholm). */
  expires_on: string;
}
