import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { enrolmentFor } from '../../../main/team/enrolment.node.ts';
import { addMember, changeRole } from '../../../main/team/teamMembers.node.ts';
import { createTeam } from '../../../main/team/teamSetup.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { TEST_PASSPHRASE } from '../../support/passphraseBackend.ts';
import {
  createTestDatabase,
  runPostgres,
  superuserUrl,
  type TestDatabase,
} from '../../support/postgres/testDatabases.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import { createTestTeamWithAdmin, type TestTeamWithAdmin } from '../../support/postgres/testTeam.ts';

describe('team.* API methods', () => {
  const { call } = apiPerTest({ perFile: true });
  let team: TestTeamWithAdmin;
  let ownTeam: TestDatabase;
  beforeAll(async () => {
    team = await createTestTeamWithAdmin();
  });
  afterAll(async () => {
    await team?.drop();
    await ownTeam?.drop();
  });

  test('a data folder in no team is told so', async () => {
    expect(await call.fails('team.members', {})).toMatchObject({ code: 'NOT_INITIALIZED' });
  });

  test('an admin lists, invites, changes and removes members; without the admin right every call is FORBIDDEN', async () => {
    // A machine enrols as a second admin of the fixture's team: its Lotsen then works in the team database.
    const admin = await team.connect(team.admin);
    const invitation = await addMember(admin, {
      name: 'Api Admin',
      email: 'api@leverantor.se',
      role: 'finance',
      isAdmin: true,
    });
    const home = await makeTempDataDir();
    const backend = await Backend.open({ dataDir: home.dir });
    const enrolment = enrolmentFor(
      `postgresql://127.0.0.1:${runPostgres().port}/${team.database.name}`,
      invitation.code,
    );
    await backend.initialize({
      passphrase: TEST_PASSPHRASE,
      preference: 'passphrase',
      team: {
        source: enrolment.source,
        enrol: async (password) => {
          await enrolment.enrol(password);
        },
      },
    });
    onTestFinished(async () => {
      await backend.close();
      await home.cleanup();
    });
    const member = apiCaller(createApi(backend, () => undefined));
    expect(backend.status()).toMatchObject({
      state: 'unlocked',
      user: { name: 'Api Admin', role: 'finance' },
    });

    const added = await member.ok('team.addMember', {
      name: 'Ny Tekniker',
      email: 'ny@leverantor.se',
      role: 'technician',
    });
    expect(added.code).toMatch(/^LOTSEN-/);
    const members = await member.ok('team.members', {});
    expect(members.map((m) => [m.name, m.state])).toEqual([
      ['Ada Admin', 'enrolled'],
      ['Api Admin', 'enrolled'],
      ['Ny Tekniker', 'invited'],
    ]);
    expect(
      await member.ok('team.changeRole', { userId: added.userId, role: 'support_lead', isAdmin: false }),
    ).toMatchObject({
      role: 'support_lead',
    });
    expect(await member.ok('team.removeMember', { userId: added.userId })).toMatchObject({
      endedConnections: 0,
    });
    expect(await member.fails('team.addMember', { name: '', email: 'nej', role: 'chef' })).toMatchObject({
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
      const refused = await member.fails(method, input);
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
