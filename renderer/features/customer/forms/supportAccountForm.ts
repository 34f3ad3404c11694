import {
  secretSchema,
  supportAccountInputSchema,
  type SupportAccountView,
} from '../../../../common/registry/model.ts';
import type { FormSpec } from '../../../components/form/formSpec.ts';

export type SupportAccountFormValues = { username: string; secret: string; notes: string };

export const supportAccountFormSpec: FormSpec<SupportAccountFormValues> = {
  fields: ['username', 'secret', 'notes'],
  schema: supportAccountInputSchema.extend({ secret: secretSchema.optional() }),
  // An empty secret field means "keep what is stored" (or "none yet"), never "store an empty secret".
  toInput: (v) => ({
    username: v.username,
    notes: v.notes,
    ...(v.secret === '' ? {} : { secret: v.secret }),
  }),
  stored: {
    values: (current) => supportAccountFormValues(current as SupportAccountView),
    labels: { username: 'Username', notes: 'Notes' },
    // The view has no secret to show, and what was typed into the secret field is saved without asking.
    secrets: ['secret'],
  },
};

/** The secret field always starts empty: the stored secret is never sent to the page. */
export function supportAccountFormValues(account?: SupportAccountView): SupportAccountFormValues {
  return { username: account?.username ?? '', secret: '', notes: account?.notes ?? '' };
}

/** Splits the form's input into the API's account fields and the secret, which travels only inward. */
export function supportAccountCall(input: unknown): {
  account: { username: string; notes: string };
  secret?: string;
} {
  const { secret, ...account } = input as { username: string; notes: string; secret?: string };
  return secret === undefined ? { account } : { account, secret };
}
