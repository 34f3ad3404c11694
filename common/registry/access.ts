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
}

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
  const reasons: string[] = [];
  const tool = access.accessTool.trim();
  if (access.vpnType === 'other') {
    reasons.push(`${tool === '' ? 'The access tool' : tool} is not an accepted solution: ${ACCEPTED}.`);
  }
  if (access.vpnType === 'none' && access.method !== 'teamviewer') {
    reasons.push(`Direct access (no VPN, no TeamViewer) is not an accepted solution: ${ACCEPTED}.`);
  }
  if (splitTunnelVpnTypes.includes(access.vpnType) && access.splitTunnel !== 'yes') {
    const client = vpnTypeLabels[access.vpnType];
    reasons.push(
      access.splitTunnel === 'no'
        ? `${client} runs as a full tunnel; the terms accept it only with split tunnel.`
        : `${client}: whether it is split tunnel is not recorded; the terms accept it only with split tunnel.`,
    );
  }
  if (access.method === 'other') {
    reasons.push('The remote-access method is not one the terms support.');
  }
  if (access.specialConfigurationNeeded) {
    reasons.push(
      `The client needs special configuration on the vendor's machines: ${access.specialConfiguration.trim()}`.replace(
        /([^.!?])$/,
        '$1.',
      ),
    );
  }
  return { standard: reasons.length === 0, reasons };
}
