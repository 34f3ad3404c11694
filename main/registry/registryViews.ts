import type { VpnClient } from '../../common/sessions/vpn.ts';
import { accessStandardness, type AccessFacts } from '../../common/registry/access.ts';
import type {
  ContactView,
  ServerShell,
  ToolTemplate,
  EnvironmentView,
  ServerView,
  SupportAccountView,
} from '../../common/registry/model.ts';
import type {
  RemoteAccessMethod,
  ServerRole,
  SplitTunnel,
  VpnType,
} from '../../common/registry/vocabulary.ts';
import type { Selectable } from 'kysely';
import type {
  ContactsTable,
  EnvironmentsTable,
  ServersTable,
  SupportAccountsTable,
} from '../store/schema.ts';

/* Row-to-view mappers: the only place that knows both the table shapes and the API's views. */

export function contactView(row: Selectable<ContactsTable>): ContactView {
  return {
    id: row.id,
    customerId: row.customer_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role,
    adminTrainingDone: row.admin_training_done === 1,
    toolTrainingDone: row.tool_training_done === 1,
    adminAccount: row.admin_account,
    isPrimary: row.is_primary === 1,
    rowVersion: row.row_version,
  };
}

export function serverView(row: Selectable<ServersTable>): ServerView {
  return {
    id: row.id,
    environmentId: row.environment_id,
    host: row.host,
    port: row.port,
    role: row.role as ServerRole,
    os: row.os,
    notes: row.notes,
    shell: row.shell as ServerShell,
    rdpPort: row.rdp_port,
    rowVersion: row.row_version,
  };
}

/** The secret column is deliberately not part of the input type: a view cannot be built from it. */
export function supportAccountView(
  row: Omit<Selectable<SupportAccountsTable>, 'secret' | 'totp_seed'>,
): SupportAccountView {
  return {
    id: row.id,
    environmentId: row.environment_id,
    username: row.username,
    notes: row.notes,
    hasSecret: row.has_secret === 1,
    secretUpdatedAt: row.secret_updated_at,
    hasTotpSeed: row.has_totp_seed === 1,
    rowVersion: row.row_version,
  };
}

export function environmentView(
  row: Omit<Selectable<EnvironmentsTable>, 'pre_connect_secret' | 'vpn_totp_seed'>,
  servers: ServerView[],
  supportAccounts: SupportAccountView[],
): Omit<EnvironmentView, 'certificates' | 'notices'> {
  const facts = accessFacts(row);
  const standardness = accessStandardness(facts);
  return {
    id: row.id,
    customerId: row.customer_id,
    name: row.name,
    notes: row.notes,
    access: {
      vpnType: facts.vpnType,
      vpnGateway: row.vpn_gateway,
      teamViewerId: row.teamviewer_id,
      method: facts.method,
      supportedTools: JSON.parse(row.supported_tools) as string[],
      toolTemplates: JSON.parse(row.tool_templates) as ToolTemplate[],
      notes: row.access_notes,
      preConnectCommand: row.pre_connect_command,
      hasPreConnectSecret: row.has_pre_connect_secret === 1,
      hasVpnTotpSeed: row.has_vpn_totp_seed === 1,
      vpnClient: row.vpn_client as VpnClient,
      disconnectCommand: row.disconnect_command,
      splitTunnel: facts.splitTunnel,
      accessTool: facts.accessTool,
      specialConfigurationNeeded: facts.specialConfigurationNeeded,
      specialConfiguration: facts.specialConfiguration,
      standard: standardness.standard,
      nonStandardReasons: standardness.reasons,
    },
    servers,
    supportAccounts,
    rowVersion: row.row_version,
  };
}

/** The columns the access rule reads, for a view or a customer summary. */
export function accessFacts(
  row: Pick<
    EnvironmentsTable,
    | 'vpn_type'
    | 'access_method'
    | 'split_tunnel'
    | 'access_tool'
    | 'special_configuration_needed'
    | 'special_configuration'
  >,
): AccessFacts {
  return {
    vpnType: row.vpn_type as VpnType,
    method: row.access_method as RemoteAccessMethod,
    splitTunnel: row.split_tunnel as SplitTunnel,
    accessTool: row.access_tool,
    specialConfigurationNeeded: row.special_configuration_needed === 1,
    specialConfiguration: row.special_configuration,
  };
}
