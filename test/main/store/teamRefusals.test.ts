import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { teamDatabaseRefusal } from '../../../main/store/teamRefusals.ts';
import {
  createTestTeamWithAdmin,
  type TestMember,
  type TestTeamWithAdmin,
} from '../../support/postgres/testTeam.ts';
import { asSuperuser } from '../../support/postgres/testDatabases.ts';

/*
 * What a team database answers a member mid-work, from the real server, read as people's errors: a withheld
 * privilege, a connection the server ended, a login it no longer takes. Anything else is not a refusal.
 */

let team: TestTeamWithAdmin;
let finance: TestMember;
beforeAll(async () => {
  team = await createTestTeamWithAdmin();
  finance = await team.enrolNew(team.admin, {
    name: 'Fia Finans',
    email: 'fia@leverantor.se',
    role: 'finance',
  });
});
afterAll(() => team?.drop());

/** The error the server gave for `attempt`, run on a fresh connection as `member`. */
async function errorOf(member: TestMember, attempt: (client: pg.Client) => Promise<unknown>) {
  const client = await team.connect(member);
  try {
    await attempt(client);
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => undefined);
  }
  throw new Error('the server refused nothing');
}

describe('a team database refusing a member', () => {
  test('a privilege the role lacks is FORBIDDEN, naming the table and no data', async () => {
    const error = await errorOf(finance, (client) =>
      client.query('SELECT secret FROM lotsen.support_accounts'),
    );
    const refusal = teamDatabaseRefusal(error);
    expect(refusal?.code).toBe('FORBIDDEN');
    expect(refusal?.message).toContain('permission denied for table support_accounts');
  });

  test('a connection the server ends is DATABASE_UNREACHABLE', async () => {
    const error = await errorOf(finance, async (client) => {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await asSuperuser('postgres', (su) => su.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]));
      await client.query('SELECT 1');
    });
    expect(teamDatabaseRefusal(error)?.code).toBe('DATABASE_UNREACHABLE');
  });

  test('a wrong password is UNAUTHORIZED, with no password in the message', async () => {
    const error = await team.connect({ login: finance.login, password: 'fel-lösenord' }).then(
      () => null,
      (refused: unknown) => refused,
    );
    const refusal = teamDatabaseRefusal(error);
    expect(refusal?.code).toBe('UNAUTHORIZED');
    expect(refusal?.message).not.toContain('fel-lösenord');
  });

  test('an ordinary failure (a division by zero) is no refusal', async () => {
    const error = await errorOf(team.admin, (client) => client.query(`SELECT 1/0`));
    expect(teamDatabaseRefusal(error)).toBeNull();
  });
});
