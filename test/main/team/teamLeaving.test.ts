import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { insertSession } from '../../../main/sessions/sessionRepository.ts';
import { reissueCodeAsOwner, type Invitation } from '../../../main/team/teamSetup.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { superuserUrl } from '../../support/postgres/testDatabases.ts';
import { createTestTeam, type MemberLotsen, type TestTeam } from '../../support/postgres/testTeam.ts';
import { prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import { TEST_PASSPHRASE } from '../../support/testPassphrase.ts';

/*
 * A member leaves, or changes to a role that reads no secrets: what they saw is listed for the admin, and (with the
 * vault) the keys they held open nothing written afterwards. One team for the whole file: each test adds the members
 * it needs.
 */

/** The first member, invited by team create, enrolled through a Lotsen of their own as `lotsen init --team` does. */
async function firstMemberLotsen(team: TestTeam, invitation: Invitation): Promise<MemberLotsen> {
  const enrolment = team.enrolment(invitation);
  const home = await makeTempDataDir();
  const backend = await Backend.open({ dataDir: home.dir });
  await backend.initialize({ passphrase: TEST_PASSPHRASE, preference: 'passphrase', team: enrolment });
  return {
    member: enrolment.member(),
    backend,
    call: apiCaller(createApi(backend, () => undefined)),
    async close() {
      await backend.close();
      await home.cleanup();
    },
  };
}

describe('a member leaving the team', { timeout: 120_000 }, () => {
  let team: TestTeam;
  let admin: MemberLotsen;
  const others: MemberLotsen[] = [];
  const join = async (name: string, role: 'technician' | 'support_lead' | 'finance') => {
    const email = `${name.toLowerCase().replace(/\s+/g, '.')}@leverantor.se`;
    const lotsen = await team.enrolLotsen(admin.member, { name, email, role });
    others.push(lotsen);
    return lotsen;
  };

  beforeAll(async () => {
    team = await createTestTeam();
    admin = await firstMemberLotsen(team, team.firstMember);
  }, 120_000);
  afterAll(async () => {
    for (const lotsen of others) await lotsen.close();
    await admin?.close();
    await team?.drop();
  });

  test('the departing list names every secret the member revealed or signed in with, per customer', async () => {
    const tekla = await join('Tekla Tekniker', 'technician');
    // The support lead keeps the customer's records; Tekla works on them.
    const prepared = await prepareSessionCustomer(admin.call, {
      host: 'wap01.kalmar.se',
      port: 22,
      username: 'svc_wap',
      secret: 'hemligt-wap',
    });
    const jumpAccount = await tekla.call.ok('registry.saveSupportAccount', {
      environmentId: prepared.environment.id,
      account: { username: 'svc_jump' },
      secret: 'hemligt-hopp',
    });
    const untouched = await tekla.call.ok('registry.saveSupportAccount', {
      environmentId: prepared.environment.id,
      account: { username: 'svc_orord' },
      secret: 'aldrig-sett',
    });
    // Someone else's reveal is not Tekla's.
    await admin.call.ok('registry.revealSecret', { accountId: untouched.id, purpose: 'kontroll' });

    await tekla.call.ok('registry.revealSecret', { accountId: prepared.account.id, purpose: 'felsökning' });
    await tekla.call.ok('registry.revealSecret', { accountId: prepared.account.id, purpose: 'igen' });
    // A session of hers through the jump host's account to the WAP's: a row as sessions.open writes it (this test
    // needs no SSH server to show whose accounts were used).
    const openedAt = Date.now() - 3_600_000;
    await insertSession(tekla.backend.registryContext().db, {
      id: randomUUID(),
      kind: 'ssh',
      title: 'svc_wap@wap01.kalmar.se',
      ticket_id: prepared.ticket.id,
      environment_id: prepared.environment.id,
      server_id: prepared.server.id,
      account_id: prepared.account.id,
      technician_id: tekla.member.userId,
      owner: 'this-machine',
      state: 'closed',
      opened_at: openedAt,
      closed_at: openedAt + 60_000,
      end_code: null,
      end_message: null,
      end_details: null,
      override_reason: null,
      warnings: '[]',
      recording_id: null,
      time_entry_id: null,
      cols: 80,
      rows: 24,
      jump: JSON.stringify([{ serverId: prepared.server.id, accountId: jumpAccount.id, auth: 'password' }]),
    });

    const report = await admin.call.ok('team.departing', { userId: tekla.member.userId });
    const place = {
      customerId: prepared.customer.id,
      customerName: 'Kalmar kommun',
      environmentId: prepared.environment.id,
      environmentName: 'Produktion',
    };
    expect(report.secrets).toEqual([
      {
        ...place,
        accountId: jumpAccount.id,
        username: 'svc_jump',
        revealed: null,
        usedInSessions: { times: 1, lastAt: openedAt },
      },
      {
        ...place,
        accountId: prepared.account.id,
        username: 'svc_wap',
        revealed: { times: 2, lastAt: expect.any(Number) },
        usedInSessions: { times: 1, lastAt: openedAt },
      },
    ]);
    expect(report.preConnect).toEqual([]);
    expect(report.registryExportsWithSecrets).toBeNull();

    // Only an admin asks: Tekla is told so by Lotsen.
    expect((await tekla.call.fails('team.departing', { userId: admin.member.userId })).code).toBe(
      'FORBIDDEN',
    );
  });

  test('a reissued code makes a new login for the same member: the old one is dropped, by an admin or by the DBA', async () => {
    const sven = await join('Sven Stöld', 'technician');
    const oldLogin = { login: sven.member.login, password: sven.member.password };

    const reissued = await admin.call.ok('team.reissueCode', { userId: sven.member.userId });
    expect(reissued).toMatchObject({ userId: sven.member.userId, teamUrl: team.url });
    expect(reissued.login).not.toBe(sven.member.login);
    // The old login (the lost keychain's password) is gone, and its open connections with it.
    await expect(team.connect(oldLogin)).rejects.toThrow(/password authentication failed|does not exist/);
    expect((await sven.call.fails('registry.listCustomers', {})).code).toBe('UNAUTHORIZED');
    expect(
      (await admin.call.ok('team.members', {})).find((m) => m.userId === sven.member.userId),
    ).toMatchObject({ state: 'invited', login: reissued.login });

    // The DBA does the same when no admin can: the code admin gave is replaced before it is used.
    const byDba = await reissueCodeAsOwner({
      adminUrl: superuserUrl(team.database.name),
      member: 'SVEN.STÖLD@leverantor.se',
    });
    expect(byDba).toMatchObject({ userId: sven.member.userId, name: 'Sven Stöld' });
    await expect(team.enrolWith(reissued)).rejects.toMatchObject({ code: 'ENROLMENT_REFUSED' });
    const again = await team.enrolWith(byDba);
    expect(again).toMatchObject({ userId: sven.member.userId, role: 'technician', login: byDba.login });

    // An admin does not reissue their own (they would lock themselves out): another admin or the DBA does.
    expect(await admin.call.fails('team.reissueCode', { userId: admin.member.userId })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('another admin'),
    });
  });
});
