import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LotsenError, type ApiError } from '../../../common/api/errors.ts';
import { openTeamDatabase } from '../../../main/store/teamDatabase.node.ts';
import { enrolmentFor } from '../../../main/team/enrolment.node.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';
import { errorMessage } from '../../../renderer/store/errorMessage.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { superuserTeamSettings } from '../../support/postgres/teamSettings.ts';
import {
  createTestTeamWithAdmin,
  type MemberLotsen,
  type TestTeamWithAdmin,
} from '../../support/postgres/testTeam.ts';
import { teamPeople } from '../../support/postgres/teamPeople.ts';
import { freePort } from '../../support/sshd/sshdFixture.ts';

/*
 * Issue 15: the refusals of team mode and the store, provoked for real (three members' own Lotsens on one PostgreSQL
 * team database, the API dispatcher, the team database's own functions) and shown as the console shows them in
 * Swedish: the code's sentence and the detail worded from its key, with the data (a name, a host, a role) and no
 * English sentence. main's English, which the CLI prints, is checked beside it.
 */

/** Words an English detail cannot do without and Swedish never uses. */
const ENGLISH = /\b(the|is|not|may|only|this|has|was|could|you|are)\b/i;

function inSwedish(error: ApiError): string {
  const shown = errorMessage(LotsenError.fromApiError(error));
  expect(shown).not.toMatch(ENGLISH);
  return shown;
}

describe('team and storage refusals, in Swedish', { timeout: 180_000 }, () => {
  let team: TestTeamWithAdmin;
  let alva: MemberLotsen;
  let tove: MemberLotsen;
  let fia: MemberLotsen;

  beforeAll(async () => {
    team = await createTestTeamWithAdmin();
    alva = await team.enrolLotsen(team.admin, teamPeople.alva);
    tove = await team.enrolLotsen(team.admin, teamPeople.tove);
    fia = await team.enrolLotsen(team.admin, teamPeople.fia);
    await chooseLanguage('sv');
  }, 180_000);
  afterAll(async () => {
    await chooseLanguage('en');
    for (const lotsen of [alva, tove, fia]) await lotsen?.close();
    await team?.drop();
  });

  test('a call outside the role names the roles needed and the person’s own, in Swedish words', async () => {
    const refused = await fia.call.fails('registry.saveSupportAccount', {
      environmentId: '00000000-0000-4000-8000-000000000001',
      account: { username: 'svc_lotsen' },
      secret: 'Hemligt-åäö',
    });
    expect(refused.message).toBe(
      'Only technician or support lead may do this (registry.saveSupportAccount); you are in finance.',
    );
    expect(inSwedish(refused)).toBe(
      'Din roll tillåter inte detta. (Det här kräver rollen tekniker eller supportansvarig ' +
        '(registry.saveSupportAccount); du har rollen ekonomi.)',
    );
  });

  test('an admin’s call without the admin right says so, the roles listed in Swedish', async () => {
    const refused = await tove.call.fails('team.members', {});
    expect(refused.message).toBe(
      'This needs the admin right as well as the technician, support lead or finance role (team.members); ask a team admin.',
    );
    expect(inSwedish(refused)).toBe(
      'Din roll tillåter inte detta. (Det här kräver adminrätten utöver rollen tekniker, supportansvarig eller ' +
        'ekonomi (team.members); be en admin i teamet.)',
    );
  });

  test('a save over another member’s change names who changed what, and when', async () => {
    const made = await alva.call.ok('registry.createCustomer', {
      name: 'Härjedalens kommun',
      orgNumber: orgNumber('212000', 24),
      kind: 'municipality',
    });
    const fields = { name: made.name, orgNumber: made.orgNumber, kind: made.kind };
    await tove.call.ok('registry.updateCustomer', {
      id: made.id,
      rowVersion: made.rowVersion,
      customer: { ...fields, notes: 'VPN byts i december' },
    });
    const refused = await alva.call.fails('registry.updateCustomer', {
      id: made.id,
      rowVersion: made.rowVersion,
      customer: { ...fields, notes: 'Ring före tio' },
    });
    expect(refused.message).toMatch(
      /^Tove Tekniker changed this customer at \d\d:\d\d while you had it open/,
    );
    expect(inSwedish(refused)).toMatch(
      /^Det krockar med det som redan är registrerat\. \(Tove Tekniker ändrade kunden kl\. \d\d:\d\d medan du hade det öppet\. Inget sparades: /,
    );
  });

  test('what the team database’s own functions refuse is worded by its words: removing oneself, an unknown member', async () => {
    const self = await alva.call.fails('team.removeMember', { userId: alva.member.userId });
    expect(self).toMatchObject({
      code: 'CONFLICT',
      message: 'An admin cannot remove themselves; ask another admin.',
    });
    expect(inSwedish(self)).toBe(
      'Det krockar med det som redan är registrerat. (En admin kan inte ta bort sig själv; be en annan admin.)',
    );
    const gone = await alva.call.fails('team.changeRole', {
      userId: '00000000-0000-4000-8000-000000000009',
      role: 'technician',
      isAdmin: false,
    });
    expect(gone).toMatchObject({ code: 'NOT_FOUND', message: 'No current member has that id.' });
    expect(inSwedish(gone)).toBe(
      'Det finns inte längre; någon kan ha tagit bort det. (Ingen nuvarande medlem har det id:t.)',
    );
  });

  test('fields the contract refuses are counted in Swedish', async () => {
    const refused = await alva.call.fails('registry.createCustomer', {
      name: '',
      orgNumber: 'x',
      kind: 'bank',
    });
    expect(refused.message).toBe('3 fields are not valid.');
    expect(inSwedish(refused)).toBe('En del av det som angavs är inte giltigt. (3 fält är inte giltiga.)');
  });

  test('a team database URL without TLS to another machine names the host', () => {
    let refused: unknown;
    try {
      enrolmentFor('postgresql://db.kalmar.se:5432/lotsen_team', 'LOTSEN-3f9a1c2e-K7QD-AAAA-BBBB-CCCC');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(LotsenError);
    const error = (refused as LotsenError).toApiError();
    expect(error.message).toMatch(/^db\.kalmar\.se is not this machine, and the URL asks for no TLS/);
    expect(inSwedish(error)).toMatch(
      /^En del av det som angavs är inte giltigt\. \(db\.kalmar\.se är inte den här datorn, och adressen begär ingen TLS: /,
    );
  });

  test('a team database nobody answers for names the database and login, never pg’s own words', async () => {
    const { settings, password } = superuserTeamSettings(team.database.name);
    const port = await freePort();
    const refused = await openTeamDatabase({ ...settings, port }, password).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LotsenError);
    const error = (refused as LotsenError).toApiError();
    const where = `127.0.0.1:${port}/${team.database.name}`;
    expect(error).toMatchObject({
      code: 'TEAM_DATABASE_UNAVAILABLE',
      message: `The team database ${where} could not be opened as ${settings.login}: nothing answered at that address.`,
    });
    expect(inSwedish(error)).toBe(
      'Teamets databas svarade inte, nekade inloggningen eller klarade inte TLS-kontrollen. ' +
        `(Teamets databas ${where} gick inte att öppna som ${settings.login}: inget svarade på den adressen.)`,
    );
  });
});
