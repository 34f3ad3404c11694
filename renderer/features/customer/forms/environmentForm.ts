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
  };
}
