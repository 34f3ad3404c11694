import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enrol } from '../../../main/team/enrolment.node.ts';
import { addMember, changeRole, listMembers, removeMember } from '../../../main/team/teamMembers.node.ts';
import { asSuperuser } from '../../support/postgres/testDatabases.ts';
import {
  createTestTeamWithAdmin,
  newPassword,
  type TestTeamWithAdmin,
} from '../../support/postgres/testTeam.ts';

describe('team members', () => {
  let team: TestTeamWithAdmin;
  let admin: pg.Client;
  beforeAll(async () => {
    team = await createTestTeamWithAdmin();
    admin = await team.connect(team.admin);
  });
  afterAll(async () => {
    await admin?.end();
    await team?.drop();
  });

  test('an enrolment code works once: the member logs in with their own password, the code no longer', async () => {
    const invitation = await addMember(admin, {
      name: 'Tekla Tekniker',
      email: 'tekla@leverantor.se',
      role: 'technician',
      isAdmin: false,
    });
    expect(invitation.expiresAt - Date.now()).toBeGreaterThan(24 * 3_600_000 - 60_000);
    expect(invitation.expiresAt - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    const password = newPassword();
    const tekla = await enrol(team.address, invitation.code, password);
    expect(tekla).toMatchObject({ name: 'Tekla Tekniker', role: 'technician', isAdmin: false });

    const client = await team.connect({ login: tekla.login, password });
    await client.end();
    // One current member per e-mail address, in any case.
    await expect(
      addMember(admin, { name: 'Tekla igen', email: 'TEKLA@leverantor.se', role: 'finance', isAdmin: false }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('team remove-member') });
    // The same code again, typed in lower case: refused, and the password stays the member's.
    await expect(enrol(team.address, invitation.code.toLowerCase(), newPassword())).rejects.toMatchObject({
      code: 'ENROLMENT_REFUSED',
    });
    await expect(team.connect({ login: tekla.login, password: invitation.code })).rejects.toThrow(
      /password authentication failed/,
    );
    const again = await team.connect({ login: tekla.login, password });
    // Logged in with the new password, the enrol function refuses a second enrolment too.
    await expect(
      again.query(`SELECT * FROM lotsen.team_enrol($1)`, ['SCRAM-SHA-256$4096:c2FsdA==$YQ==:Yg==']),
    ).rejects.toThrow(/LOTSEN_ENROL_USED/);
    await again.end();
  });

  test('an expired code is refused: by PostgreSQL at login, and by the enrol function', async () => {
    const invitation = await addMember(admin, {
      name: 'Sen Senare',
      email: 'sen@leverantor.se',
      role: 'finance',
      isAdmin: false,
    });
    // The login's expiry (VALID UNTIL) moved to the past: the server's own clock refuses the code.
    await asSuperuser(team.database.name, (client) =>
      client.query(`ALTER ROLE ${pg.escapeIdentifier(invitation.login)} VALID UNTIL '2000-01-01'`),
    );
    await expect(enrol(team.address, invitation.code, newPassword())).rejects.toMatchObject({
      code: 'ENROLMENT_REFUSED',
    });
    // The row's expiry alone in the past (the login still valid): the function refuses and nothing changes.
    await asSuperuser(team.database.name, async (client) => {
      await client.query(`ALTER ROLE ${pg.escapeIdentifier(invitation.login)} VALID UNTIL 'infinity'`);
      await client.query(`UPDATE lotsen.team_members SET enrol_expires_at = 0 WHERE user_id = $1`, [
        invitation.userId,
      ]);
    });
    await expect(enrol(team.address, invitation.code, newPassword())).rejects.toMatchObject({
      code: 'ENROLMENT_REFUSED',
    });
    const groups = await asSuperuser(team.database.name, async (client) =>
      (
        await client.query(
          `SELECT r.rolname FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid
            WHERE a.member = $1::regrole ORDER BY 1`,
          [invitation.login],
        )
      ).rows.map((r) => r.rolname),
    );
    expect(groups).toEqual([`${team.database.name}_member`]);
  });

  test("the member's password is in no table, only its SCRAM verifier; the functions take no plain password", async () => {
    const invitation = await addMember(admin, {
      name: 'Hemlig Person',
      email: 'hemlig@leverantor.se',
      role: 'technician',
      isAdmin: false,
    });
    const password = newPassword();
    await enrol(team.address, invitation.code, password);
    const found = await asSuperuser(team.database.name, async (client) => {
      // Every row of every table this database can show, system catalogues included, as text.
      const tables = await client.query<{ t: string }>(
        `SELECT format('%I.%I', schemaname, tablename) AS t FROM pg_tables`,
      );
      const hits: string[] = [];
      for (const { t } of tables.rows) {
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM ${t} x WHERE x::text LIKE $1 OR x::text LIKE $2`,
          [`%${password}%`, `%${invitation.code}%`],
        );
        if (rows[0].n > 0) hits.push(t);
      }
      const verifier = await client.query(`SELECT rolpassword FROM pg_authid WHERE rolname = $1`, [
        invitation.login,
      ]);
      return { hits, verifier: verifier.rows[0].rolpassword as string };
    });
    expect(found.hits).toEqual([]);
    expect(found.verifier).toMatch(/^SCRAM-SHA-256\$4096:/);

    const member = await team.connect({ login: invitation.login, password });
    await expect(member.query(`SELECT * FROM lotsen.team_enrol($1)`, ['a-plain-password'])).rejects.toThrow(
      /LOTSEN_INVALID/,
    );
    await member.end();
    await expect(
      admin.query(
        `SELECT * FROM lotsen.team_add_member('X', 'x@y.se', 'technician', false, '0123abcd', 'plain')`,
      ),
    ).rejects.toThrow(/LOTSEN_INVALID/);
  });

  test('change-role moves the login between groups and the admin right with it', async () => {
    const member = await team.enrolNew(team.admin, {
      name: 'Byter Roll',
      email: 'byter@leverantor.se',
      role: 'technician',
    });
    await changeRole(admin, { userId: member.userId, role: 'finance', isAdmin: true });
    const client = await team.connect(member);
    try {
      const name = team.database.name;
      const { rows } = await client.query(
        `SELECT pg_has_role($1, 'MEMBER') AS tech, pg_has_role($2, 'MEMBER') AS finance,
                pg_has_role($3, 'MEMBER') AS admin, lotsen.team_is_admin() AS is_admin`,
        [`${name}_technician`, `${name}_finance`, `${name}_admin`],
      );
      expect(rows[0]).toEqual({ tech: false, finance: true, admin: true, is_admin: true });
    } finally {
      await client.end();
    }
    const listed = (await listMembers(admin)).find((m) => m.userId === member.userId);
    expect(listed).toMatchObject({ role: 'finance', isAdmin: true, state: 'enrolled' });
    // The last admin keeps the right.
    await changeRole(admin, { userId: member.userId, role: 'finance', isAdmin: false });
    await expect(
      changeRole(admin, { userId: team.admin.userId, role: 'support_lead', isAdmin: false }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  test('remove-member ends the open connection and the login is gone', async () => {
    const member = await team.enrolNew(team.admin, {
      name: 'Går Snart',
      email: 'gar@leverantor.se',
      role: 'technician',
    });
    const open = await team.connect(member);
    const ended = new Promise((resolve) => open.once('error', resolve));
    expect(await removeMember(admin, member.userId)).toBe(1);
    await ended;
    await expect(open.query('SELECT 1')).rejects.toThrow();
    await expect(team.connect(member)).rejects.toThrow(/password authentication failed|does not exist/);
    const listed = await listMembers(admin, { removed: true });
    expect(listed.find((m) => m.userId === member.userId)).toMatchObject({ state: 'removed' });
    expect((await listMembers(admin)).some((m) => m.userId === member.userId)).toBe(false);
    await expect(removeMember(admin, team.admin.userId)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  test('a member without the admin right can neither create roles nor call the member functions', async () => {
    const member = await team.enrolNew(team.admin, {
      name: 'Vanlig Tekniker',
      email: 'vanlig@leverantor.se',
      role: 'technician',
    });
    const client = await team.connect(member);
    try {
      await expect(client.query('CREATE ROLE sneaky LOGIN')).rejects.toThrow(/permission denied/);
      await expect(
        addMember(client, { name: 'X', email: 'x@leverantor.se', role: 'finance', isAdmin: true }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        client.query(`SELECT lotsen.team_change_role($1, 'support_lead', true)`, [member.userId]),
      ).rejects.toThrow(/permission denied for function team_change_role/);
      await expect(client.query(`SELECT lotsen.team_remove_member($1)`, [team.admin.userId])).rejects.toThrow(
        /permission denied for function/,
      );
      await expect(
        client.query(
          `SELECT * FROM lotsen.team_create_member('X', 'x@y.se', 'finance', true, '0123abcd', 'v', NULL)`,
        ),
      ).rejects.toThrow(/permission denied for function/);
      await expect(
        client.query(`INSERT INTO lotsen.team_members (user_id, login, invited_at, enrol_expires_at)
        VALUES ('x', 'y', 0, 0)`),
      ).rejects.toThrow(/permission denied/);
      await expect(client.query(`UPDATE lotsen.users SET role = 'support_lead'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(
        client.query(`SET ROLE ${pg.escapeIdentifier(`${team.database.name}_owner`)}`),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });
});
