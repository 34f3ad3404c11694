import { useCallback } from 'react';
import type { EnvironmentView, SupportAccountView } from '../../../../common/registry/model.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/form/fields.tsx';
import { useForm } from '../../../components/form/useForm.ts';
import { useRegistryStore } from '../../../store/StoreProvider.tsx';
import {
  secretKinds,
  supportAccountCall,
  supportAccountFormSpec,
  supportAccountFormValues,
} from './supportAccountForm.ts';

/**
 * The secret goes in through a password field, or a multi-line one for a private key, and never comes back: the page
 * only ever learns "stored" (Reveal asks the store for it, audited).
 */
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

  const { t } = useTranslation('customer');
  const { t: tr } = useTranslation('remoteAccess');
  const kind = form.field('secretKind');
  const isKey = kind.value === 'privateKey';
  const replacing = account?.hasSecret === true;
  const secretLabel = isKey
    ? t(replacing ? 'account.newPrivateKey' : 'account.privateKey')
    : t(replacing ? 'account.newSecret' : 'account.secret');
  const secretHint = replacing
    ? t('account.keepSecretHint')
    : t(isKey ? 'account.privateKeyHint' : 'account.secretHint');

  return (
    <FormDialog
      title={
        account
          ? t('account.editTitle', { username: account.username })
          : t('account.addTitle', { environment: environment.name })
      }
      submitLabel={account ? t('account.save') : t('account.add')}
      form={form}
      onClose={onClose}
    >
      <TextField
        binding={form.field('username')}
        label={t('account.username')}
        autoFocus
        autoComplete="off"
        className="mono"
        spellCheck={false}
      />
      <SelectField
        binding={kind}
        label={t('account.secretKind')}
        options={secretKinds}
        labels={{
          password: t('account.secretKinds.password'),
          privateKey: t('account.secretKinds.privateKey'),
        }}
      />
      {isKey ? (
        // A key is many lines: a password field would drop its line breaks, and the session could not read it.
        <TextAreaField
          binding={form.field('secret')}
          label={secretLabel}
          optional
          rows={8}
          className="mono account-form__key"
          spellCheck={false}
          autoComplete="off"
          hint={secretHint}
        />
      ) : (
        <TextField
          binding={form.field('secret')}
          label={secretLabel}
          optional
          type="password"
          autoComplete="new-password"
          hint={secretHint}
        />
      )}
      <TextField
        binding={form.field('totpSeed')}
        label={tr(account?.hasTotpSeed ? 'oneTimeCode.newSeed' : 'oneTimeCode.seed')}
        optional
        type="password"
        autoComplete="off"
        spellCheck={false}
        hint={tr(account?.hasTotpSeed ? 'oneTimeCode.keepSeedHint' : 'oneTimeCode.seedHint')}
      />
      {account?.hasTotpSeed && (
        <CheckboxField binding={form.field('clearTotpSeed')} label={tr('oneTimeCode.clearSeed')} />
      )}
      <TextAreaField binding={form.field('notes')} label={t('account.notes')} optional rows={2} />
    </FormDialog>
  );
}
