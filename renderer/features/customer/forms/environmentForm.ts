import { environmentInputSchema, type EnvironmentView } from '../../../../common/registry/model.ts';
import type { FormSpec } from '../../../components/form/formSpec.ts';
import { listFromText } from '../../../components/form/formSpec.ts';

export type EnvironmentFormValues = {
  name: string;
  notes: string;
  'access.vpnType': string;
  'access.vpnGateway': string;
  'access.teamViewerId': string;
  'access.method': string;
  'access.supportedTools': string;
  'access.notes': string;
  'access.preConnectCommand': string;
  'access.splitTunnel': string;
  'access.accessTool': string;
  'access.specialConfigurationNeeded': boolean;
  'access.specialConfiguration': string;
};

/** Field names are the schema's paths, so an issue at `access.vpnGateway` lands on the gateway field. */
export const environmentFormSpec: FormSpec<EnvironmentFormValues> = {
  fields: [
    'name',
    'access.vpnType',
    'access.vpnGateway',
    'access.teamViewerId',
    'access.method',
    'access.supportedTools',
    'access.notes',
    'access.preConnectCommand',
    'access.splitTunnel',
    'access.accessTool',
    'access.specialConfigurationNeeded',
    'access.specialConfiguration',
    'notes',
  ],
  schema: environmentInputSchema,
  toInput: (v) => ({
    name: v.name,
    notes: v.notes,
    access: {
      vpnType: v['access.vpnType'],
      vpnGateway: v['access.vpnGateway'],
      teamViewerId: v['access.teamViewerId'],
      method: v['access.method'],
      supportedTools: listFromText(v['access.supportedTools']),
      notes: v['access.notes'],
      preConnectCommand: v['access.preConnectCommand'],
      splitTunnel: v['access.splitTunnel'],
      accessTool: v['access.accessTool'],
      specialConfigurationNeeded: v['access.specialConfigurationNeeded'],
      // Unticking "needs special configuration" drops its description, as a form that hides a field should.
      specialConfiguration: v['access.specialConfigurationNeeded'] ? v['access.specialConfiguration'] : '',
    },
  }),
};

export function environmentFormValues(environment?: EnvironmentView): EnvironmentFormValues {
  const access = environment?.access;
  return {
    name: environment?.name ?? '',
    notes: environment?.notes ?? '',
    'access.vpnType': access?.vpnType ?? 'cisco_anyconnect',
    'access.vpnGateway': access?.vpnGateway ?? '',
    'access.teamViewerId': access?.teamViewerId ?? '',
    'access.method': access?.method ?? 'ssh',
    'access.supportedTools': access?.supportedTools.join(', ') ?? '',
    'access.notes': access?.notes ?? '',
    'access.preConnectCommand': access?.preConnectCommand ?? '',
    'access.splitTunnel': access?.splitTunnel ?? 'unknown',
    'access.accessTool': access?.accessTool ?? '',
    'access.specialConfigurationNeeded': access?.specialConfigurationNeeded ?? false,
    'access.specialConfiguration': access?.specialConfiguration ?? '',
  };
}
