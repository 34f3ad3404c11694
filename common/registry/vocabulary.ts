/**
 * The registry's closed vocabularies, with the labels people see. Stored values are stable identifiers; labels may
 * change freely.
 */
export const customerKinds = ['municipality', 'school_chain', 'school', 'other'] as const;
export type CustomerKind = (typeof customerKinds)[number];
export const customerKindLabels: Record<CustomerKind, string> = {
  municipality: 'Municipality (kommun)',
  school_chain: 'School chain (friskolekedja)',
  school: 'School (a single school)',
  other: 'Other',
};

export const serverRoles = ['adfs', 'wap', 'sync', 'other'] as const;
export type ServerRole = (typeof serverRoles)[number];
export const serverRoleLabels: Record<ServerRole, string> = {
  adfs: 'AD FS',
  wap: 'WAP (Web Application Proxy)',
  sync: 'Sync / integration',
  other: 'Other',
};

export const vpnTypes = [
  'cisco_anyconnect',
  'checkpoint',
  'windows_ipsec',
  'windows_pptp',
  'teamviewer',
  'none',
  'other',
] as const;
export type VpnType = (typeof vpnTypes)[number];
export const vpnTypeLabels: Record<VpnType, string> = {
  cisco_anyconnect: 'Cisco AnyConnect',
  checkpoint: 'Check Point',
  windows_ipsec: 'Windows built-in VPN (IPsec)',
  windows_pptp: 'Windows built-in VPN (PPTP)',
  teamviewer: 'TeamViewer host',
  none: 'Direct (no VPN)',
  other: 'Other',
};
/** VPN types that connect to a gateway the technician must know. */
export const gatewayVpnTypes: readonly VpnType[] = [
  'cisco_anyconnect',
  'checkpoint',
  'windows_ipsec',
  'windows_pptp',
];
/** VPN types the terms accept only with split tunnel (DOMAIN: "Remote access"). */
export const splitTunnelVpnTypes: readonly VpnType[] = ['cisco_anyconnect', 'checkpoint'];

/** Whether a VPN is split tunnel; `unknown` until someone has checked. */
export const splitTunnelAnswers = ['yes', 'no', 'unknown'] as const;
export type SplitTunnel = (typeof splitTunnelAnswers)[number];
export const splitTunnelLabels: Record<SplitTunnel, string> = {
  yes: 'Split tunnel',
  no: 'Full tunnel',
  unknown: 'Not known',
};

/** The certificates whose expiry takes AD FS and WAP down (common/environments/certificates.ts). */
export const certificateKinds = ['ssl', 'token_signing', 'token_decrypting', 'wap_proxy_trust'] as const;
export type CertificateKind = (typeof certificateKinds)[number];
export const certificateKindLabels: Record<CertificateKind, string> = {
  ssl: 'SSL (service communications)',
  token_signing: 'Token-signing',
  token_decrypting: 'Token-decrypting',
  wap_proxy_trust: 'WAP proxy trust',
};

export const remoteAccessMethods = ['ssh', 'powershell_remoting', 'rdp', 'teamviewer', 'other'] as const;
export type RemoteAccessMethod = (typeof remoteAccessMethods)[number];
export const remoteAccessMethodLabels: Record<RemoteAccessMethod, string> = {
  ssh: 'SSH',
  powershell_remoting: 'PowerShell remoting',
  rdp: 'RDP',
  teamviewer: 'TeamViewer',
  other: 'Other',
};

export const userRoles = ['technician', 'support_lead', 'finance'] as const;
export type UserRole = (typeof userRoles)[number];
export const userRoleLabels: Record<UserRole, string> = {
  technician: 'Technician',
  support_lead: 'Support lead',
  finance: 'Finance',
};
