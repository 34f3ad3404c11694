import type { RemoteAccessMethod, VpnType } from './vocabulary.ts';

export interface AccessStandardness {
  standard: boolean;
  /** Sentences that say why the access is non-standard; empty when it is standard. */
  reasons: string[];
}

/**
 * The vendor's terms list the remote-access set it supports at no cost (TeamViewer host, Cisco AnyConnect and Check
 * Point with split tunnel, Windows' built-in IPsec/PPTP client). Anything else a customer demands is billed under
 * section 8.6 ("other costs"), so the registry flags it where people will see it.
 */
export function accessStandardness(access: {
  vpnType: VpnType;
  method: RemoteAccessMethod;
}): AccessStandardness {
  const reasons: string[] = [];
  if (access.vpnType === 'other') {
    reasons.push('The VPN client is not one the terms support; its cost is billable under section 8.6.');
  }
  if (access.method === 'other') {
    reasons.push(
      'The remote-access method is not one the terms support; its cost is billable under section 8.6.',
    );
  }
  return { standard: reasons.length === 0, reasons };
}
