import pg from 'pg';
import { keyedError } from '../../common/api/errors.ts';
import type { UserRole } from '../../common/registry/vocabulary.ts';
import { connectTeam, inTransaction, parseTeamUrl } from './teamConnection.node.ts';
import { makeEnrolmentCode } from './enrolmentCode.node.ts';
import type { TeamClient } from './teamClient.ts';
import { teamError } from './teamErrors.ts';
import {
  teamFunctionGrantStatements,
  teamFunctionStatements,
  teamMembersTableStatements,
} from './teamFunctionsSql.ts';
import { migrateTeamSchema, type MigrateTeamSchema } from './teamMigration.node.ts';
import { teamRoleNames, type TeamRoleNames } from './teamRoleNames.ts';
import { scramSha256Verifier } from './scramVerifier.node.ts';
import { tableRules, tableRuleStatements } from './tableRulesSql.ts';
import { setUpVault, type RecoveryKit } from './teamVault.node.ts';

const ident = (name: string) => pg.escapeIdentifier(name);

export interface Invitation {
  userId: string;
  login: string;
  /** Shown once to the admin, to pass on to the member; the server keeps only its SCRAM verifier. */
  code: string;
  expiresAt: number;
}

export interface TeamSetupResult {
  database: string;
  roles: TeamRoleNames;
  /** Tables no rule covers: closed to every member until one does (tableRulesSql.ts). */
  closedTables: string[];
  /**
   * The vault's recovery kit, made when the team's vault was (create, or the upgrade that added it): shown once,
   * stored nowhere; null when the vault existed already.
   */
  recoveryKit: RecoveryKit | null;
}

export interface TeamSetupOptions {
  /** A role that may create roles and own the database's objects (a DBA's); used for this run only, never stored. */
  adminUrl: string;
  insecure?: boolean;
  migrate?: MigrateTeamSchema;
}

/**
 * `lotsen team create`: the team's roles and schema, the migrations run as the owner, the rules on every table, and
 * the first member (with the admin right), who enrols with the code returned like anyone else, so whoever ran this
 * never learns their password. Refused when the database has a team already.
 */
export async function createTeam(
  options: TeamSetupOptions & { firstMember: { name: string; email: string; role: UserRole } },
): Promise<TeamSetupResult & { firstMember: Invitation }> {
  return withAdmin(options, (admin, names) =>
    applyTeamSecurity(admin, names, options, () =>
      inTransaction(
        admin,
        async (): Promise<{ firstMember: Invitation; recoveryKit: RecoveryKit | null }> => {
          await admin.query(`SET LOCAL ROLE ${ident(names.owner)}`);
          const current = await admin.query(
            'SELECT 1 FROM lotsen.team_members WHERE removed_at IS NULL LIMIT 1',
          );
          if (current.rowCount) {
            throw keyedError('CONFLICT', 'team.teamExists', { database: names.database });
          }
          const firstMember = await invite(admin, 'lotsen.team_create_member($1, $2, $3, $4, $5, $6, NULL)', {
            ...options.firstMember,
            isAdmin: true,
          });
          // Generation 1 of the vault's trees, wrapped for the recovery kit and for the first member's code.
          const recoveryKit = await setUpVault(admin, {
            database: names.database,
            invitations: [
              { userId: firstMember.userId, code: firstMember.code, role: options.firstMember.role },
            ],
            members: [],
          });
          return { firstMember, recoveryKit };
        },
      ),
    ).then(({ result, then }) => ({ ...result, ...then })),
  );
}

/**
 * `lotsen team upgrade`: the same steps as create but the first member, safe to run again at any time. A team made
 * before the vault gets it here: generation 1 wrapped for the recovery kit and for every member who has published a
 * key (the others get theirs with `lotsen team grant-keys` once they have unlocked), its plain secrets sealed.
 */
export async function upgradeTeam(options: TeamSetupOptions): Promise<TeamSetupResult> {
  return withAdmin(options, async (admin, names) => {
    const { result, then: recoveryKit } = await applyTeamSecurity(admin, names, options, () =>
      inTransaction(admin, async () => {
        await admin.query(`SET LOCAL ROLE ${ident(names.owner)}`);
        const { rows } = await admin.query<{ user_id: string; public_key: string; role: UserRole }>(
          `SELECT k.user_id, k.public_key, u.role FROM lotsen.member_keys k
             JOIN lotsen.team_members m ON m.user_id = k.user_id JOIN lotsen.users u ON u.id = k.user_id
            WHERE m.removed_at IS NULL AND m.enrolled_at IS NOT NULL`,
        );
        return setUpVault(admin, {
          database: names.database,
          invitations: [],
          members: rows.map((r) => ({ userId: r.user_id, publicKey: r.public_key, role: r.role })),
        });
      }),
    );
    return { ...result, recoveryKit };
  });
}

/** Calls a member-making function with a fresh code's verifier; the code itself goes back to the caller only. */
export async function invite(
  client: TeamClient,
  call: string,
  member: { name: string; email: string; role: UserRole; isAdmin: boolean },
): Promise<Invitation> {
  const { code, loginSuffix } = makeEnrolmentCode();
  const { rows } = await client.query<{
    member_user_id: string;
    member_login: string;
    code_expires_at: number;
  }>(`SELECT member_user_id, member_login, code_expires_at::float8 AS code_expires_at FROM ${call}`, [
    member.name,
    member.email,
    member.role,
    member.isAdmin,
    loginSuffix,
    scramSha256Verifier(code),
  ]);
  const row = rows[0]!;
  return { userId: row.member_user_id, login: row.member_login, code, expiresAt: row.code_expires_at };
}

/**
 * Calls a code-reissuing function (teamFunctionsSql.ts) for a member with a fresh code's verifier: the same user, a
 * new login; the code goes back to the caller only.
 */
export async function reissue(client: TeamClient, call: string, userId: string): Promise<Invitation> {
  const { code, loginSuffix } = makeEnrolmentCode();
  const { rows } = await client.query<{ member_login: string; code_expires_at: number }>(
    `SELECT member_login, code_expires_at::float8 AS code_expires_at FROM ${call}`,
    [userId, loginSuffix, scramSha256Verifier(code)],
  );
  const row = rows[0]!;
  return { userId, login: row.member_login, code, expiresAt: row.code_expires_at };
}

/**
 * `lotsen team reissue-code --admin-url`: the DBA gives a member (found by id or e-mail address) a new enrolment
 * code, as `team create` gave the first one: for a team whose every admin lost their keychain, who then restores
 * the vault with the recovery kit (`lotsen team recover`).
 */
export async function reissueCodeAsOwner(
  options: Omit<TeamSetupOptions, 'migrate'> & { member: string },
): Promise<Invitation & { name: string }> {
  return withAdmin(options, async (admin, names) => {
    const me = (
      await admin.query<{ name: string; superuser: boolean }>(
        'SELECT current_user AS name, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
      )
    ).rows[0]!;
    // As applyTeamSecurity: a DBA who is no superuser acts as the owner for this run only.
    if (!me.superuser) await admin.query(`GRANT ${ident(names.owner)} TO ${ident(me.name)}`);
    try {
      return await inTransaction(admin, async () => {
        await admin.query(`SET LOCAL ROLE ${ident(names.owner)}`);
        const key = options.member.trim().toLowerCase();
        const { rows } = await admin.query<{ user_id: string; name: string }>(
          `SELECT m.user_id, u.name FROM lotsen.team_members m JOIN lotsen.users u ON u.id = m.user_id
            WHERE m.removed_at IS NULL AND (m.user_id = $1 OR lower(u.email) = $1)`,
          [key],
        );
        const found = rows[0];
        if (!found) {
          throw keyedError('NOT_FOUND', 'team.noCurrentMemberByIdOrEmail', { member: options.member });
        }
        const invitation = await reissue(admin, 'lotsen.team_reissue_login($1, $2, $3, NULL)', found.user_id);
        return { ...invitation, name: found.name };
      });
    } finally {
      if (!me.superuser) {
        await admin.query(`REVOKE ${ident(names.owner)} FROM ${ident(me.name)}`).catch(() => undefined);
      }
    }
  });
}

async function withAdmin<T>(
  options: TeamSetupOptions,
  use: (admin: pg.Client, names: TeamRoleNames) => Promise<T>,
): Promise<T> {
  const address = parseTeamUrl(options.adminUrl, { insecure: options.insecure });
  const admin = await connectTeam(address, null);
  try {
    const names = teamRoleNames(
      (await admin.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db,
    );
    return await use(admin, names);
  } catch (error) {
    throw teamError(error);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/**
 * Everything but the first member, idempotent: roles made when missing, grants and policies revoked and made again;
 * then `then`. A non-superuser admin is made a member of the owner for the run (to act as it) and no longer
 * afterwards, so no login stays able to become the owner.
 */
async function applyTeamSecurity<T>(
  admin: pg.Client,
  names: TeamRoleNames,
  options: TeamSetupOptions,
  then: () => Promise<T>,
): Promise<{ result: Omit<TeamSetupResult, 'recoveryKit'>; then: T }> {
  const me = (
    await admin.query<{ name: string; superuser: boolean }>(
      'SELECT current_user AS name, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
    )
  ).rows[0]!;
  try {
    await inTransaction(admin, () => prepareRolesAndSchema(admin, names, me));
    await (options.migrate ?? migrateTeamSchema)({
      connectionString: options.adminUrl,
      options: `-c role=${names.owner} -c search_path=lotsen`,
    });
    const closedTables = await inTransaction(admin, () => applyRules(admin, names));
    // Still able to act as the owner: `then` may need it (the first member is made by an owner-only function).
    return { result: { database: names.database, roles: names, closedTables }, then: await then() };
  } finally {
    if (!me.superuser) {
      await admin.query(`REVOKE ${ident(names.owner)} FROM ${ident(me.name)}`).catch(() => undefined);
    }
  }
}

async function prepareRolesAndSchema(
  admin: pg.Client,
  names: TeamRoleNames,
  me: { name: string; superuser: boolean },
): Promise<void> {
  const existing = new Set(
    (
      await admin.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname LIKE $1', [
        `${names.database}\\_%`,
      ])
    ).rows.map((r) => r.rolname),
  );
  // CREATEROLE lets the owner's functions make and drop members' logins; NOLOGIN and no members mean nobody holds it.
  // A CREATEROLE admin who is no superuser may not even name the superuser-only attributes, so ALTER leaves them out.
  await admin.query(
    existing.has(names.owner)
      ? `ALTER ROLE ${ident(names.owner)} NOLOGIN CREATEROLE NOCREATEDB INHERIT`
      : `CREATE ROLE ${ident(names.owner)} NOLOGIN CREATEROLE NOSUPERUSER NOCREATEDB NOREPLICATION NOBYPASSRLS INHERIT`,
  );
  if (!me.superuser) await admin.query(`GRANT ${ident(names.owner)} TO ${ident(me.name)}`);
  await admin.query(`CREATE SCHEMA IF NOT EXISTS lotsen AUTHORIZATION ${ident(names.owner)}`);
  await admin.query(`ALTER SCHEMA lotsen OWNER TO ${ident(names.owner)}`);

  // The group roles are the owner's own making, so it may grant them (PostgreSQL 16 asks that of a CREATEROLE role).
  await admin.query(`SET LOCAL ROLE ${ident(names.owner)}`);
  for (const group of [names.member, names.admin, ...Object.values(names.work)]) {
    if (!existing.has(group)) await admin.query(`CREATE ROLE ${ident(group)} NOLOGIN`);
  }
  await admin.query('REVOKE ALL ON SCHEMA lotsen FROM PUBLIC');
  await admin.query(`GRANT USAGE ON SCHEMA lotsen TO ${ident(names.member)}`);
  await admin.query('RESET ROLE');

  // Only the team's logins may connect to its database; others on the same server see nothing of it.
  await admin.query(`REVOKE ALL ON DATABASE ${ident(names.database)} FROM PUBLIC`);
  await admin.query(`GRANT CONNECT ON DATABASE ${ident(names.database)} TO ${ident(names.member)}`);
}

async function applyRules(admin: pg.Client, names: TeamRoleNames): Promise<string[]> {
  await admin.query(`SET LOCAL ROLE ${ident(names.owner)}`);
  for (const statement of [
    ...teamMembersTableStatements(),
    ...teamFunctionStatements(names),
    ...teamFunctionGrantStatements(names),
  ]) {
    await admin.query(statement);
  }
  const { rows } = await admin.query<{ table: string; columns: string[] }>(
    `SELECT t.table_name AS table, array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
       FROM information_schema.tables t
       JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
      WHERE t.table_schema = 'lotsen' AND t.table_type = 'BASE TABLE'
      GROUP BY t.table_name ORDER BY t.table_name`,
  );
  // Some 850 statements, sent as one simple-protocol batch inside this transaction rather than a round trip each
  // (850 round trips to a server 20 ms away are 17 s); a failing statement still fails the whole create or upgrade.
  await admin.query(
    rows
      .flatMap(({ table, columns }) =>
        tableRuleStatements(names, { name: table, columns }, tableRules[table]),
      )
      .join(';\n'),
  );
  await fixTriggerFunctions(admin);
  // Inserting into a table whose key comes from a sequence needs the sequence too.
  await admin.query(
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA lotsen TO ${Object.values(names.work).map(ident).join(', ')}`,
  );
  return rows.map((r) => r.table).filter((table) => !(table in tableRules));
}

/**
 * The migrations' guard triggers (main/store/guardTriggers.ts) look at other tables (is this entry's month approved?),
 * which the member whose write fires them may not read (a technician reads no billing batch), and they name those
 * tables without the schema. Run as the owner with a fixed search_path they see what they must, whoever writes, and
 * no caller's search_path can point them elsewhere.
 */
async function fixTriggerFunctions(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ fn: string }>(
    `SELECT p.oid::regprocedure::text AS fn FROM pg_proc p
      WHERE p.pronamespace = 'lotsen'::regnamespace AND p.prorettype = 'trigger'::regtype`,
  );
  for (const { fn } of rows) {
    await admin.query(`ALTER FUNCTION ${fn} SECURITY DEFINER SET search_path = lotsen, pg_temp`);
    await admin.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
  }
}
