import { afterEach, describe, expect, it } from 'vitest';
import { keyedError } from '../../../common/api/errors.ts';
import { memberPrincipal } from '../../../common/team/principal.ts';
import { refusalFor } from '../../../common/team/roles.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';
import { errorDetail } from '../../../renderer/store/errorMessage.ts';

/** A role refusal as the dispatcher throws it. */
function refused(
  role: 'technician' | 'support_lead' | 'finance',
  method: 'billing.approveMonth' | 'team.members',
) {
  const refusal = refusalFor(memberPrincipal('u', role, false), method, {} as never)!;
  return keyedError('FORBIDDEN', refusal.detail.key, refusal.detail.values);
}

describe('codes inside an error detail, in words', () => {
  afterEach(() => chooseLanguage('en'));

  it('roles and the refused person’s own are worded in the chosen language, as main words them in English', async () => {
    const approve = refused('technician', 'billing.approveMonth');
    expect(errorDetail(approve)).toBe(approve.message);
    expect(approve.message).toBe('Only finance may do this (billing.approveMonth); you are a technician.');
    const members = refused('finance', 'team.members');
    expect(errorDetail(members)).toBe(members.message);
    await chooseLanguage('sv');
    expect(errorDetail(approve)).toBe(
      'Det här kräver rollen ekonomi (billing.approveMonth); du har rollen tekniker.',
    );
    expect(errorDetail(members)).toBe(
      'Det här kräver adminrätten utöver rollen tekniker, supportansvarig eller ekonomi (team.members); be en admin i teamet.',
    );
  });

  it('a stale save names the record in the chosen language, and a day as the language writes it', async () => {
    const stale = keyedError('CONFLICT', 'storage.staleSaveByOnDay', {
      who: 'Ada Admin',
      staleRecord: 'support account',
      changedOn: '2026-12-04',
      time: '14:02',
    });
    expect(stale.message).toMatch(/^Ada Admin changed this support account on 2026-12-04 at 14:02 while/);
    expect(errorDetail(stale)).toMatch(
      /^Ada Admin changed this support account on 04\/12\/2026 at 14:02 while/,
    );
    await chooseLanguage('sv');
    expect(errorDetail(stale)).toMatch(/^Ada Admin ändrade supportkontot 2026-12-04 kl\. 14:02 medan/);
  });
});
