import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asSuperuser } from '../../support/postgres/testDatabases.ts';
import { createTestTeam, type TestTeam } from './teamFixture.ts';

describe('team create', () => {
  let one: TestTeam;
  let two: TestTeam;
  beforeAll(async () => {
    [one, two] = await Promise.all([createTestTeam(), createTestTeam()]);
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

  test('two teams on one server share no role', async () => {
    expect(one.admin.login.startsWith(`${one.database.name}_m_`)).toBe(true);
    expect(two.admin.login.startsWith(`${two.database.name}_m_`)).toBe(true);
    // One team's admin cannot even connect to the other's database.
    await expect(two.connect({ login: one.admin.login, password: one.admin.password })).rejects.toThrow(
      /permission denied for database/,
    );
  });

  test('the schema and every table in it belong to the owner, and no login can become the owner', async () => {
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
    }));
    expect(owners).toEqual({
      schema: `${one.database.name}_owner`,
      tables: [`${one.database.name}_owner`],
      ownerMembers: 0,
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
