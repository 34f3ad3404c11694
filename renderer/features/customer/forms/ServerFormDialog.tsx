import { useCallback } from 'react';
import type { EnvironmentView, ServerInput, ServerView } from '../../../../common/registry/model.ts';
import { serverRoleLabels, serverRoles } from '../../../../common/registry/vocabulary.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/form/fields.tsx';
import { useForm } from '../../../components/form/useForm.ts';
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
      title={server ? `Edit server ${server.host}` : `Add server to ${environment.name}`}
      submitLabel={server ? 'Save server' : 'Add server'}
      form={form}
      onClose={onClose}
    >
      <div className="form__row form__row--port">
        <TextField
          binding={form.field('host')}
          label="Host"
          autoFocus
          className="mono"
          spellCheck={false}
          hint="Host name or IP address, e.g. wap01.kommun.se"
        />
        <TextField
          binding={form.field('port')}
          label="Port"
          optional
          inputMode="numeric"
          className="mono"
          hint="Default 22"
        />
      </div>
      <div className="form__row">
        <SelectField
          binding={form.field('role')}
          label="Role"
          options={serverRoles}
          labels={serverRoleLabels}
        />
        <TextField
          binding={form.field('os')}
          label="Operating system"
          optional
          hint="E.g. Windows Server 2022"
        />
      </div>
      <ServerShellField binding={form.field('shell')} />
      <TextAreaField binding={form.field('notes')} label="Notes" optional rows={2} />
    </FormDialog>
  );
}
