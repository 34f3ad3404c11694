import {
  splitTunnelVpnTypes,
  vpnTypeLabels,
  type RemoteAccessMethod,
  type SplitTunnel,
  type VpnType,
} from './vocabulary.ts';

export interface AccessStandardness {
  standard: boolean;
  /** Sentences that say why the access is non-standard; empty when it is standard. */
  reasons: string[];
  /** The same, as codes with their data, for the console to word in its language. */
  findings: AccessFinding[];
}

/** One reason access is non-standard. `tool` is empty when no access tool is named. */
export type AccessFinding =
  | { code: 'otherTool'; tool: string }
  | { code: 'direct' }
  | { code: 'fullTunnel'; vpnType: VpnType }
  | { code: 'splitUnknown'; vpnType: VpnType }
  | { code: 'otherMethod' }
  | { code: 'specialConfiguration'; configuration: string };

export interface AccessFacts {
  vpnType: VpnType;
  method: RemoteAccessMethod;
  splitTunnel: SplitTunnel;
  accessTool: string;
  specialConfigurationNeeded: boolean;
  specialConfiguration: string;
}

const ACCEPTED =
  "the terms accept TeamViewer, Cisco AnyConnect or Check Point with split tunnel, and Windows' built-in IPsec/PPTP client";

/**
 * The vendor's terms list exactly four access solutions it supports at no cost: TeamViewer host, Cisco AnyConnect
 * and Check Point with split tunnel, and Windows' built-in IPsec/PPTP client. Anything else a customer demands
 * (direct access, a full tunnel, another client, special configuration of the vendor's machines) is billed under
 * section 8.6 ("other costs"), so the registry flags it, saying why, where people will see it.
 */
export function accessStandardness(access: AccessFacts): AccessStandardness {
  const findings: AccessFinding[] = [];
  if (access.vpnType === 'other') findings.push({ code: 'otherTool', tool: access.accessTool.trim() });
  if (access.vpnType === 'none' && access.method !== 'teamviewer') findings.push({ code: 'direct' });
  if (splitTunnelVpnTypes.includes(access.vpnType) && access.splitTunnel !== 'yes') {
    findings.push({
      code: access.splitTunnel === 'no' ? 'fullTunnel' : 'splitUnknown',
      vpnType: access.vpnType,
    });
  }
  if (access.method === 'other') findings.push({ code: 'otherMethod' });
  if (access.specialConfigurationNeeded) {
    findings.push({ code: 'specialConfiguration', configuration: access.specialConfiguration.trim() });
  }
  return { standard: findings.length === 0, reasons: findings.map(accessFindingInEnglish), findings };
}

/** A sentence ends with its stop, whatever the person typed last. */
export function withFullStop(sentence: string): string {
  return sentence.replace(/([^.!?])$/, '$1.');
}

/** The finding in English, as the CLI and the eligibility check say it. */
export function accessFindingInEnglish(finding: AccessFinding): string {
  switch (finding.code) {
    case 'otherTool':
      return `${finding.tool === '' ? 'The access tool' : finding.tool} is not an accepted solution: ${ACCEPTED}.`;
    case 'direct':
      return `Direct access (no VPN, no TeamViewer) is not an accepted solution: ${ACCEPTED}.`;
    case 'fullTunnel':
      return `${vpnTypeLabels[finding.vpnType]} runs as a full tunnel; the terms accept it only with split tunnel.`;
    case 'splitUnknown':
      return `${vpnTypeLabels[finding.vpnType]}: whether it is split tunnel is not recorded; the terms accept it only with split tunnel.`;
    case 'otherMethod':
      return 'The remote-access method is not one the terms support.';
    case 'specialConfiguration':
      return withFullStop(
        `The client needs special configuration on the vendor's machines: ${finding.configuration}`,
      );
  }
}
