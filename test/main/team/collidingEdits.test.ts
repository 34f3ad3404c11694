import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { staleSaveOf } from '../../../common/api/staleSave.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { createTestTeam, type MemberLotsen, type TestTeam } from '../../support/postgres/testTeam.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import { TEST_PASSPHRASE } from '../../support/testPassphrase.ts';

/*
 * Issue 14, "What it must show": two members of a team, each in their own Lotsen on the one PostgreSQL database, open
 * the same customer and save it. The second save names the version both opened and is refused with CONFLICT and the
 * fields that differ; the store holds the first's values until the second chooses, and a save against the version now
 * stored goes through.
 */

describe('two members saving the same customer', { timeout: 120_000 }, () => {
  let team: TestTeam;
  let ada: MemberLotsen;
  let tekla: MemberLotsen;

  beforeAll(async () => {
    team = await createTestTeam();
    const enrolment = team.enrolment(team.firstMember);
    const home = await makeTempDataDir();
    const backend = await Backend.open({ dataDir: home.dir });
    await backend.initialize({ passphrase: TEST_PASSPHRASE, preference: 'passphrase', team: enrolment });
    ada = {
      member: enrolment.member(),
      backend,
      call: apiCaller(createApi(backend, () => undefined)),
      async close() {
        await backend.close();
        await home.cleanup();
      },
    };
    tekla = await team.enrolLotsen(ada.member, {
      name: 'Tekla Tekniker',
      email: 'tekla@leverantor.se',
      role: 'support_lead',
    });
  }, 120_000);
  afterAll(async () => {
    await tekla?.close();
    await ada?.close();
    await team?.drop();
  });

  test('the second gets CONFLICT with the changed fields, the store keeps the first, and a save against the new version succeeds', async () => {
    const made = await ada.call.ok('registry.createCustomer', {
      name: 'Övertorneå kommun',
      orgNumber: orgNumber('212000', 91),
      kind: 'municipality',
    });
    // Both open the customer: the same version.
    const adaOpened = await ada.call.ok('registry.getCustomer', { id: made.id });
    const teklaOpened = await tekla.call.ok('registry.getCustomer', { id: made.id });
    expect(teklaOpened.rowVersion).toBe(adaOpened.rowVersion);
    const fields = { name: made.name, orgNumber: made.orgNumber, kind: made.kind };

    await ada.call.ok('registry.updateCustomer', {
      id: made.id,
      rowVersion: adaOpened.rowVersion,
      customer: {
        ...fields,
        notes: 'VPN byts i december',
        responsibleName: 'Ada Admin',
        responsiblePhone: '070-111 22 33',
      },
    });
    const refused = await tekla.call.fails('registry.updateCustomer', {
      id: made.id,
      rowVersion: teklaOpened.rowVersion,
      customer: { ...fields, name: 'Övertorneå kommun (IT-enheten)', notes: 'Ring före tio' },
    });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/^Ada Admin changed this customer at \d\d:\d\d while you had it open/);
    const details = staleSaveOf(refused)!;
    expect(details.changedFields.sort()).toEqual(['name', 'notes', 'responsibleName', 'responsiblePhone']);
    expect(details).toMatchObject({
      record: 'customer',
      byYou: false,
      rowVersion: adaOpened.rowVersion + 1,
      changedBy: 'Ada Admin',
    });

    // The store holds Ada's values, read by either member.
    for (const who of [ada, tekla]) {
      expect(await who.call.ok('registry.getCustomer', { id: made.id })).toMatchObject({
        name: 'Övertorneå kommun',
        notes: 'VPN byts i december',
        responsiblePerson: { name: 'Ada Admin', phone: '070-111 22 33' },
        rowVersion: adaOpened.rowVersion + 1,
      });
    }

    // Tekla keeps her name and takes Ada's notes and responsible person, against the version now stored.
    const merged = await tekla.call.ok('registry.updateCustomer', {
      id: made.id,
      rowVersion: details.rowVersion,
      customer: {
        ...fields,
        name: 'Övertorneå kommun (IT-enheten)',
        notes: 'VPN byts i december',
        responsibleName: 'Ada Admin',
        responsiblePhone: '070-111 22 33',
      },
    });
    expect(merged).toMatchObject({
      name: 'Övertorneå kommun (IT-enheten)',
      notes: 'VPN byts i december',
      updatedBy: 'Tekla Tekniker',
      rowVersion: adaOpened.rowVersion + 2,
    });
  });
});
