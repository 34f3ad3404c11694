import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { accessStandardness } from '../../../../common/registry/access.ts';
import type { EnvironmentView } from '../../../../common/registry/model.ts';
import {
  gatewayVpnTypes,
  remoteAccessMethods,
  splitTunnelAnswers,
  vpnTypes,
  type RemoteAccessMethod,
  type SplitTunnel,
  type VpnType,
} from '../../../../common/registry/vocabulary.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/form/fields.tsx';
import { useForm } from '../../../components/form/useForm.ts';
import { vocabularyLabels } from '../../../i18n/vocabularyLabels.ts';
import { useRegistryStore } from '../../../store/StoreProvider.tsx';
import { accessFindingText } from '../../../components/accessFindingText.ts';
import { environmentCall, environmentFormSpec, environmentFormValues } from './environmentForm.ts';
import type { FieldBinding } from '../../../components/form/useForm.ts';
import { ToolTemplatesField } from '../../remoteAccess/ToolTemplatesField.tsx';
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
  const { t } = useTranslation('customer');
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
  const hasVpnTotpSeed = environment?.access.hasVpnTotpSeed ?? false;
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
      title={
        environment
          ? t('environmentForm.editTitle', { name: environment.name })
          : t('environmentForm.addTitle')
      }
      submitLabel={environment ? t('environmentForm.save') : t('environmentForm.add')}
      form={form}
      onClose={onClose}
      size="wide"
    >
      <TextField
        binding={form.field('name')}
        label={t('environmentForm.name')}
        autoFocus
        hint={t('environmentForm.nameHint')}
      />
      <h3 className="form__section-title">{t('environmentForm.access')}</h3>
      <div className="form__row">
        <SelectField
          binding={form.field('access.vpnType')}
          label={t('environmentForm.vpnType')}
          options={vpnTypes}
          labels={vocabularyLabels('vpnType')}
        />
        <SelectField
          binding={form.field('access.method')}
          label={t('environmentForm.method')}
          options={remoteAccessMethods}
          labels={vocabularyLabels('remoteAccessMethod')}
        />
      </div>
      {(needsGateway || needsTeamViewer) && (
        <div className="form__row">
          {needsGateway && (
            <TextField
              binding={form.field('access.vpnGateway')}
              label={t('environmentForm.gateway')}
              className="mono"
              spellCheck={false}
              hint={t('environmentForm.gatewayHint')}
            />
          )}
          {needsTeamViewer && (
            <TextField
              binding={form.field('access.teamViewerId')}
              label={t('environmentForm.teamViewerId')}
              inputMode="numeric"
              className="mono"
              hint={t('environmentForm.teamViewerIdHint')}
            />
          )}
        </div>
      )}
      <div className="form__row">
        {needsGateway && (
          <SelectField
            binding={form.field('access.splitTunnel')}
            label={t('environmentForm.splitTunnel')}
            options={splitTunnelAnswers}
            labels={vocabularyLabels('splitTunnel')}
          />
        )}
        <TextField
          binding={form.field('access.accessTool')}
          label={t('environmentForm.accessTool')}
          optional
          hint={t('environmentForm.accessToolHint')}
        />
      </div>
      <CheckboxField
        binding={form.field('access.specialConfigurationNeeded')}
        label={t('environmentForm.special')}
      />
      {specialConfigurationNeeded && (
        <TextAreaField
          binding={form.field('access.specialConfiguration')}
          label={t('environmentForm.specialWhat')}
          rows={2}
          hint={t('environmentForm.specialHint')}
        />
      )}
      {!standardness.standard && (
        <div className="callout" role="status">
          <strong>{t('access.nonStandard')}</strong>
          <ul>
            {standardness.findings.map((finding) => (
              <li key={finding.code}>{accessFindingText(finding)}</li>
            ))}
          </ul>
        </div>
      )}
      <TextField
        binding={form.field('access.supportedTools')}
        label={t('environmentForm.supportedTools')}
        optional
        hint={t('environmentForm.supportedToolsHint')}
      />
      <ToolTemplatesField binding={form.field('access.toolTemplates') as FieldBinding<string>} />
      <TextField
        binding={form.field('access.preConnectCommand')}
        label={t('environmentForm.preConnect')}
        optional
        hint={t('environmentForm.preConnectHint')}
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
        label={
          hasPreConnectSecret
            ? t('environmentForm.newPreConnectSecret')
            : t('environmentForm.preConnectSecret')
        }
        optional
        type="password"
        autoComplete="new-password"
        hint={
          hasPreConnectSecret
            ? t('environmentForm.keepPreConnectSecretHint')
            : t('environmentForm.preConnectSecretHint')
        }
      />
      {hasPreConnectSecret && (
        <CheckboxField
          binding={form.field('clearPreConnectSecret')}
          label={t('environmentForm.clearPreConnectSecret')}
        />
      )}
      <TextField
        binding={form.field('vpnTotpSeed')}
        label={hasVpnTotpSeed ? t('environmentForm.newVpnTotpSeed') : t('environmentForm.vpnTotpSeed')}
        optional
        type="password"
        autoComplete="off"
        spellCheck={false}
        hint={
          hasVpnTotpSeed ? t('environmentForm.keepVpnTotpSeedHint') : t('environmentForm.vpnTotpSeedHint')
        }
      />
      {hasVpnTotpSeed && (
        <CheckboxField
          binding={form.field('clearVpnTotpSeed')}
          label={t('environmentForm.clearVpnTotpSeed')}
        />
      )}
      <TextAreaField
        binding={form.field('access.notes')}
        label={t('environmentForm.accessNotes')}
        optional
        rows={2}
      />
      <TextAreaField binding={form.field('notes')} label={t('environmentForm.notes')} optional rows={2} />
    </FormDialog>
  );
}
