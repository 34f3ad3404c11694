import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enrol } from '../../../main/team/enrolment.node.ts';
import { parseTeamUrl } from '../../../main/team/teamConnection.node.ts';
import { createTeam, upgradeTeam } from '../../../main/team/teamSetup.node.ts';
import { openSealed, sealedParts, unwrapDataKey } from '../../../main/vault/sealedText.ts';
import { memberKeyPair } from '../../../main/vault/memberKeyPair.node.ts';
import { secretKeyBinding } from '../../../main/vault/secretVault.ts';
import { unwrapWithKey, wrapBinding } from '../../../main/vault/treeKeyWraps.ts';
import {
  asSuperuser,
  createTestDatabase,
  runPostgres,
  superuserUrl,
  type TestDatabase,
} from '../../support/postgres/testDatabases.ts';
import {
  createTestTeamWithAdmin,
  newPassword,
  type TestTeamWithAdmin,
} from '../../support/postgres/testTeam.ts';

describe('team create', () => {
  let one: TestTeamWithAdmin;
  let two: TestTeamWithAdmin;
  beforeAll(async () => {
    [one, two] = await Promise.all([createTestTeamWithAdmin(), createTestTeamWithAdmin()]);
  });
  afterAll(async () => {
    await Promise.all([one?.drop(), two?.drop()]);
  });

  test('makes the owner and group roles named after the database, none able to log in', async () => {
    const roles = await asSuperuser(
      one.database.name,
      async (client) =>
        (
          await client.query<{ rolname: string; rolcanlogin: boolean; rolcreaterole: boolean }>(
            `SELECT rolname, rolcanlogin, rolcreaterole FROM pg_roles WHERE rolname LIKE $1 ORDER BY rolname`,
            [`${one.database.name}%`],
          )
        ).rows,
    );
    const name = one.database.name;
    expect(roles.filter((r) => !r.rolname.startsWith(`${name}_m_`))).toEqual([
      { rolname: `${name}_admin`, rolcanlogin: false, rolcreaterole: false },
      { rolname: `${name}_finance`, rolcanlogin: false, rolcreaterole: false },
      { rolname: `${name}_member`, rolcanlogin: false, rolcreaterole: false },
      { rolname: `${name}_owner`, rolcanlogin: false, rolcreaterole: true },
      { rolname: `${name}_support_lead`, rolcanlogin: false, rolcreaterole: false },
      { rolname: `${name}_technician`, rolcanlogin: false, rolcreaterole: false },
    ]);
    // The first member's login: may log in, holds no CREATEROLE, owns nothing.
    expect(roles.find((r) => r.rolname === one.admin.login)).toEqual({
      rolname: one.admin.login,
      rolcanlogin: true,
      rolcreaterole: false,
    });
  });

  test('team upgrade gives a team made before the vault its trees: wraps for the recovery kit and members with a key, plain secrets sealed, no plain tree key left', async () => {
    const name = two.database.name;
    const personalKey = randomBytes(32);
    const member = memberKeyPair(randomBytes(32));
    const stamp = [1, two.admin.userId, 1, two.admin.userId];
    // A part-1 team: its personal key in plain text, no vault, a secret stored as it was then; its admin has unlocked
    // since (published a key).
    await asSuperuser(name, async (client) => {
      for (const table of ['vault_wraps', 'vault_trees', 'vault_recovery', 'secret_data_keys', 'key_trees']) {
        await client.query(`DELETE FROM lotsen.${table}`);
      }
      await client.query(
        `INSERT INTO lotsen.key_trees (name, key_material, created_at) VALUES ('personal', $1, 1)`,
        [personalKey.toString('base64')],
      );
      await client.query(
        `INSERT INTO lotsen.member_keys (user_id, public_key, created_at) VALUES ($1, $2, 1)
           ON CONFLICT (user_id) DO UPDATE SET public_key = EXCLUDED.public_key`,
        [two.admin.userId, member.publicKey],
      );
      await client.query(
        `INSERT INTO lotsen.customers (id, name, org_number, kind, notes, created_at, created_by, updated_at, updated_by)
         VALUES ('c1', 'Alvesta kommun', '212000-0662', 'municipality', '', $1, $2, $3, $4)`,
        stamp,
      );
      await client.query(
        `INSERT INTO lotsen.environments (id, customer_id, name, notes, vpn_type, vpn_gateway, teamviewer_id,
           access_method, supported_tools, access_notes, pre_connect_command, split_tunnel, access_tool,
           special_configuration_needed, special_configuration, created_at, created_by, updated_at, updated_by)
         VALUES ('e1', 'c1', 'Prod', '', 'none', '', '', 'ssh', '[]', '', '', 'unknown', '', 0, '', $1, $2, $3, $4)`,
        stamp,
      );
      await client.query(
        `INSERT INTO lotsen.support_accounts (id, environment_id, username, notes, secret, secret_updated_at,
           created_at, created_by, updated_at, updated_by)
         VALUES ('a1', 'e1', 'svc', '', 'Klartext-från-del-1', 1, $1, $2, $3, $4)`,
        stamp,
      );
    });
    const upgraded = await upgradeTeam({ adminUrl: superuserUrl(name) });
    expect(upgraded.recoveryKit?.text).toMatch(new RegExp(`^LOTSEN-RECOVERY-${name}-`));
    const state = await asSuperuser(name, async (client) => ({
      plain: (await client.query('SELECT name FROM lotsen.key_trees')).rows,
      wraps: (
        await client.query(
          'SELECT tree, generation, recipient, wrapped FROM lotsen.vault_wraps ORDER BY tree, recipient',
        )
      ).rows as { tree: 'personal' | 'secrets'; generation: string; recipient: string; wrapped: string }[],
      account: (await client.query(`SELECT secret FROM lotsen.support_accounts WHERE id = 'a1'`)).rows[0]
        .secret as string,
      dataKey: (
        await client.query(`SELECT id, wrapped_key FROM lotsen.secret_data_keys WHERE owner_id = 'a1'`)
      ).rows[0] as {
        id: string;
        wrapped_key: string;
      },
    }));
    expect(state.plain).toEqual([]);
    const recipient = `member:${two.admin.userId}`;
    expect(state.wraps.map((w) => [w.tree, Number(w.generation), w.recipient])).toEqual([
      ['personal', 1, recipient],
      ['personal', 1, 'recovery'],
      ['secrets', 1, recipient],
      ['secrets', 1, 'recovery'],
    ]);
    const open = (tree: 'personal' | 'secrets') =>
      unwrapWithKey(
        member.privateKey,
        wrapBinding(tree, 1, recipient),
        state.wraps.find((w) => w.tree === tree && w.recipient === recipient)!.wrapped,
      );
    // The personal tree keeps its key (every sealed ticket still opens); the secret opens under the secrets tree.
    expect(open('personal').equals(personalKey)).toBe(true);
    const dataKey = unwrapDataKey(
      open('secrets'),
      secretKeyBinding(state.dataKey.id, { kind: 'account', id: 'a1' }),
      state.dataKey.wrapped_key,
    );
    expect(openSealed(sealedParts(state.account, 'sv1')!, dataKey)).toBe('Klartext-från-del-1');
    // Once the team has its vault, upgrade leaves it alone.
    expect((await upgradeTeam({ adminUrl: superuserUrl(name) })).recoveryKit).toBeNull();
  });

  test('two teams on one server share no role', async () => {
    expect(one.admin.login.startsWith(`${one.database.name}_m_`)).toBe(true);
    expect(two.admin.login.startsWith(`${two.database.name}_m_`)).toBe(true);
    // One team's admin cannot even connect to the other's database.
    await expect(two.connect({ login: one.admin.login, password: one.admin.password })).rejects.toThrow(
      /permission denied for database/,
    );
  });

  test('the schema, every table and every function in it belong to the owner, no function is open to PUBLIC, and no login can become the owner', async () => {
    const owners = await asSuperuser(one.database.name, async (client) => ({
      schema: (
        await client.query(`SELECT nspowner::regrole::text AS o FROM pg_namespace WHERE nspname = 'lotsen'`)
      ).rows[0].o,
      tables: (
        await client.query(`SELECT DISTINCT tableowner AS o FROM pg_tables WHERE schemaname = 'lotsen'`)
      ).rows.map((r) => r.o),
      ownerMembers: (
        await client.query(`SELECT count(*)::int AS n FROM pg_auth_members WHERE roleid = $1::regrole`, [
          `${one.database.name}_owner`,
        ])
      ).rows[0].n,
      functions: (
        await client.query(
          `SELECT DISTINCT proowner::regrole::text AS o FROM pg_proc WHERE pronamespace = 'lotsen'::regnamespace`,
        )
      ).rows.map((r) => r.o),
      // PostgreSQL lets PUBLIC execute a function unless told otherwise (a null ACL means just that).
      publicFunctions: (
        await client.query(
          `SELECT proname AS f FROM pg_proc WHERE pronamespace = 'lotsen'::regnamespace
             AND (proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(proacl) a WHERE a.grantee = 0))`,
        )
      ).rows.map((r) => r.f),
      append: (
        await client.query(
          `SELECT prosecdef AS definer, proconfig AS config FROM pg_proc
            WHERE oid = 'lotsen.audit_append(bigint, bigint, text, text, text, text, text, text, text, text)'::regprocedure`,
        )
      ).rows[0],
    }));
    expect(owners).toEqual({
      schema: `${one.database.name}_owner`,
      tables: [`${one.database.name}_owner`],
      ownerMembers: 0,
      functions: [`${one.database.name}_owner`],
      publicFunctions: [],
      append: { definer: true, config: ['search_path=pg_catalog, pg_temp'] },
    });
  });

  test('the first member holds the admin right and their chosen role', async () => {
    expect(one.admin).toMatchObject({ name: 'Ada Admin', role: 'support_lead', isAdmin: true });
    const client = await one.connect(one.admin);
    try {
      const { rows } = await client.query(
        `SELECT pg_has_role($1, 'MEMBER') AS admin, pg_has_role($2, 'MEMBER') AS lead, pg_has_role($3, 'MEMBER') AS tech`,
        [
          `${one.database.name}_admin`,
          `${one.database.name}_support_lead`,
          `${one.database.name}_technician`,
        ],
      );
      expect(rows[0]).toEqual({ admin: true, lead: true, tech: false });
    } finally {
      await client.end();
    }
  });
});

describe('team create by a DBA who is no superuser', () => {
  let database: TestDatabase;
  const dba = `dba_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  beforeAll(async () => {
    database = await createTestDatabase();
    await asSuperuser('postgres', async (client) => {
      await client.query(`CREATE ROLE ${dba} LOGIN CREATEROLE PASSWORD '${password}'`);
      await client.query(`ALTER DATABASE ${database.name} OWNER TO ${dba}`);
    });
  });
  afterAll(async () => {
    await database?.drop();
    await asSuperuser('postgres', (client) => client.query(`DROP ROLE IF EXISTS ${dba}`));
  });

  test('sets the team up, keeps no way to become the owner, and team upgrade can run again', async () => {
    const adminUrl = `postgresql://${dba}:${password}@127.0.0.1:${runPostgres().port}/${database.name}`;
    const created = await createTeam({
      adminUrl,
      firstMember: { name: 'Ada', email: 'ada@leverantor.se', role: 'finance' },
    });
    expect(created.closedTables).toEqual([]);
    const address = parseTeamUrl(adminUrl);
    const memberPassword = newPassword();
    const ada = await enrol(address, created.firstMember.code, memberPassword);
    expect(await upgradeTeam({ adminUrl })).toMatchObject({ closedTables: [] });
    const memberships = await asSuperuser(
      database.name,
      async (client) =>
        (
          await client.query(`SELECT count(*)::int AS n FROM pg_auth_members WHERE roleid = $1::regrole`, [
            `${database.name}_owner`,
          ])
        ).rows[0].n,
    );
    expect(memberships).toBe(0);
    // After the upgrade the member still logs in and holds their role.
    const client = new pg.Client({
      connectionString: `postgresql://${ada.login}:${memberPassword}@127.0.0.1:${runPostgres().port}/${database.name}`,
    });
    await client.connect();
    try {
      expect((await client.query('SELECT lotsen.team_is_admin() AS a')).rows[0].a).toBe(true);
    } finally {
      await client.end();
    }
  });
});
