import {
  environmentInputSchema,
  secretSchema,
  type EnvironmentInput,
  type EnvironmentView,
} from '../../../../common/registry/model.ts';
import type { FieldIssue } from '../../../../common/api/errors.ts';
import { parseTotpSeed, totpSeedSchema } from '../../../../common/registry/oneTimeCodes.ts';
import type { FormSpec } from '../../../components/form/formSpec.ts';
import { listFromText, listInWords } from '../../../components/form/formSpec.ts';
import { t } from '../../../i18n/i18n.ts';
import { toolTemplatesFromText, toolTemplatesToText } from '../../remoteAccess/toolTemplatesText.ts';

export type EnvironmentFormValues = {
  name: string;
  notes: string;
  'access.vpnType': string;
  'access.vpnGateway': string;
  'access.teamViewerId': string;
  'access.method': string;
  'access.supportedTools': string;
  /** One line per tool: "TeamViewer: teamviewer -i {teamviewerId}" (remoteAccess/toolTemplatesText.ts). */
  'access.toolTemplates': string;
  'access.notes': string;
  'access.preConnectCommand': string;
  'access.vpnClient': string;
  'access.disconnectCommand': string;
  'access.splitTunnel': string;
  'access.accessTool': string;
  'access.specialConfigurationNeeded': boolean;
  'access.specialConfiguration': string;
  /** Write-only: empty keeps what is stored (or none yet); the stored secret is never sent to the page. */
  preConnectSecret: string;
  clearPreConnectSecret: boolean;
  /** The VPN's TOTP seed, write-only as the secret: empty keeps what is stored; "clear" removes it. */
  vpnTotpSeed: string;
  clearVpnTotpSeed: boolean;
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
    'access.toolTemplates',
    'access.notes',
    'access.preConnectCommand',
    'access.vpnClient',
    'access.disconnectCommand',
    'access.splitTunnel',
    'access.accessTool',
    'access.specialConfigurationNeeded',
    'access.specialConfiguration',
    'preConnectSecret',
    'clearPreConnectSecret',
    'vpnTotpSeed',
    'clearVpnTotpSeed',
    'notes',
  ],
  schema: environmentInputSchema.unwrap().extend({
    preConnectSecret: secretSchema.nullable().optional(),
    vpnTotpSeed: totpSeedSchema.nullable().optional(),
  }),
  toInput: (v) => ({
    name: v.name,
    notes: v.notes,
    access: {
      vpnType: v['access.vpnType'],
      vpnGateway: v['access.vpnGateway'],
      teamViewerId: v['access.teamViewerId'],
      method: v['access.method'],
      supportedTools: listFromText(v['access.supportedTools']),
      toolTemplates: toolTemplatesFromText(v['access.toolTemplates']),
      notes: v['access.notes'],
      preConnectCommand: v['access.preConnectCommand'],
      vpnClient: v['access.vpnClient'],
      disconnectCommand: v['access.disconnectCommand'],
      splitTunnel: v['access.splitTunnel'],
      accessTool: v['access.accessTool'],
      specialConfigurationNeeded: v['access.specialConfigurationNeeded'],
      // Unticking "needs special configuration" drops its description, as a form that hides a field should.
      specialConfiguration: v['access.specialConfigurationNeeded'] ? v['access.specialConfiguration'] : '',
    },
    // Ticking "clear" wins over a typed secret; an empty field never means "store an empty secret".
    ...(v.clearPreConnectSecret
      ? { preConnectSecret: null }
      : v.preConnectSecret === ''
        ? {}
        : { preConnectSecret: v.preConnectSecret }),
    ...(v.clearVpnTotpSeed
      ? { vpnTotpSeed: null }
      : v.vpnTotpSeed.trim() === ''
        ? {}
        : { vpnTotpSeed: v.vpnTotpSeed }),
  }),
  // The seed's problem in the app's words, as the support account form says it.
  check: (v) => {
    const seed = v.clearVpnTotpSeed || v.vpnTotpSeed.trim() === '' ? null : parseTotpSeed(v.vpnTotpSeed);
    return typeof seed === 'string'
      ? [
          {
            path: 'vpnTotpSeed',
            message: t(`remoteAccess:oneTimeCode.seedProblem.${seed}`),
          } satisfies FieldIssue,
        ]
      : [];
  },
  stored: {
    values: (current) => environmentFormValues(current as EnvironmentView),
    // A getter: the panel reads the labels when it shows, in the language chosen then.
    get labels() {
      return {
        name: t('customer:environmentForm.name'),
        'access.vpnType': t('customer:environmentForm.vpnType'),
        'access.vpnGateway': t('customer:environmentForm.gateway'),
        'access.teamViewerId': t('customer:environmentForm.teamViewerId'),
        'access.method': t('customer:environmentForm.method'),
        'access.supportedTools': t('customer:environmentForm.supportedTools'),
        'access.toolTemplates': t('remoteAccess:tool.templates'),
        'access.notes': t('customer:environmentForm.accessNotes'),
        'access.preConnectCommand': t('customer:environmentForm.preConnect'),
        'access.splitTunnel': t('customer:environmentForm.splitTunnel'),
        'access.accessTool': t('customer:environmentForm.accessTool'),
        'access.specialConfigurationNeeded': t('customer:environmentForm.special'),
        'access.specialConfiguration': t('customer:environmentForm.specialWhat'),
        clearPreConnectSecret: t('customer:environmentForm.clearPreConnectSecret'),
        clearVpnTotpSeed: t('customer:environmentForm.clearVpnTotpSeed'),
        notes: t('customer:environmentForm.notes'),
      };
    },
    show: {
      'access.vpnType': (value) => t(`vocabulary:vpnType.${String(value)}` as never),
      'access.method': (value) => t(`vocabulary:remoteAccessMethod.${String(value)}` as never),
      'access.splitTunnel': (value) => t(`vocabulary:splitTunnel.${String(value)}` as never),
      'access.supportedTools': (value) => listInWords(listFromText(String(value))),
    },
    // The view only says whether a secret is stored; a typed one is saved without asking.
    secrets: ['preConnectSecret', 'vpnTotpSeed'],
  },
};

/** Splits the form's input into the API's environment, its pre-connect secret and VPN seed (both only inward). */
export function environmentCall(input: unknown): {
  environment: EnvironmentInput;
  preConnectSecret?: string | null;
  vpnTotpSeed?: string | null;
} {
  const { preConnectSecret, vpnTotpSeed, ...environment } = input as EnvironmentInput & {
    preConnectSecret?: string | null;
    vpnTotpSeed?: string | null;
  };
  return {
    environment,
    ...(preConnectSecret === undefined ? {} : { preConnectSecret }),
    ...(vpnTotpSeed === undefined ? {} : { vpnTotpSeed }),
  };
}

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
    'access.toolTemplates': toolTemplatesToText(access?.toolTemplates ?? []),
    'access.notes': access?.notes ?? '',
    'access.preConnectCommand': access?.preConnectCommand ?? '',
    'access.vpnClient': access?.vpnClient ?? 'none',
    'access.disconnectCommand': access?.disconnectCommand ?? '',
    'access.splitTunnel': access?.splitTunnel ?? 'unknown',
    'access.accessTool': access?.accessTool ?? '',
    'access.specialConfigurationNeeded': access?.specialConfigurationNeeded ?? false,
    'access.specialConfiguration': access?.specialConfiguration ?? '',
    preConnectSecret: '',
    clearPreConnectSecret: false,
    vpnTotpSeed: '',
    clearVpnTotpSeed: false,
  };
}
