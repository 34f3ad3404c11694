import { localUserInputSchema } from '../../../common/api/contract.ts';
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
      ? [{ path: 'repeat', message: 'The two passphrases differ' }]
      : [],
};

export const emptySetupValues: SetupFormValues = {
  name: '',
  email: '',
  role: 'technician',
  passphrase: '',
  repeat: '',
};
