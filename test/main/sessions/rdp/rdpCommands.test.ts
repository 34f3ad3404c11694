import { describe, expect, test } from 'vitest';
import {
  freerdpArgs,
  freerdpEnvironment,
  freerdpFingerprint,
} from '../../../../main/sessions/rdp/freerdpCommand.ts';
import { mstscCommands, mstscRdpFile } from '../../../../main/sessions/rdp/mstscPlan.ts';
import { rdpPort, rdpTitle } from '../../../../main/sessions/rdp/rdpTarget.ts';

const spec = {
  host: 'wap01.kalmar.se',
  port: 3389,
  username: 'KALMAR\\lev-support',
  fingerprint: `SHA256:${Buffer.alloc(32, 0xab).toString('base64').replace(/=+$/, '')}`,
  title: 'RDP KALMAR\\lev-support@wap01.kalmar.se',
  configDir: '/tmp/lotsen-rdp-x',
};

describe('the RDP client command lines', () => {
  test('FreeRDP: the password from its prompt, only the pinned certificate, a private config folder and no CA store', () => {
    const args = freerdpArgs(spec);
    expect(args).toEqual(
      expect.arrayContaining([
        '/v:wap01.kalmar.se:3389',
        '/u:KALMAR\\lev-support',
        '/from-stdin:force',
        `/cert:deny,fingerprint:sha256:${Array(32).fill('ab').join(':')}`,
      ]),
    );
    expect(args.filter((arg) => /^\/(p:|cert:ignore|cert:tofu|cert-)/.test(arg))).toEqual([]);
    expect(freerdpEnvironment(spec, { DISPLAY: ':5' })).toEqual({
      HOME: spec.configDir,
      XDG_CONFIG_HOME: spec.configDir,
      SSL_CERT_FILE: '/dev/null',
      SSL_CERT_DIR: spec.configDir,
      DISPLAY: ':5',
    });
    expect(freerdpArgs({ ...spec, host: '::1' })[0]).toBe('/v:[::1]:3389');
    expect(() => freerdpFingerprint('SHA256:short')).toThrow();
  });

  test('mstsc: an .rdp file and cmdkey calls without the password; the credential removed afterwards', () => {
    const file = mstscRdpFile(spec);
    expect(file.split('\r\n')).toEqual(
      expect.arrayContaining([
        'full address:s:wap01.kalmar.se:3389',
        'username:s:KALMAR\\lev-support',
        'prompt for credentials:i:0',
        'authentication level:i:2',
      ]),
    );
    expect(file).not.toMatch(/password/i);
    const commands = mstscCommands(spec, 'C:\\Temp\\lotsen-rdp\\session.rdp');
    expect(commands.storeCredential.args).toEqual([
      '/generic:TERMSRV/wap01.kalmar.se',
      '/user:KALMAR\\lev-support',
      '/pass',
    ]);
    expect(commands.removeCredential.args).toEqual(['/delete:TERMSRV/wap01.kalmar.se']);
  });

  test('the RDP port: the registered one, or 3389 where the registered one is SSH’s 22', () => {
    expect(rdpPort(22)).toBe(3389);
    expect(rdpPort(3389)).toBe(3389);
    expect(rdpPort(13389)).toBe(13389);
    // The server's own RDP port (0030) wins: SSH on 2222 and RDP on 3389, or RDP forwarded to 13389 beside SSH on 22.
    expect(rdpPort(2222, 3389)).toBe(3389);
    expect(rdpPort(22, 13389)).toBe(13389);
    expect(rdpTitle({ host: 'wap01', port: 3389, username: 'u' })).toBe('RDP u@wap01');
    expect(rdpTitle({ host: 'wap01', port: 13389, username: 'u' })).toBe('RDP u@wap01:13389');
  });
});
