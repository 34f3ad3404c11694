import { localUserInputSchema } from '../../../common/api/contract.ts';
import { LotsenError } from '../../../common/api/errors.ts';
import { t } from '../../i18n/i18n.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';
import { z } from 'zod';

export type SetupFormValues = {
  name: string;
  email: string;
  role: string;
  passphrase: string;
  repeat: string;
};

export const setupFormSpec: FormSpec<SetupFormValues> = {
  fields: ['name', 'email', 'role', 'passphrase', 'repeat'],
  schema: z.object({ user: localUserInputSchema, passphrase: z.string().optional() }),
  toInput: (v) => ({
    user: { name: v.name, email: v.email, role: v.role },
    ...(v.passphrase === '' ? {} : { passphrase: v.passphrase }),
  }),
  // A typo here would lock the store for good, so the passphrase is typed twice.
  check: (v) =>
    v.passphrase !== '' && v.passphrase !== v.repeat
      ? [{ path: 'repeat', message: t('setup:repeatDiffers') }]
      : [],
};

export const emptySetupValues: SetupFormValues = {
  name: '',
  email: '',
  role: 'technician',
  passphrase: '',
  repeat: '',
};

/**
 * "No keychain, so a passphrase is needed" is about the passphrase field, and is said there in a sentence of ours:
 * the backend's message carries the keychain's own reason, which on Linux without a desktop is D-Bus's "Cannot
 * autolaunch D-Bus without X11 $DISPLAY", words for a programmer, not for the person setting up.
 */
export function onPassphraseField(error: unknown): unknown {
  if (
    error instanceof LotsenError &&
    (error.code === 'NO_KEY_STORE' ||
      error.code === 'PASSPHRASE_REQUIRED' ||
      error.code === 'KEYCHAIN_UNAVAILABLE')
  ) {
    const message = t('setup:noKeychain');
    return new LotsenError(error.code, message, { issues: [{ path: 'passphrase', message }] });
  }
  return error;
}
