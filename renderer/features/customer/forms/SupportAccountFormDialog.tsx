import { useCallback } from 'react';
import type { EnvironmentView, SupportAccountView } from '../../../../common/registry/model.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { TextAreaField, TextField } from '../../../components/form/fields.tsx';
import { useForm } from '../../../components/form/useForm.ts';
import { useRegistryStore } from '../../../store/StoreProvider.tsx';
import {
  supportAccountCall,
  supportAccountFormSpec,
  supportAccountFormValues,
} from './supportAccountForm.ts';

/** The secret goes in through a password field and never comes back: the page only ever learns "stored". */
export function SupportAccountFormDialog({
  environment,
  account,
  onClose,
}: {
  environment: EnvironmentView;
  account?: SupportAccountView;
  onClose(): void;
}) {
  const saveSupportAccount = useRegistryStore((s) => s.saveSupportAccount);
  const onSubmit = useCallback(
    async (input: unknown, _values: unknown, rowVersion: number | undefined) => {
      await saveSupportAccount({
        environmentId: environment.id,
        ...(account ? { id: account.id, rowVersion } : {}),
        ...supportAccountCall(input),
      });
      onClose();
    },
    [account, environment.id, onClose, saveSupportAccount],
  );
  const form = useForm(
    supportAccountFormSpec,
    supportAccountFormValues(account),
    onSubmit,
    account?.rowVersion,
  );

  return (
    <FormDialog
      title={
        account ? `Edit support account ${account.username}` : `Add support account to ${environment.name}`
      }
      submitLabel={account ? 'Save account' : 'Add account'}
      form={form}
      onClose={onClose}
    >
      <TextField
        binding={form.field('username')}
        label="Username"
        autoFocus
        autoComplete="off"
        className="mono"
        spellCheck={false}
      />
      <TextField
        binding={form.field('secret')}
        label={account?.hasSecret ? 'New secret' : 'Secret'}
        optional
        type="password"
        autoComplete="new-password"
        hint={
          account?.hasSecret
            ? 'A secret is stored. Leave empty to keep it; type a new one to replace it.'
            : 'Password or key passphrase. Stored encrypted; never shown again.'
        }
      />
      <TextAreaField binding={form.field('notes')} label="Notes" optional rows={2} />
    </FormDialog>
  );
}
