import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../../common/api/contract.ts';
import { localPrincipal, memberPrincipal, type Principal } from '../../../common/team/principal.ts';
import { initialAppState, type AppState } from '../../../renderer/store/app/initialState.ts';
import {
  selectMayCall,
  selectRoleHint,
  selectRoleLabel,
  selectRoleTitle,
} from '../../../renderer/store/app/selectors.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';

const USER_ID = '00000000-0000-4000-8000-000000000001';

function unlockedAs(principal: Principal | null): AppState {
  const status: AppStatus = {
    state: 'unlocked',
    keyStore: 'keychain',
    user: { id: USER_ID, name: 'Fia Ekonomi', email: 'fia@leverantor.se', role: 'technician' },
    principal,
    dataDir: '/tmp/x',
    database: { state: 'embedded', since: null },
  };
  return { ...initialAppState, status };
}

const finance = unlockedAs(memberPrincipal(USER_ID, 'finance', false));
const technician = unlockedAs(memberPrincipal(USER_ID, 'technician', false));
const leadAdmin = unlockedAs(memberPrincipal(USER_ID, 'support_lead', true));
const local = unlockedAs(localPrincipal(USER_ID));

describe('what the UI offers a role', () => {
  it('finance is not offered Connect, a local terminal or a secret reveal, but sees the registry', () => {
    expect(selectMayCall('sessions.open')(finance)).toBe(false);
    expect(selectMayCall('registry.revealSecret')(finance)).toBe(false);
    expect(selectMayCall('registry.saveSupportAccount')(finance)).toBe(false);
    expect(selectMayCall('registry.getCustomer')(finance)).toBe(true);
    expect(selectMayCall('billing.approveMonth')(finance)).toBe(true);
  });

  it('a technician is not offered Approve month: the disabled button says who may', () => {
    expect(selectMayCall('billing.approveMonth')(technician)).toBe(false);
    expect(selectRoleHint('billing.approveMonth')(technician)).toBe('Only finance may do this');
    expect(selectMayCall('billing.monthSummary')(technician)).toBe(false);
    expect(selectMayCall('sessions.open')(technician)).toBe(true);
  });

  it('an action needing the admin right says so to a support lead without it', () => {
    const lead = unlockedAs(memberPrincipal(USER_ID, 'support_lead', false));
    expect(selectRoleHint('retention.purge')(lead)).toBe(
      'Needs the admin right as well as the support lead role',
    );
    expect(selectRoleHint('retention.purge')(leadAdmin)).toBeNull();
  });

  it('the embedded default is offered everything, and nothing is held back before the status is known', () => {
    for (const method of ['sessions.open', 'billing.approveMonth', 'retention.purge'] as const) {
      expect(selectMayCall(method)(local), method).toBe(true);
      expect(selectMayCall(method)(initialAppState), method).toBe(true);
    }
  });
});

describe('the role in the header', () => {
  it("shows a member's one role and the admin right", () => {
    expect(selectRoleLabel(finance)).toBe('Finance');
    expect(selectRoleLabel(leadAdmin)).toBe('Support lead · admin');
  });

  it('shows the local user the role they gave at set-up, in the chosen language, with every role in the tooltip', async () => {
    expect(selectRoleLabel(local)).toBe('Technician');
    await chooseLanguage('sv');
    expect(selectRoleLabel(local)).toBe('Tekniker');
    await chooseLanguage('en');
    expect(selectRoleTitle(local)).toBe('Every role (this computer)');
    expect(selectRoleLabel(initialAppState)).toBeNull();
  });
});
