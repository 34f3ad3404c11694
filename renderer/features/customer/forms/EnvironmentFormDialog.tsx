import { useCallback } from 'react';
import { accessStandardness } from '../../../../common/registry/access.ts';
import type { EnvironmentView } from '../../../../common/registry/model.ts';
import {
  gatewayVpnTypes,
  remoteAccessMethodLabels,
  remoteAccessMethods,
  splitTunnelAnswers,
  splitTunnelLabels,
  vpnTypeLabels,
  vpnTypes,
  type RemoteAccessMethod,
  type SplitTunnel,
  type VpnType,
} from '../../../../common/registry/vocabulary.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/form/fields.tsx';
import { useForm } from '../../../components/form/useForm.ts';
import { useRegistryStore } from '../../../store/StoreProvider.tsx';
import { environmentCall, environmentFormSpec, environmentFormValues } from './environmentForm.ts';
import type { FieldBinding } from '../../../components/form/useForm.ts';
import { VpnProfileFields } from '../../sessions/VpnProfileFields.tsx';

export function EnvironmentFormDialog({
  customerId,
  environment,
  onClose,
}: {
  customerId: string;
  environment?: EnvironmentView;
  onClose(): void;
}) {
  const saveEnvironment = useRegistryStore((s) => s.saveEnvironment);
  const onSubmit = useCallback(
    async (input: unknown, _values: unknown, rowVersion: number | undefined) => {
      await saveEnvironment({
        customerId,
        ...(environment ? { id: environment.id, rowVersion } : {}),
        ...environmentCall(input),
      });
      onClose();
    },
    [customerId, environment, onClose, saveEnvironment],
  );
  const form = useForm(
    environmentFormSpec,
    environmentFormValues(environment),
    onSubmit,
    environment?.rowVersion,
  );
  const vpnType = form.values['access.vpnType'] as VpnType;
  const method = form.values['access.method'] as RemoteAccessMethod;
  const needsGateway = gatewayVpnTypes.includes(vpnType);
  const needsTeamViewer = vpnType === 'teamviewer' || method === 'teamviewer';
  const specialConfigurationNeeded = form.values['access.specialConfigurationNeeded'] as boolean;
  const hasPreConnectSecret = environment?.access.hasPreConnectSecret ?? false;
  const standardness = accessStandardness({
    vpnType,
    method,
    splitTunnel: form.values['access.splitTunnel'] as SplitTunnel,
    accessTool: form.values['access.accessTool'] as string,
    specialConfigurationNeeded,
    specialConfiguration: form.values['access.specialConfiguration'] as string,
  });

  return (
    <FormDialog
      title={environment ? `Edit environment ${environment.name}` : 'Add environment'}
      submitLabel={environment ? 'Save environment' : 'Add environment'}
      form={form}
      onClose={onClose}
      size="wide"
    >
      <TextField
        binding={form.field('name')}
        label="Environment name"
        autoFocus
        hint="E.g. Produktion, Test, Skolmiljö"
      />
      <h3 className="form__section-title">Access</h3>
      <div className="form__row">
        <SelectField
          binding={form.field('access.vpnType')}
          label="VPN type"
          options={vpnTypes}
          labels={vpnTypeLabels}
        />
        <SelectField
          binding={form.field('access.method')}
          label="Remote-access method"
          options={remoteAccessMethods}
          labels={remoteAccessMethodLabels}
        />
      </div>
      {(needsGateway || needsTeamViewer) && (
        <div className="form__row">
          {needsGateway && (
            <TextField
              binding={form.field('access.vpnGateway')}
              label="VPN gateway"
              className="mono"
              spellCheck={false}
              hint="Host name or address the VPN client connects to"
            />
          )}
          {needsTeamViewer && (
            <TextField
              binding={form.field('access.teamViewerId')}
              label="TeamViewer id"
              inputMode="numeric"
              className="mono"
              hint="9 or 10 digits"
            />
          )}
        </div>
      )}
      <div className="form__row">
        {needsGateway && (
          <SelectField
            binding={form.field('access.splitTunnel')}
            label="Split tunnel"
            options={splitTunnelAnswers}
            labels={splitTunnelLabels}
          />
        )}
        <TextField
          binding={form.field('access.accessTool')}
          label="Access tool"
          optional
          hint="The client's name and version, e.g. Cisco Secure Client 5.1, FortiClient 7.2"
        />
      </div>
      <CheckboxField
        binding={form.field('access.specialConfigurationNeeded')}
        label="The client needs special configuration on our machines"
      />
      {specialConfigurationNeeded && (
        <TextAreaField
          binding={form.field('access.specialConfiguration')}
          label="What must be configured"
          rows={2}
          hint="E.g. a certificate in the machine store, a fixed DNS server"
        />
      )}
      {!standardness.standard && (
        <div className="callout" role="status">
          <strong>Non-standard access: billable under section 8.6.</strong>
          <ul>
            {standardness.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      <TextField
        binding={form.field('access.supportedTools')}
        label="Supported tools"
        optional
        hint="Separate with commas: PowerShell, RDP, Enter-PSSession"
      />
      <TextField
        binding={form.field('access.preConnectCommand')}
        label="Pre-connect command"
        optional
        hint="Runs in the session's terminal before SSH, e.g. /opt/cisco/anyconnect/bin/vpn connect vpn.kommun.se"
      />
      <VpnProfileFields
        vpnType={vpnType}
        gateway={form.values['access.vpnGateway'] as string}
        client={form.field('access.vpnClient') as FieldBinding<string>}
        connect={form.field('access.preConnectCommand') as FieldBinding<string>}
        disconnect={form.field('access.disconnectCommand') as FieldBinding<string>}
      />
      <TextField
        binding={form.field('preConnectSecret')}
        label={hasPreConnectSecret ? 'New pre-connect secret' : 'Pre-connect secret'}
        optional
        type="password"
        autoComplete="new-password"
        hint={
          hasPreConnectSecret
            ? 'A secret is stored. Leave empty to keep it; type a new one to replace it.'
            : 'E.g. the VPN password. The command reads it from $LOTSEN_PRE_CONNECT_SECRET; stored encrypted, never shown again.'
        }
      />
      {hasPreConnectSecret && (
        <CheckboxField
          binding={form.field('clearPreConnectSecret')}
          label="Clear the stored pre-connect secret"
        />
      )}
      <TextAreaField binding={form.field('access.notes')} label="Access notes" optional rows={2} />
      <TextAreaField binding={form.field('notes')} label="Environment notes" optional rows={2} />
    </FormDialog>
  );
}
