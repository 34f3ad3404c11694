import { describe, expect, test } from 'vitest';
import {
  readSplitCheck,
  splitCheckCommand,
  vpnClientsFor,
  vpnProfileCommands,
  vpnProfileInputSchema,
  vpnTypeIsWeak,
  type VpnProfileInput,
} from '../../../common/sessions/vpn.ts';

const fields = (input: VpnProfileInput) => vpnProfileInputSchema.parse(input);

describe('VPN profiles', () => {
  test('each VPN type of the terms has its clients; PPTP alone is weak', () => {
    expect(vpnClientsFor.cisco_anyconnect).toEqual(['cisco_secure_client', 'openconnect']);
    expect(vpnClientsFor.checkpoint).toEqual(['checkpoint_trac']);
    expect(vpnClientsFor.windows_ipsec).toEqual(['rasdial']);
    expect(vpnClientsFor.windows_pptp).toEqual(['rasdial']);
    expect(vpnTypeIsWeak('windows_pptp')).toBe(true);
    expect(vpnTypeIsWeak('windows_ipsec')).toBe(false);
    expect(vpnTypeIsWeak('cisco_anyconnect')).toBe(false);
  });

  test('the password is never in a command: read from the pre-connect secret on stdin, or asked for', () => {
    const cisco = vpnProfileCommands(
      fields({ client: 'cisco_secure_client', gateway: 'vpn.kalmar.se', username: 'lotsen' }),
      'linux',
      '/opt/cisco/secureclient/bin/vpn',
    )!;
    expect(cisco.connect).toBe(
      `printf '%s\\n%s\\ny\\n' 'lotsen' "$LOTSEN_PRE_CONNECT_SECRET" | '/opt/cisco/secureclient/bin/vpn' -s connect 'vpn.kalmar.se'`,
    );
    expect(cisco.disconnect).toBe(`'/opt/cisco/secureclient/bin/vpn' disconnect`);

    const windowsCisco = vpnProfileCommands(
      fields({ client: 'cisco_secure_client', gateway: 'vpn.kalmar.se', username: 'lotsen' }),
      'win32',
      'C:\\Program Files (x86)\\Cisco\\Cisco Secure Client\\vpncli.exe',
    )!;
    // cmd.exe never sees the secret: PowerShell reads it from its environment.
    expect(windowsCisco.connect).toContain('$env:LOTSEN_PRE_CONNECT_SECRET');
    expect(windowsCisco.connect).not.toContain('%LOTSEN');

    const trac = vpnProfileCommands(
      fields({ client: 'checkpoint_trac', gateway: 'vpn.vaxjo.se', username: 'lotsen' }),
      'win32',
      'C:\\Program Files (x86)\\CheckPoint\\Endpoint Connect\\trac.exe',
    )!;
    expect(trac.connect).toBe(
      '"C:\\Program Files (x86)\\CheckPoint\\Endpoint Connect\\trac.exe" connect -s "vpn.vaxjo.se" -u "lotsen"',
    );
    expect(trac.connect).not.toContain(' -p ');
    expect(trac.splitCheckable).toBe(false);

    const rasdial = vpnProfileCommands(
      fields({ client: 'rasdial', gateway: 'vpn.kalmar.se', username: 'lotsen', entryName: 'Kalmar VPN' }),
      'win32',
      'rasdial.exe',
    )!;
    expect(rasdial).toMatchObject({
      connect: 'rasdial "Kalmar VPN" "lotsen" *',
      disconnect: 'rasdial "Kalmar VPN" /disconnect',
      splitCheckable: true,
    });
  });

  test('OpenConnect runs detached with its own pid file, and disconnect waits until it has ended', () => {
    const profile = vpnProfileCommands(
      fields({
        client: 'openconnect',
        gateway: '10.99.0.1:4443',
        username: 'lotsen',
        serverCert: 'pin-sha256:abc=',
      }),
      'linux',
      '/usr/sbin/openconnect',
    )!;
    expect(profile.connect).toBe(
      `printf '%s\\n' "$LOTSEN_PRE_CONNECT_SECRET" | setsid '/usr/sbin/openconnect' --background ` +
        `--pid-file="\${XDG_RUNTIME_DIR:-$HOME}"/lotsen-openconnect-10.99.0.1_4443.pid --user='lotsen' ` +
        `--passwd-on-stdin --servercert='pin-sha256:abc=' '10.99.0.1:4443'`,
    );
    expect(profile.disconnect).toContain('kill -INT "$pid"');
    expect(profile.disconnect).toContain('while kill -0 "$pid"');
  });

  test('clients that do not run on a platform have no profile there', () => {
    const input = fields({ client: 'rasdial', gateway: 'vpn.kalmar.se' });
    expect(vpnProfileCommands(input, 'linux', 'rasdial')).toBeNull();
    expect(
      vpnProfileCommands(fields({ client: 'openconnect', gateway: 'vpn.kalmar.se' }), 'win32', 'x'),
    ).toBeNull();
  });

  test('values that could break out of the quoting are refused', () => {
    expect(
      vpnProfileInputSchema.safeParse({ client: 'openconnect', gateway: "vpn'; rm -rf ~" }).success,
    ).toBe(false);
    expect(
      vpnProfileInputSchema.safeParse({ client: 'rasdial', gateway: 'vpn.se', username: 'a%PATH%' }).success,
    ).toBe(false);
    expect(
      vpnProfileInputSchema.safeParse({ client: 'rasdial', gateway: 'vpn.se', entryName: 'x" & calc' })
        .success,
    ).toBe(false);
  });
});

describe('is the tunnel split?', () => {
  const ok = (stdout: string) => ({ exitCode: 0, stdout, stderr: '' });

  test("Cisco's vpn stats says so in its tunnel mode", () => {
    expect(splitCheckCommand('cisco_secure_client', 'linux', '/opt/cisco/secureclient/bin/vpn', '')).toEqual({
      file: '/opt/cisco/secureclient/bin/vpn',
      args: ['stats'],
    });
    expect(readSplitCheck('cisco_secure_client', ok('  Tunnel Mode (IPv4):          Split Include\n'))).toBe(
      'split',
    );
    expect(
      readSplitCheck('cisco_secure_client', ok('  Tunnel Mode (IPv4):          Tunnel All Traffic\n')),
    ).toBe('full');
    expect(readSplitCheck('cisco_secure_client', ok('  Client Address (IPv4):  10.1.1.1\n'))).toBe('unknown');
  });

  test("Windows' VPN entry says whether it splits", () => {
    expect(splitCheckCommand('rasdial', 'win32', 'rasdial.exe', 'rasdial "Kalmar VPN" "lotsen" *')).toEqual({
      file: 'powershell',
      args: [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        "(Get-VpnConnection -Name 'Kalmar VPN').SplitTunneling",
      ],
    });
    expect(readSplitCheck('rasdial', ok('True\r\n'))).toBe('split');
    expect(readSplitCheck('rasdial', ok('False\r\n'))).toBe('full');
    expect(readSplitCheck('rasdial', { exitCode: 1, stdout: '', stderr: 'not found' })).toBe('unknown');
  });

  test('OpenConnect: whether an outside address goes through the tunnel; Check Point cannot tell', () => {
    expect(readSplitCheck('openconnect', ok('198.51.100.7 dev tun0 src 10.20.30.72 uid 0'))).toBe('full');
    expect(
      readSplitCheck('openconnect', ok('198.51.100.7 via 192.168.1.1 dev wlp2s0 src 192.168.1.20')),
    ).toBe('split');
    expect(
      readSplitCheck('openconnect', {
        exitCode: 2,
        stdout: '',
        stderr: 'RTNETLINK answers: Network is unreachable',
      }),
    ).toBe('split');
    expect(splitCheckCommand('checkpoint_trac', 'win32', 'trac.exe', '')).toBeNull();
    expect(readSplitCheck('checkpoint_trac', ok('anything'))).toBe('unknown');
  });
});
