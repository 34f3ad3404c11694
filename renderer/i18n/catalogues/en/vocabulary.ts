import type { BillableWorkType, ServiceKind } from '../../../../common/agreements/model.ts';
import type { BillingLineKind, ChargeClassification } from '../../../../common/billing/model.ts';
import type {
  CertificateKind,
  CustomerKind,
  RemoteAccessMethod,
  ServerRole,
  SplitTunnel,
  UserRole,
  VpnType,
} from '../../../../common/registry/vocabulary.ts';
import type { SlaState } from '../../../../common/tickets/slaState.ts';

/** Every stored value has a label: a value added in common/ without one here is a type error. */
interface Vocabularies {
  customerKind: Record<CustomerKind, string>;
  serverRole: Record<ServerRole, string>;
  vpnType: Record<VpnType, string>;
  splitTunnel: Record<SplitTunnel, string>;
  certificateKind: Record<CertificateKind, string>;
  remoteAccessMethod: Record<RemoteAccessMethod, string>;
  userRole: Record<UserRole, string>;
  serviceKind: Record<ServiceKind, string>;
  billableWorkType: Record<BillableWorkType, string>;
  charge: Record<ChargeClassification, string>;
  billingLineKind: Record<BillingLineKind, string>;
  slaState: Record<SlaState, string>;
}

/**
 * The labels of the closed vocabularies in common/ (customer kinds, server roles, VPN types…), by their stored value.
 * The CLI keeps common/'s English labels; the console shows these. `t(`vocabulary:serverRole.${role}`)`.
 */
export const vocabulary = {
  customerKind: {
    municipality: 'Municipality (kommun)',
    school_chain: 'School chain (friskolekedja)',
    school: 'School (a single school)',
    other: 'Other',
  },
  serverRole: {
    adfs: 'AD FS',
    wap: 'WAP (Web Application Proxy)',
    sync: 'Sync / integration',
    other: 'Other',
  },
  vpnType: {
    cisco_anyconnect: 'Cisco AnyConnect',
    checkpoint: 'Check Point',
    windows_ipsec: 'Windows built-in VPN (IPsec)',
    windows_pptp: 'Windows built-in VPN (PPTP)',
    teamviewer: 'TeamViewer host',
    none: 'Direct (no VPN)',
    other: 'Other',
  },
  splitTunnel: {
    yes: 'Split tunnel',
    no: 'Full tunnel',
    unknown: 'Not known',
  },
  certificateKind: {
    ssl: 'SSL (service communications)',
    token_signing: 'Token-signing',
    token_decrypting: 'Token-decrypting',
    wap_proxy_trust: 'WAP proxy trust',
  },
  remoteAccessMethod: {
    ssh: 'SSH',
    powershell_remoting: 'PowerShell remoting',
    rdp: 'RDP',
    teamviewer: 'TeamViewer',
    other: 'Other',
  },
  userRole: {
    technician: 'Technician',
    support_lead: 'Support lead',
    finance: 'Finance',
  },
  serviceKind: {
    integration: 'Integration',
    sync: 'Sync',
    sso: 'SSO installation (AD FS / WAP)',
  },
  billableWorkType: {
    configuration_change: 'Configuration change',
    customer_environment_change: "Change in the customer's environment",
    non_standard_access: 'Non-standard access method (8.6)',
    project: 'Project work',
  },
  charge: {
    included: 'Included in the support fee',
    billable: 'Billable',
    no_charge: 'No charge',
  },
  billingLineKind: {
    time: 'Time',
    adjustment: 'Adjustment',
    fee: 'Acute escalation fee',
  },
  slaState: {
    on_track: 'On track',
    due_soon: 'Due soon',
    breached: 'Breached',
    met: 'Met',
    no_promise: 'No response time: no agreement in force',
  },
} as const satisfies Vocabularies;
