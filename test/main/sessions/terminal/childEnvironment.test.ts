import { expect, test } from 'vitest';
import { childEnvironment } from '../../../../main/sessions/terminal/childEnvironment.ts';

test('every LOTSEN_ and ELECTRON_ variable is dropped, the data folder too; the rest passes unchanged', () => {
  const env = childEnvironment({
    PATH: '/usr/bin:/bin',
    HOME: '/home/tekla',
    SSH_AUTH_SOCK: '/tmp/agent.sock',
    LOTSEN_PASSPHRASE: 'correct horse battery staple',
    LOTSEN_PASSPHRASE_FILE: '/run/secrets/lotsen',
    LOTSEN_IN_KEYRING_SESSION: '1',
    LOTSEN_HOME: '/srv/lotsen',
    ELECTRON_RUN_AS_NODE: '1',
    // Windows names are case-insensitive: these are the same variables there.
    Lotsen_Passphrase: 'correct horse battery staple',
    lotsen_home: 'C:\\Lotsen',
    NOT_LOTSEN_PASSPHRASE: 'someone else’s',
  });
  expect(env).toEqual({
    PATH: '/usr/bin:/bin',
    HOME: '/home/tekla',
    SSH_AUTH_SOCK: '/tmp/agent.sock',
    NOT_LOTSEN_PASSPHRASE: 'someone else’s',
  });
});
