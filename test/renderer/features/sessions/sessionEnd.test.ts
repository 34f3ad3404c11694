import { afterEach, describe, expect, it } from 'vitest';
import { sessionEndText } from '../../../../renderer/features/sessions/sessionEnd.ts';
import { chooseLanguage } from '../../../../renderer/i18n/i18n.ts';

describe('why a session ended, in the chosen language', () => {
  afterEach(() => chooseLanguage('en'));

  it('from its detail key; a row from before details were kept says its code in Swedish, never its English', async () => {
    const dropped = {
      endCode: 'SSH_DISCONNECTED',
      endMessage:
        'The connection to root@wap01 dropped (the server, the network or the VPN went away). Reconnect to go on.',
      endDetail: { key: 'sessions.connectionDropped', values: { title: 'root@wap01' } },
    };
    const older = { ...dropped, endDetail: undefined };
    const closedOlder = { endCode: null, endMessage: 'The shell ended (exit code 0).', endDetail: undefined };
    expect(sessionEndText(dropped)).toBe(dropped.endMessage);
    expect(sessionEndText(older)).toBe(dropped.endMessage);
    expect(sessionEndText(closedOlder)).toBe('The shell ended (exit code 0).');
    await chooseLanguage('sv');
    expect(sessionEndText(dropped)).toBe(
      'Anslutningen till root@wap01 bröts (servern, nätverket eller VPN:en försvann). Återanslut för att fortsätta.',
    );
    expect(sessionEndText(older)).toBe('Anslutningen till servern bröts.');
    expect(sessionEndText(closedOlder)).toBeNull();
    expect(sessionEndText({ endCode: null, endMessage: null, endDetail: undefined })).toBeNull();
  });
});
