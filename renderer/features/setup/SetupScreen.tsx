import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { userRoles } from '../../../common/registry/vocabulary.ts';
import type { LocalUserInput } from '../../../common/api/contract.ts';
import { GateLayout } from '../../components/GateLayout.tsx';
import { FormErrors, SelectField, TextField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { emptySetupValues, onPassphraseField, setupFormSpec } from './setupForm.ts';

/** First start: who is at this console, and (where no OS keychain answers) the passphrase that guards the key. */
export function SetupScreen() {
  const initialize = useAppStore((s) => s.initialize);
  const dataDir = useAppStore((s) => s.status?.dataDir ?? '');
  const onSubmit = useCallback(
    async (input: unknown) => {
      const { user, passphrase } = input as { user: LocalUserInput; passphrase?: string };
      try {
        await initialize(user, passphrase);
      } catch (error) {
        throw onPassphraseField(error);
      }
    },
    [initialize],
  );
  const form = useForm(setupFormSpec, emptySetupValues, onSubmit);
  const { t } = useTranslation('setup');
  const roleLabels = {
    technician: t('roles.technician'),
    support_lead: t('roles.support_lead'),
    finance: t('roles.finance'),
  };

  return (
    <GateLayout title={t('title')} intro={<p>{t('intro')}</p>}>
      <form {...form.formProps} className="form">
        <TextField binding={form.field('name')} label={t('name')} autoComplete="name" autoFocus />
        <TextField binding={form.field('email')} label={t('email')} type="email" autoComplete="email" />
        <SelectField binding={form.field('role')} label={t('role')} options={userRoles} labels={roleLabels} />
        <TextField
          binding={form.field('passphrase')}
          label={t('passphrase')}
          optional
          type="password"
          autoComplete="new-password"
          hint={t('passphraseHint')}
        />
        {form.values.passphrase !== '' && (
          <TextField
            binding={form.field('repeat')}
            label={t('repeat')}
            type="password"
            autoComplete="new-password"
          />
        )}
        <FormErrors messages={form.generalErrors} />
        <div className="gate__actions">
          <button type="submit" className="button button--primary" disabled={form.submitting}>
            {form.submitting ? t('submitting') : t('submit')}
          </button>
        </div>
        {dataDir && <p className="gate__folder">{t('dataFolder', { dataDir })}</p>}
      </form>
    </GateLayout>
  );
}
