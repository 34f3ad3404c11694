import { expect, test } from 'vitest';
import { accessStandardness, type AccessFacts } from '../../../common/registry/access.ts';
import { splitTunnelAnswers, vpnTypes } from '../../../common/registry/vocabulary.ts';

const plain: Omit<AccessFacts, 'vpnType' | 'method' | 'splitTunnel'> = {
  accessTool: '',
  specialConfigurationNeeded: false,
  specialConfiguration: '',
};

test('exactly the four accepted solutions are standard', () => {
  const standard: string[] = [];
  for (const vpnType of vpnTypes) {
    for (const splitTunnel of splitTunnelAnswers) {
      if (accessStandardness({ ...plain, vpnType, method: 'ssh', splitTunnel }).standard) {
        standard.push(`${vpnType}/${splitTunnel}`);
      }
      // A method the terms do not support is non-standard through any of them.
      expect(accessStandardness({ ...plain, vpnType, method: 'other', splitTunnel }).standard).toBe(false);
    }
  }
  expect(standard).toEqual([
    'cisco_anyconnect/yes',
    'checkpoint/yes',
    ...['windows_ipsec', 'windows_pptp', 'teamviewer'].flatMap((t) =>
      splitTunnelAnswers.map((s) => `${t}/${s}`),
    ),
  ]);
  // TeamViewer as the method needs no VPN: it is the TeamViewer solution, not direct access.
  const teamViewer = { ...plain, vpnType: 'none', method: 'teamviewer', splitTunnel: 'unknown' } as const;
  expect(accessStandardness(teamViewer).standard).toBe(true);
});

test('another client is named in its reason', () => {
  const fortinet = { ...plain, vpnType: 'other', method: 'ssh', splitTunnel: 'yes' } as const;
  expect(accessStandardness({ ...fortinet, accessTool: 'FortiClient 7.2' }).reasons).toEqual([
    "FortiClient 7.2 is not an accepted solution: the terms accept TeamViewer, Cisco AnyConnect or Check Point with split tunnel, and Windows' built-in IPsec/PPTP client.",
  ]);
});
