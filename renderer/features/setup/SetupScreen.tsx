import { useCallback } from 'react';
import { userRoleLabels, userRoles } from '../../../common/registry/vocabulary.ts';
import type { LocalUserInput } from '../../../common/api/contract.ts';
import { LotsenError } from '../../../common/api/errors.ts';
import { GateLayout } from '../../components/GateLayout.tsx';
import { FormErrors, SelectField, TextField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { emptySetupValues, setupFormSpec } from './setupForm.ts';

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

  return (
    <GateLayout
      title="Set up Lotsen"
      intro={
        <>
          <p>
            Lotsen keeps your customer registry encrypted on this computer. Tell it who you are: every change
            you make is recorded with your name.
          </p>
        </>
      }
    >
      <form {...form.formProps} className="form">
        <TextField binding={form.field('name')} label="Your name" autoComplete="name" autoFocus />
        <TextField binding={form.field('email')} label="E-mail" type="email" autoComplete="email" />
        <SelectField binding={form.field('role')} label="Role" options={userRoles} labels={userRoleLabels} />
        <TextField
          binding={form.field('passphrase')}
          label="Passphrase"
          optional
          type="password"
          autoComplete="new-password"
          hint="Required when this computer has no OS keychain; then you type it to unlock. With a keychain, leave it empty and the key is kept there."
        />
        {form.values.passphrase !== '' && (
          <TextField
            binding={form.field('repeat')}
            label="Repeat passphrase"
            type="password"
            autoComplete="new-password"
          />
        )}
        <FormErrors messages={form.generalErrors} />
        <div className="gate__actions">
          <button type="submit" className="button button--primary" disabled={form.submitting}>
            {form.submitting ? 'Setting up…' : 'Set up Lotsen'}
          </button>
        </div>
        {dataDir && <p className="gate__folder">Data folder: {dataDir}</p>}
      </form>
    </GateLayout>
  );
}

/** "No keychain, so a passphrase is needed" is about the passphrase field; the message says it there. */
function onPassphraseField(error: unknown): unknown {
  if (
    error instanceof LotsenError &&
    (error.code === 'NO_KEY_STORE' || error.code === 'PASSPHRASE_REQUIRED')
  ) {
    return new LotsenError(error.code, error.message, {
      issues: [{ path: 'passphrase', message: error.message }],
    });
  }
  return error;
}
