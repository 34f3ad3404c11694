import { describe, expect, it } from 'vitest';
import { validate } from '../../../../renderer/components/form/fieldErrors.ts';
import type { FormSpec, FormValues } from '../../../../renderer/components/form/formSpec.ts';
import {
  environmentCall,
  environmentFormSpec,
  environmentFormValues,
} from '../../../../renderer/features/customer/forms/environmentForm.ts';
import { serverFormSpec, serverFormValues } from '../../../../renderer/features/customer/forms/serverForm.ts';
import {
  supportAccountCall,
  supportAccountFormSpec,
  supportAccountFormValues,
} from '../../../../renderer/features/customer/forms/supportAccountForm.ts';

const check = <V extends FormValues>(spec: FormSpec<V>, values: V) =>
  validate(spec.schema, spec.toInput(values), spec.fields);

describe('environment form', () => {
  it('sends access as the API expects, tools split on commas', () => {
    const values = {
      ...environmentFormValues(),
      name: 'Produktion',
      'access.vpnGateway': 'vpn.vaxjo.se',
      'access.supportedTools': 'PowerShell, RDP,, Enter-PSSession ',
      'access.preConnectCommand': 'vpn connect vpn.vaxjo.se',
    };
    expect(environmentFormSpec.toInput(values)).toEqual({
      name: 'Produktion',
      notes: '',
      access: {
        vpnType: 'cisco_anyconnect',
        vpnGateway: 'vpn.vaxjo.se',
        teamViewerId: '',
        method: 'ssh',
        supportedTools: ['PowerShell', 'RDP', 'Enter-PSSession'],
        notes: '',
        preConnectCommand: 'vpn connect vpn.vaxjo.se',
        vpnClient: 'none',
        disconnectCommand: '',
        splitTunnel: 'unknown',
        accessTool: '',
        specialConfigurationNeeded: false,
        specialConfiguration: '',
        toolTemplates: [],
      },
    });
    expect(check(environmentFormSpec, values).byField).toEqual({});
  });

  it('the pre-connect secret travels apart from the environment: empty keeps it, text sets it, "clear" clears it', () => {
    const values = { ...environmentFormValues(), name: 'Produktion', 'access.vpnGateway': 'vpn.vaxjo.se' };
    const call = (extra: Partial<typeof values>) =>
      environmentCall(environmentFormSpec.toInput({ ...values, ...extra }));
    expect(environmentFormValues().preConnectSecret).toBe('');
    expect('preConnectSecret' in call({})).toBe(false);
    const set = call({ preConnectSecret: 'Vpn-Lösen' });
    expect(set.preConnectSecret).toBe('Vpn-Lösen');
    expect(JSON.stringify(set.environment)).not.toContain('Vpn-Lösen');
    expect(call({ preConnectSecret: 'Vpn-Lösen', clearPreConnectSecret: true }).preConnectSecret).toBeNull();
    expect(check(environmentFormSpec, { ...values, preConnectSecret: 'Vpn-Lösen' }).byField).toEqual({});
  });

  it('puts the model’s cross-field rules on the right fields', () => {
    const errors = check(environmentFormSpec, {
      ...environmentFormValues(),
      name: 'Skolmiljö',
      'access.vpnType': 'checkpoint',
      'access.method': 'teamviewer',
    });
    expect(errors.byField).toEqual({
      'access.vpnGateway': 'This VPN type needs a gateway',
      'access.teamViewerId': 'TeamViewer access needs the host id',
    });
  });
});

describe('server form', () => {
  it('leaves an empty port to the default and refuses one that is not a number', () => {
    const values = { ...serverFormValues(), host: 'wap01.vaxjo.se', role: 'wap' };
    expect(serverFormSpec.toInput(values)).toMatchObject({
      host: 'wap01.vaxjo.se',
      port: undefined,
      role: 'wap',
    });
    expect(check(serverFormSpec, values).byField).toEqual({});
    expect(serverFormSpec.toInput({ ...values, port: ' 443 ' })).toMatchObject({ port: 443 });
    expect(check(serverFormSpec, { ...values, port: 'ssh' }).byField).toEqual({
      port: 'Port must be a number',
    });
    expect(check(serverFormSpec, { ...values, port: '70000' }).byField.port).toMatch(/between 1 and 65535/);
    expect(check(serverFormSpec, { ...values, host: 'wap 01' }).byField.host).toMatch(/host name/);
  });

  it('sends an RDP port of its own beside SSH’s, and none when it is left empty', () => {
    const values = { ...serverFormValues(), host: 'wap01.vaxjo.se', role: 'wap', port: '2222' };
    expect(serverFormSpec.toInput(values)).toMatchObject({ port: 2222, rdpPort: null });
    expect(serverFormSpec.toInput({ ...values, rdpPort: ' 3389 ' })).toMatchObject({
      port: 2222,
      rdpPort: 3389,
    });
    expect(check(serverFormSpec, { ...values, rdpPort: '70000' }).byField.rdpPort).toMatch(
      /between 1 and 65535/,
    );
  });
});

describe('support account form', () => {
  it('never starts with a secret, and sends one only when typed', () => {
    const stored = {
      id: '00000000-0000-4000-8000-000000000001',
      environmentId: '00000000-0000-4000-8000-000000000002',
      username: 'lev-support',
      notes: '',
      hasSecret: true,
      secretUpdatedAt: 1,
      hasTotpSeed: false,
      rowVersion: 1,
    };
    const values = supportAccountFormValues(stored);
    expect(values.secret).toBe('');
    expect(supportAccountCall(supportAccountFormSpec.toInput(values))).toEqual({
      account: { username: 'lev-support', notes: '' },
    });
    expect(
      supportAccountCall(supportAccountFormSpec.toInput({ ...values, secret: 'Nytt-lösen-åäö' })),
    ).toEqual({
      account: { username: 'lev-support', notes: '' },
      secret: 'Nytt-lösen-åäö',
    });
    expect(check(supportAccountFormSpec, { ...values, username: ' ' }).byField).toEqual({
      username: 'Username is required',
    });
  });

  it('a private key keeps its line breaks (Windows ones made Unix ones); one that lost them is refused', () => {
    const key = [
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
      '-----END OPENSSH PRIVATE KEY-----',
    ];
    const values = { ...supportAccountFormValues(), username: 'root', secretKind: 'privateKey' as const };
    expect(
      supportAccountCall(
        supportAccountFormSpec.toInput({ ...values, secret: `${key.join('\r\n')}\r\n\r\n` }),
      ),
    ).toEqual({ account: { username: 'root', notes: '' }, secret: `${key.join('\n')}\n` });
    expect(supportAccountFormSpec.check!({ ...values, secret: key.join('\n') })).toEqual([]);
    expect(supportAccountFormSpec.check!({ ...values, secret: key.join(' ') })).toEqual([
      { path: 'secret', message: 'This key has lost its line breaks; paste it again as it is in its file' },
    ]);
    expect(supportAccountFormSpec.check!({ ...values, secret: 'ssh-ed25519 AAAAC3Nza lotsen' })).toEqual([
      { path: 'secret', message: 'This is a public key (the .pub file): paste the private key' },
    ]);
    // A password is not checked as a key.
    expect(supportAccountFormSpec.check!({ ...values, secretKind: 'password', secret: 'ett lösen' })).toEqual(
      [],
    );
  });
});
