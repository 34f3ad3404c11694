import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnvironmentView, ServerInput, ServerView } from '../../../../common/registry/model.ts';
import { serverRoles } from '../../../../common/registry/vocabulary.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/form/fields.tsx';
import { useForm } from '../../../components/form/useForm.ts';
import { vocabularyLabels } from '../../../i18n/vocabularyLabels.ts';
import { useRegistryStore } from '../../../store/StoreProvider.tsx';
import { serverFormSpec, serverFormValues } from './serverForm.ts';
import { ServerShellField } from '../../remoteAccess/ServerShell.tsx';

export function ServerFormDialog({
  environment,
  server,
  onClose,
}: {
  environment: EnvironmentView;
  server?: ServerView;
  onClose(): void;
}) {
  const { t } = useTranslation('customer');
  const saveServer = useRegistryStore((s) => s.saveServer);
  const onSubmit = useCallback(
    async (input: unknown, _values: unknown, rowVersion: number | undefined) => {
      await saveServer({
        environmentId: environment.id,
        ...(server ? { id: server.id, rowVersion } : {}),
        server: input as ServerInput,
      });
      onClose();
    },
    [environment.id, onClose, saveServer, server],
  );
  const form = useForm(serverFormSpec, serverFormValues(server), onSubmit, server?.rowVersion);

  return (
    <FormDialog
      title={
        server
          ? t('serverForm.editTitle', { host: server.host })
          : t('serverForm.addTitle', { environment: environment.name })
      }
      submitLabel={server ? t('serverForm.save') : t('serverForm.add')}
      form={form}
      onClose={onClose}
    >
      <div className="form__row form__row--port">
        <TextField
          binding={form.field('host')}
          label={t('serverForm.host')}
          autoFocus
          className="mono"
          spellCheck={false}
          hint={t('serverForm.hostHint')}
        />
        <TextField
          binding={form.field('port')}
          label={t('serverForm.port')}
          optional
          inputMode="numeric"
          className="mono"
          hint={t('serverForm.portHint')}
        />
      </div>
      <div className="form__row">
        <SelectField
          binding={form.field('role')}
          label={t('serverForm.role')}
          options={serverRoles}
          labels={vocabularyLabels('serverRole')}
        />
        <TextField
          binding={form.field('os')}
          label={t('serverForm.os')}
          optional
          hint={t('serverForm.osHint')}
        />
      </div>
      <ServerShellField binding={form.field('shell')} />
      <TextField
        binding={form.field('rdpPort')}
        label={t('serverForm.rdpPort')}
        optional
        inputMode="numeric"
        className="mono"
        hint={t('serverForm.rdpPortHint')}
      />
      <TextAreaField binding={form.field('notes')} label={t('serverForm.notes')} optional rows={2} />
    </FormDialog>
  );
}
