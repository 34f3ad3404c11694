import { afterEach, describe, expect, it } from 'vitest';
import { keyedError } from '../../../common/api/errors.ts';
import { connectionErrnos } from '../../../common/sessions/connectionErrno.ts';
import { en } from '../../../renderer/i18n/catalogues/en/index.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';
import { errorMessage } from '../../../renderer/store/errorMessage.ts';

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
