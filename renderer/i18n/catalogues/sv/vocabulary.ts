import type { vocabulary as en } from '../en/vocabulary.ts';
import type { Translation } from '../translation.ts';

export const vocabulary: Translation<typeof en> = {
  customerKind: {
    municipality: 'Kommun',
    school_chain: 'Friskolekedja',
    school: 'Skola (en enskild skola)',
    other: 'Annan',
  },
  serverRole: {
    adfs: 'AD FS',
    wap: 'WAP (Web Application Proxy)',
    sync: 'Synk / integration',
    other: 'Annan',
  },
  vpnType: {
    cisco_anyconnect: 'Cisco AnyConnect',
    checkpoint: 'Check Point',
    windows_ipsec: 'Windows inbyggda VPN (IPsec)',
    windows_pptp: 'Windows inbyggda VPN (PPTP)',
    teamviewer: 'TeamViewer-värd',
    none: 'Direkt (ingen VPN)',
    other: 'Annan',
  },
  splitTunnel: {
    yes: 'Delad tunnel (split tunnel)',
    no: 'Full tunnel',
    unknown: 'Okänt',
  },
  certificateKind: {
    ssl: 'SSL (tjänstekommunikation)',
    token_signing: 'Tokensignering',
    token_decrypting: 'Tokendekryptering',
    wap_proxy_trust: 'WAP-proxyförtroende',
  },
  remoteAccessMethod: {
    ssh: 'SSH',
    powershell_remoting: 'PowerShell-fjärrstyrning',
    rdp: 'RDP',
    teamviewer: 'TeamViewer',
    other: 'Annan',
  },
  userRole: {
    technician: 'Tekniker',
    support_lead: 'Supportansvarig',
    finance: 'Ekonomi',
  },
  serviceKind: {
    integration: 'Integration',
    sync: 'Synk',
    sso: 'SSO-installation (AD FS / WAP)',
  },
  billableWorkType: {
    configuration_change: 'Konfigurationsändring',
    customer_environment_change: 'Ändring i kundens miljö',
    non_standard_access: 'Åtkomstsätt utanför standard (8.6)',
    project: 'Projektarbete',
  },
  charge: {
    included: 'Ingår i supportavgiften',
    billable: 'Debiterbar',
    no_charge: 'Ingen debitering',
  },
  billingLineKind: {
    time: 'Tid',
    adjustment: 'Justering',
    fee: 'Avgift för akut eskalering',
  },
  slaState: {
    on_track: 'I tid',
    due_soon: 'Snart förfallen',
    breached: 'Överskriden',
    met: 'Uppfylld',
    no_promise: 'Ingen svarstid: inget avtal gäller',
  },
};
