import { afterEach, describe, expect, it } from 'vitest';
import type { TeamMemberView } from '../../../../common/team/members.ts';
import { validate } from '../../../../renderer/components/form/fieldErrors.ts';
import {
  addMemberFormSpec,
  emptyAddMemberValues,
  enrolCommand,
} from '../../../../renderer/features/team/addMemberForm.ts';
import { describeChange } from '../../../../renderer/features/team/roleChange.ts';
import { chooseLanguage } from '../../../../renderer/i18n/i18n.ts';
import {
  memberStanding,
  selectIsLastAdmin,
  selectMemberSummary,
  treeList,
} from '../../../../renderer/store/team/selectors.ts';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const HOUR = 3_600_000;

function member(overrides: Partial<TeamMemberView>): TeamMemberView {
  return {
    userId: '00000000-0000-4000-8000-000000000001',
    name: 'Tekla Tekniker',
    email: 'tekla@leverantor.se',
    role: 'technician',
    isAdmin: false,
    login: 'lotsen_test_m_0a1b2c3d',
    state: 'enrolled',
    invitedAt: NOW - 48 * HOUR,
    codeExpiresAt: NOW - 24 * HOUR,
    enrolledAt: NOW - 47 * HOUR,
    removedAt: null,
    ...overrides,
  };
}

describe('add-member form', () => {
  it('sends what team.addMember takes, the address trimmed', () => {
    expect(
      addMemberFormSpec.toInput({
        name: 'Åsa Öberg',
        email: ' asa.oberg@leverantor.se ',
        role: 'finance',
        isAdmin: true,
      }),
    ).toEqual({ name: 'Åsa Öberg', email: 'asa.oberg@leverantor.se', role: 'finance', isAdmin: true });
  });

  it('names the fields the contract rejects', () => {
    const errors = validate(
      addMemberFormSpec.schema,
      addMemberFormSpec.toInput({ ...emptyAddMemberValues, email: 'asa' }),
      addMemberFormSpec.fields,
    );
    expect(Object.keys(errors.byField).sort()).toEqual(['email', 'name']);
  });

  it('tells the member the command to run, the code left out; --insecure only for a team reached without TLS', () => {
    const invitation = {
      teamUrl: 'postgresql://db.leverantor.se:5432/lotsen_team?sslmode=verify-full',
      insecure: false,
    };
    expect(enrolCommand(invitation)).toBe(
      'lotsen init --team "postgresql://db.leverantor.se:5432/lotsen_team?sslmode=verify-full" --enrol CODE',
    );
    expect(enrolCommand({ teamUrl: 'postgresql://10.0.0.5:5432/lotsen_team', insecure: true })).toBe(
      'lotsen init --team "postgresql://10.0.0.5:5432/lotsen_team" --enrol CODE --insecure',
    );
  });
});

describe('role change confirmation', () => {
  it('says what changes, or that nothing does', () => {
    const tekla = member({});
    expect(describeChange(tekla, { role: 'technician', isAdmin: false })).toBeNull();
    expect(describeChange(tekla, { role: 'finance', isAdmin: true })).toMatch(
      /^Tekla Tekniker changes from Technician to Finance and gains the admin right\. /,
    );
    expect(describeChange({ ...tekla, isAdmin: true }, { role: 'technician', isAdmin: false })).toMatch(
      /^Tekla Tekniker loses the admin right\. The team database applies it at once/,
    );
  });
});

describe('team selectors', () => {
  it('a member’s standing: enrolled, invited while the code works, then expired', () => {
    expect(memberStanding(member({}), NOW)).toMatchObject({ label: 'Enrolled', tone: 'success' });
    const invited = member({ state: 'invited', enrolledAt: null, codeExpiresAt: NOW + HOUR });
    expect(memberStanding(invited, NOW)).toMatchObject({ label: 'Invited', tone: 'info' });
    expect(memberStanding(invited, NOW + HOUR)).toMatchObject({ label: 'Code expired', tone: 'warning' });
    expect(memberStanding(invited, NOW + HOUR).detail).toContain('add the member again');
  });

  it('the last enrolled admin is the one whose right the database keeps; an invited admin does not count', () => {
    const ada = member({ userId: '00000000-0000-4000-8000-00000000000a', isAdmin: true });
    const invitedAdmin = member({
      userId: '00000000-0000-4000-8000-00000000000b',
      isAdmin: true,
      state: 'invited',
      enrolledAt: null,
    });
    const tekla = member({ userId: '00000000-0000-4000-8000-00000000000c' });
    expect(selectIsLastAdmin(ada.userId)({ members: [ada, invitedAdmin, tekla] })).toBe(true);
    expect(selectIsLastAdmin(tekla.userId)({ members: [ada, tekla] })).toBe(false);
    const bo = member({ userId: '00000000-0000-4000-8000-00000000000d', isAdmin: true });
    expect(selectIsLastAdmin(ada.userId)({ members: [ada, bo] })).toBe(false);
  });

  it('sums the list up', () => {
    const invited = member({ userId: '00000000-0000-4000-8000-00000000000e', state: 'invited' });
    expect(selectMemberSummary({ members: [member({})] })).toBe('1 member');
    expect(selectMemberSummary({ members: [member({}), invited] })).toBe('2 members, 1 not enrolled yet');
  });
});

describe('in Swedish', () => {
  afterEach(() => chooseLanguage('en'));

  it('the role change, the standing, the summary and the vault’s trees are worded from the catalogue', async () => {
    await chooseLanguage('sv');
    expect(describeChange(member({}), { role: 'finance', isAdmin: true })).toBe(
      'Tekla Tekniker byter från Tekniker till Ekonomi och får administratörsbehörighet. ' +
        'Teamdatabasen tillämpar det direkt; medlemmens Lotsen visar det nästa gång den låses upp.',
    );
    expect(memberStanding(member({}), NOW).label).toBe('Registrerad');
    const invited = member({ userId: '00000000-0000-4000-8000-00000000000e', state: 'invited' });
    expect(selectMemberSummary({ members: [member({}), invited] })).toBe(
      '2 medlemmar, 1 inte registrerade än',
    );
    expect(treeList(['personal', 'secrets'])).toBe('personuppgifter och kundernas hemligheter');
  });
});
