import { afterEach, describe, expect, it } from 'vitest';
import { keyedError } from '../../../common/api/errors.ts';
import { connectionErrnos } from '../../../common/sessions/connectionErrno.ts';
import { en } from '../../../renderer/i18n/catalogues/en/index.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';
import { memberPrincipal } from '../../../common/team/principal.ts';
import { refusalFor } from '../../../common/team/roles.ts';
import { errorDetail, errorMessage } from '../../../renderer/store/errorMessage.ts';

describe('codes inside an error detail, worded by the value’s name', () => {
  afterEach(() => chooseLanguage('en'));

  it('`errno` is a connection’s cause in words, the code kept; every errno main passes on has words', async () => {
    expect(Object.keys(en.sessions.connectionCauses).sort()).toEqual([...connectionErrnos].sort());
    const refused = keyedError('SSH_UNREACHABLE', 'sessions.couldNotConnectBecause', {
      where: 'root@wap01.kalmar.se:22',
      errno: 'ECONNREFUSED',
    });
    // The CLI's English names the code alone, as before.
    expect(refused.message).toBe('Could not connect to root@wap01.kalmar.se:22 (ECONNREFUSED).');
    expect(errorMessage(refused)).toBe(
      'The server could not be reached. (Could not connect to root@wap01.kalmar.se:22 ' +
        '(nothing accepts connections on that port: ECONNREFUSED).)',
    );
    await chooseLanguage('sv');
    expect(errorMessage(refused)).toBe(
      'Servern gick inte att nå. (Det gick inte att ansluta till root@wap01.kalmar.se:22 ' +
        '(ingen tar emot anslutningar på den porten: ECONNREFUSED).)',
    );
  });

  it('`authMethods` are SSH login methods in words; one the console does not know keeps its protocol name', async () => {
    const refused = keyedError('SSH_AUTH_FAILED', 'sessions.passwordNotOffered', {
      where: 'root@wap01.kalmar.se:22',
      authMethods: ['publickey', 'keyboard-interactive', 'x-nytt@example.org'],
    });
    expect(refused.message).toBe(
      'root@wap01.kalmar.se:22 does not accept login by password ' +
        '(it offers: publickey, keyboard-interactive, x-nytt@example.org).',
    );
    await chooseLanguage('sv');
    expect(errorMessage(refused)).toBe(
      'Servern nekade inloggningen. (root@wap01.kalmar.se:22 tar inte emot inloggning med lösenord ' +
        '(servern erbjuder: nyckel, frågor från servern och x-nytt@example.org).)',
    );
  });
});

/** A role refusal as the dispatcher throws it. */
function refused(
  role: 'technician' | 'support_lead' | 'finance',
  method: 'billing.approveMonth' | 'team.members',
) {
  const refusal = refusalFor(memberPrincipal('u', role, false), method, {} as never)!;
  return keyedError('FORBIDDEN', refusal.detail.key, refusal.detail.values);
}

describe('codes inside an error detail, in words: roles and records', () => {
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
