import pg from 'pg';
import type { UserRole } from '../../common/registry/vocabulary.ts';
import type { TeamRoleNames } from './teamRoleNames.ts';

/*
 * What each work role may do to each of Lotsen's tables, as PostgreSQL enforces it: table (or column) GRANTs say
 * which statements a role may run at all, and row-level policies (forced, so they bind the owner too) say on which
 * rows. A table with no rule here gets forced RLS and no grant: nobody but the owner's functions sees it, and
 * `team create` names it, so a new table is closed until someone decides who may use it.
 *
 * The service layer refuses the same calls first, from the role matrix in common/team/roles.ts; this is what stops
 * `psql` with a member's own login. The rules follow that matrix: a table is written by the roles whose methods write
 * it, and the matrix's narrower inputs (an eligibility override, an escalation exception) are row checks here.
 */

type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
const ALL: Privilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
const READ: Privilege[] = ['SELECT'];

interface Access {
  roles: readonly UserRole[];
  privileges: readonly Privilege[];
  /** Which rows (USING, and WITH CHECK for writes unless `check` says otherwise); all rows when left out. */
  rows?: string;
  check?: string;
  /** Column privileges instead of the whole table's: `except` grants every column but these. */
  columns?: { only: readonly string[] } | { except: readonly string[] };
}

export interface TableRule {
  access: readonly Access[];
  /** Append-only: no UPDATE, DELETE or TRUNCATE by anyone, the owner included (a trigger refuses them). */
  appendOnly?: boolean;
}

const EVERYONE = ['technician', 'support_lead', 'finance'] as const;
const HANDS_ON = ['technician', 'support_lead'] as const;
const ME = 'lotsen.team_member_id()';
/**
 * The caller holds the admin right (its team_members row and the admin group both say so), beside their work role:
 * what destroys data for the whole team (the summer purge, its policy, an erasure) needs it in roles.ts.
 */
const ADMIN = 'lotsen.team_is_admin()';

/** Customer records: kept by technicians and support leads; finance reads them, never a secret. */
const registry: TableRule = {
  access: [
    { roles: HANDS_ON, privileges: ALL },
    { roles: ['finance'], privileges: READ },
  ],
};
/** Records about connecting (host keys, pre-connect approvals): finance opens no sessions. */
const connecting: TableRule = { access: [{ roles: HANDS_ON, privileges: ALL }] };
/** Read by everyone (eligibility needs them), written by support leads. */
const leadsWrite: TableRule = {
  access: [
    { roles: EVERYONE, privileges: READ },
    { roles: ['support_lead'], privileges: ['INSERT', 'UPDATE', 'DELETE'] },
  ],
};
/** Read by every member; written only by the owner's functions. */
const readOnly: TableRule = { access: [{ roles: EVERYONE, privileges: READ }] };

/**
 * Deleting a contact or a ticket (hands-on work) destroys its data key with it, in the same transaction, after the
 * row: such a key's record is gone. A key whose record stays (a ticket shredded by the purge or an erasure) and a
 * month's key are the admin's.
 */
const keyOfDeletedRecord = `(owner_kind = 'contact' AND NOT EXISTS (SELECT 1 FROM lotsen.contacts c WHERE c.id = personal_data_keys.owner_id))
  OR (owner_kind = 'ticket' AND NOT EXISTS (SELECT 1 FROM lotsen.tickets t WHERE t.id = personal_data_keys.owner_id))`;

/**
 * A session is its technician's; support leads read everyone's. Columns in a policy's subquery are qualified: sessions
 * has an `id` and a `recording_id` of its own, which would win.
 */
const ownSession = `technician_id = ${ME}`;
const personalTree = "tree = 'personal'";
const recordingOfOwnSession = `EXISTS (SELECT 1 FROM lotsen.sessions s WHERE s.recording_id = recordings.id AND s.technician_id = ${ME})`;

export const tableRules: Readonly<Record<string, TableRule>> = {
  users: readOnly,
  team_members: readOnly,
  kysely_migration: readOnly,
  kysely_migration_lock: readOnly,

  customers: registry,
  contacts: registry,
  environments: {
    access: [
      { roles: HANDS_ON, privileges: ALL },
      { roles: ['finance'], privileges: READ, columns: { except: ['pre_connect_secret', 'vpn_totp_seed'] } },
    ],
  },
  servers: registry,
  certificates: registry,
  maintenance_notices: registry,
  support_accounts: {
    access: [
      { roles: HANDS_ON, privileges: ALL },
      { roles: ['finance'], privileges: READ, columns: { except: ['secret', 'totp_seed'] } },
    ],
  },
  known_hosts: connecting,
  pre_connect_approvals: connecting,
  tool_approvals: connecting,

  agreements: leadsWrite,
  agreement_services: leadsWrite,
  dpas: leadsWrite,
  // The summer purge's rule (one row, made by its migration) and its record of runs: a support lead with the admin
  // right sets the one and runs the purge that adds to the other (retention.setPolicy, retention.purge).
  retention_policy: {
    access: [
      { roles: EVERYONE, privileges: READ },
      { roles: ['support_lead'], privileges: ['UPDATE'], rows: ADMIN },
    ],
  },
  purge_runs: {
    access: [
      { roles: EVERYONE, privileges: READ },
      { roles: ['support_lead'], privileges: ['INSERT'], rows: ADMIN },
    ],
  },

  tickets: registry,
  // A ticket's notes, status changes and screenshots are kept as the ticket is: hands-on members write them, finance
  // reads them. The purge and an erasure (a support lead's, with the admin right) delete screenshots with the key.
  ticket_notes: registry,
  ticket_status_changes: registry,
  ticket_screenshots: registry,
  ticket_escalations: {
    access: [
      // An escalation outside the agreement (an exception, billed at the price list) is the support lead's call.
      { roles: ['technician'], privileges: ALL, rows: 'true', check: "basis <> 'exception'" },
      { roles: ['support_lead'], privileges: ALL },
      { roles: ['finance'], privileges: READ },
    ],
  },
  // The price list: finance keeps it.
  vendor_settings: {
    access: [
      { roles: EVERYONE, privileges: READ },
      { roles: ['finance'], privileges: ['INSERT', 'UPDATE'] },
    ],
  },
  // Whoever seals personal text makes its owner's key; only a rotation changes one (its wrap); destroying one is
  // crypto-shredding.
  personal_data_keys: {
    access: [
      { roles: EVERYONE, privileges: ['SELECT', 'INSERT'] },
      { roles: HANDS_ON, privileges: ['DELETE'], rows: keyOfDeletedRecord },
      { roles: ['support_lead'], privileges: ['DELETE'], rows: ADMIN },
      // A rotation of the tree re-wraps each key (main/vault/treeRotation.ts), and that is the one change: only while
      // one runs, only a key still under the tree's current generation, only to the generation it moves to.
      {
        roles: EVERYONE,
        privileges: ['UPDATE'],
        columns: { only: ['generation', 'wrapped_key'] },
        rows: `generation = (SELECT t.generation FROM lotsen.vault_trees t WHERE t.tree = 'personal' AND t.rotating_to IS NOT NULL)`,
        check: `generation = (SELECT t.rotating_to FROM lotsen.vault_trees t WHERE t.tree = 'personal')`,
      },
    ],
  },
  // The embedded store's plain tree keys: a team database keeps none (team create and upgrade empty it), so no
  // member writes one; its tree keys are only ever wrapped (vault_wraps).
  key_trees: readOnly,
  // The vault (docs/vault.md). Wraps and public keys are no secret: everyone reads them, and only the
  // holder of a private key opens a wrap. Finance holds, makes and removes wraps of the personal tree only.
  vault_trees: {
    access: [
      { roles: EVERYONE, privileges: READ },
      { roles: HANDS_ON, privileges: ['INSERT', 'UPDATE'] },
      { roles: ['finance'], privileges: ['INSERT', 'UPDATE'], rows: personalTree },
    ],
  },
  vault_wraps: {
    access: [
      { roles: EVERYONE, privileges: READ },
      { roles: HANDS_ON, privileges: ['INSERT', 'UPDATE', 'DELETE'] },
      { roles: ['finance'], privileges: ['INSERT', 'UPDATE', 'DELETE'], rows: personalTree },
    ],
  },
  // Written only by lotsen.team_publish_key, for the caller's own row.
  member_keys: readOnly,
  vault_recovery: readOnly,
  // Data keys of access secrets and recordings: never finance's, not even their wrapped form. Rotation re-wraps
  // them (UPDATE); the purge and a deleted account destroy them.
  secret_data_keys: { access: [{ roles: HANDS_ON, privileges: ALL }] },

  sessions: {
    access: [
      // Opening one past an eligibility blocker (an override, with its reason) is the support lead's call.
      {
        roles: ['technician'],
        privileges: ['SELECT', 'INSERT', 'UPDATE'],
        rows: ownSession,
        check: `${ownSession} AND override_reason IS NULL`,
      },
      { roles: ['support_lead'], privileges: READ },
      { roles: ['support_lead'], privileges: ['INSERT', 'UPDATE'], rows: ownSession },
      // Finance opens no session and reads none; a classification suggestion weighs the eligibility warnings a
      // session opened with (main/time/classification.ts), so finance reads those, and nothing else of it.
      { roles: ['finance'], privileges: READ, columns: { only: ['id', 'warnings'] } },
    ],
  },
  recordings: {
    access: [
      // A recording is written before its session row names it, so a technician may add any; reading and
      // finishing one needs the session to be theirs.
      { roles: ['technician'], privileges: ['INSERT'] },
      { roles: ['technician'], privileges: ['SELECT', 'UPDATE'], rows: recordingOfOwnSession },
      { roles: ['support_lead'], privileges: ['SELECT', 'INSERT', 'UPDATE'] },
    ],
  },
  recording_chunks: {
    access: [
      {
        roles: ['technician'],
        privileges: ['SELECT', 'INSERT'],
        rows: `EXISTS (SELECT 1 FROM lotsen.sessions s WHERE s.recording_id = recording_chunks.recording_id AND s.technician_id = ${ME})`,
      },
      { roles: ['support_lead'], privileges: ['SELECT', 'INSERT'] },
      // The summer purge and an erasure (a support lead's, with the admin right) delete recordings' contents.
      { roles: ['support_lead'], privileges: ['DELETE'], rows: ADMIN },
    ],
  },

  time_entries: {
    access: [
      // A technician enters, changes and deletes only their own time, and sees only it.
      { roles: ['technician'], privileges: ALL, rows: `technician_id = ${ME}` },
      { roles: ['support_lead'], privileges: READ },
      { roles: ['support_lead'], privileges: ['INSERT', 'UPDATE', 'DELETE'], rows: `technician_id = ${ME}` },
      // Finance reads everyone's time, imports time files (anyone's), reclassifies it and puts it in a batch; the
      // approved-month triggers of the migrations lock it from then on.
      { roles: ['finance'], privileges: ['SELECT', 'INSERT'] },
      {
        roles: ['finance'],
        privileges: ['UPDATE'],
        rows: 'batch_id IS NULL',
        check: 'true',
        columns: {
          // row_version: every update of an entry moves its version (main/store/rowVersion.ts).
          only: [
            'classification',
            'work_type',
            'batch_id',
            'line_seq',
            'updated_at',
            'updated_by',
            'row_version',
          ],
        },
      },
    ],
  },
  billing_batches: {
    access: [
      { roles: ['finance'], privileges: ['SELECT', 'INSERT'] },
      // Approval writes a batch's totals once and seals it: an open batch may be updated into a sealed one (the
      // migrations' trigger keeps a sealed one as it is).
      { roles: ['finance'], privileges: ['UPDATE'], rows: 'sealed = 0', check: 'true' },
      { roles: ['support_lead'], privileges: READ },
      // Which months are approved (main/billing/periodLocks.ts), so a technician's time is refused in words before
      // the lock triggers refuse it; never the amounts.
      {
        roles: ['technician'],
        privileges: READ,
        columns: {
          only: ['id', 'customer_id', 'customer_name', 'number', 'month', 'period_start', 'period_end'],
        },
      },
    ],
  },
  billing_lines: {
    appendOnly: true,
    access: [
      { roles: ['finance'], privileges: ['SELECT', 'INSERT'] },
      { roles: ['support_lead'], privileges: READ },
    ],
  },
  billing_adjustments: {
    access: [
      { roles: ['finance'], privileges: ['SELECT', 'INSERT'] },
      // Approving a month puts its open adjustments into the batch (batch_id set): the lock triggers keep them so.
      { roles: ['finance'], privileges: ['UPDATE', 'DELETE'], rows: 'batch_id IS NULL', check: 'true' },
      { roles: ['support_lead'], privileges: READ },
    ],
  },
  // The chain's head and its events: read by everyone, written only by the owner's append function
  // (main/store/auditAppend.ts), which checks the expected head under its row lock and writes in the caller's name.
  audit_head: readOnly,
  audit_events: { appendOnly: true, access: [{ roles: EVERYONE, privileges: READ }] },
  // Local stores' logs brought in by `team import-local` (hands-on members bring their own), read as the log is.
  audit_imported_events: {
    appendOnly: true,
    access: [
      { roles: EVERYONE, privileges: READ },
      { roles: HANDS_ON, privileges: ['INSERT'] },
    ],
  },
};

/** Tables whose rows, once written, never change; billing_batches too once sealed (its own trigger). */
export const APPEND_ONLY_TRUNCATE = ['billing_batches'];

const ident = (name: string) => pg.escapeIdentifier(name);

/**
 * The statements that put one table under its rule: run as the owner, idempotent (every grant revoked and every
 * policy of ours dropped first), so `team upgrade` can run them again after new migrations.
 */
export function tableRuleStatements(
  names: TeamRoleNames,
  table: { name: string; columns: readonly string[] },
  rule: TableRule | undefined,
): string[] {
  const t = `lotsen.${ident(table.name)}`;
  const groups = [...Object.values(names.work), names.member, names.admin].map(ident).join(', ');
  const statements = [
    `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`,
    `REVOKE ALL ON ${t} FROM PUBLIC, ${groups}`,
    ...table.columns.map((column) => `REVOKE ALL (${ident(column)}) ON ${t} FROM PUBLIC, ${groups}`),
    // Our policies are all named team_…; drop them so a changed rule leaves none of its old self behind.
    `DO $d$ DECLARE p text; BEGIN
       FOR p IN SELECT policyname FROM pg_policies WHERE schemaname = 'lotsen' AND tablename = ${pg.escapeLiteral(table.name)}
                  AND policyname LIKE 'team\\_%' LOOP
         EXECUTE format('DROP POLICY %I ON ${t.replace(/%/g, '%%')}', p);
       END LOOP; END $d$`,
    // The owner's own functions (enrolment, audit append) and the migrations run as the owner, under forced RLS.
    `CREATE POLICY team_owner ON ${t} TO ${ident(names.owner)} USING (true) WITH CHECK (true)`,
  ];
  (rule?.access ?? []).forEach((access, index) => {
    for (const role of access.roles) {
      const group = ident(names.work[role]);
      const columns = columnList(table.columns, access.columns);
      for (const privilege of access.privileges) {
        const target = columns && privilege !== 'DELETE' ? `${privilege} (${columns})` : privilege;
        statements.push(`GRANT ${target} ON ${t} TO ${group}`);
      }
    }
    const to = access.roles.map((role) => ident(names.work[role])).join(', ');
    for (const privilege of access.privileges) {
      const name = ident(`team_${index}_${privilege.toLowerCase()}`);
      const rows = access.rows ?? 'true';
      const check = access.check ?? rows;
      const clause =
        privilege === 'INSERT'
          ? `WITH CHECK (${check})`
          : privilege === 'UPDATE'
            ? `USING (${rows}) WITH CHECK (${check})`
            : `USING (${rows})`;
      statements.push(`CREATE POLICY ${name} ON ${t} FOR ${privilege} TO ${to} ${clause}`);
    }
  });
  if (rule?.appendOnly || APPEND_ONLY_TRUNCATE.includes(table.name)) {
    statements.push(...appendOnlyStatements(table.name, rule?.appendOnly === true));
  }
  return statements;
}

function columnList(columns: readonly string[], choice: Access['columns']): string | null {
  if (!choice) return null;
  const chosen = 'only' in choice ? choice.only : columns.filter((c) => !choice.except.includes(c));
  return chosen.map(ident).join(', ');
}

/**
 * TRUNCATE passes by row triggers, so a statement trigger refuses it, for the owner too; `rows` adds row triggers
 * refusing UPDATE and DELETE beside the migrations' own (which say LOCKED for the app to show).
 */
function appendOnlyStatements(table: string, rows: boolean): string[] {
  const t = `lotsen.${ident(table)}`;
  const trigger = (suffix: string) => ident(`team_${table}_${suffix}`);
  return [
    `DROP TRIGGER IF EXISTS ${trigger('no_truncate')} ON ${t}`,
    `CREATE TRIGGER ${trigger('no_truncate')} BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION lotsen.team_refuse_change()`,
    ...(rows
      ? [
          `DROP TRIGGER IF EXISTS ${trigger('immutable')} ON ${t}`,
          `CREATE TRIGGER ${trigger('immutable')} BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION lotsen.team_refuse_change()`,
        ]
      : []),
  ];
}
