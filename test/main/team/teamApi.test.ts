import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enrolThisMachine } from '../../../main/team/memberMachine.node.ts';
import { addMember, changeRole } from '../../../main/team/teamMembers.node.ts';
import { createTeam } from '../../../main/team/teamSetup.node.ts';
import { keychain } from '../../../main/vault/keychain.node.ts';
import { apiPerTest } from '../../support/apiPerTest.ts';
import {
  createTestDatabase,
  runPostgres,
  superuserUrl,
  type TestDatabase,
} from '../../support/postgres/testDatabases.ts';
import { createTestTeam, type TestTeam } from './teamFixture.ts';

describe('team.* API methods', () => {
  const { call, opened } = apiPerTest({ perFile: true });
  let team: TestTeam;
  let ownTeam: TestDatabase;
  beforeAll(async () => {
    team = await createTestTeam();
  });
  afterAll(async () => {
    await team?.drop();
    await ownTeam?.drop();
  });

  test('a data folder in no team is told so', async () => {
    expect(await call.fails('team.members', {})).toMatchObject({ code: 'NOT_INITIALIZED' });
  });

  test('an admin lists, invites, changes and removes members; without the admin right every call is FORBIDDEN', async () => {
    // This machine enrols as a second admin of the fixture's team, its password in the OS keychain.
    const admin = await team.connect(team.admin);
    const invitation = await addMember(admin, {
      name: 'Api Admin',
      email: 'api@leverantor.se',
      role: 'finance',
      isAdmin: true,
    });
    await enrolThisMachine(opened.dataDir, {
      url: `postgresql://127.0.0.1:${runPostgres().port}/${team.database.name}`,
      code: invitation.code,
      insecure: false,
      password: null,
      preference: 'keychain',
      passphrase: null,
      keychain,
    });

    const added = await call.ok('team.addMember', {
      name: 'Ny Tekniker',
      email: 'ny@leverantor.se',
      role: 'technician',
    });
    expect(added.code).toMatch(/^LOTSEN-/);
    const members = await call.ok('team.members', {});
    expect(members.map((m) => [m.name, m.state])).toEqual([
      ['Ada Admin', 'enrolled'],
      ['Api Admin', 'enrolled'],
      ['Ny Tekniker', 'invited'],
    ]);
    expect(
      await call.ok('team.changeRole', { userId: added.userId, role: 'support_lead', isAdmin: false }),
    ).toMatchObject({
      role: 'support_lead',
    });
    expect(await call.ok('team.removeMember', { userId: added.userId })).toEqual({ endedConnections: 0 });
    expect(await call.fails('team.addMember', { name: '', email: 'nej', role: 'chef' })).toMatchObject({
      code: 'VALIDATION',
    });

    // The other admin takes this machine's admin right away: every team.* call is refused.
    await changeRole(admin, { userId: invitation.userId, role: 'finance', isAdmin: false });
    await admin.end();
    for (const [method, input] of [
      ['team.members', {}],
      ['team.addMember', { name: 'X', email: 'x@leverantor.se', role: 'finance', isAdmin: true }],
      ['team.changeRole', { userId: invitation.userId, role: 'support_lead', isAdmin: true }],
      ['team.removeMember', { userId: team.admin.userId }],
    ] as const) {
      const refused = await call.fails(method, input);
      expect(refused).toMatchObject({ code: 'FORBIDDEN' });
      expect(refused.message).toContain('admin right');
    }
  });

  test('team create refuses a database that has a team already', async () => {
    ownTeam = await createTestDatabase();
    const first = { name: 'A', email: 'a@leverantor.se', role: 'finance' } as const;
    await createTeam({ adminUrl: superuserUrl(ownTeam.name), firstMember: first });
    await expect(
      createTeam({ adminUrl: superuserUrl(ownTeam.name), firstMember: first }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
