import type { FieldIssue } from '../../../../common/api/errors.ts';
import {
  secretSchema,
  supportAccountInputSchema,
  type SupportAccountView,
} from '../../../../common/registry/model.ts';
import { normalisedPrivateKey, privateKeyTextProblem } from '../../../../common/registry/privateKeyText.ts';
import { parseTotpSeed, totpSeedSchema } from '../../../../common/registry/oneTimeCodes.ts';
import type { FormSpec } from '../../../components/form/formSpec.ts';
import { t } from '../../../i18n/i18n.ts';

export const secretKinds = ['password', 'privateKey'] as const;
export type SecretKind = (typeof secretKinds)[number];

export type SupportAccountFormValues = {
  username: string;
  /** How the secret is typed in: a one-line password field, or a multi-line field that keeps a key's line breaks. */
  secretKind: SecretKind;
  secret: string;
  /** A TOTP seed; empty keeps what is stored (or none yet), as the secret. */
  totpSeed: string;
  notes: string;
};

export const supportAccountFormSpec: FormSpec<SupportAccountFormValues> = {
  fields: ['username', 'secretKind', 'secret', 'totpSeed', 'notes'],
  schema: supportAccountInputSchema.extend({
    secret: secretSchema.optional(),
    totpSeed: totpSeedSchema.optional(),
  }),
  // An empty secret field means "keep what is stored" (or "none yet"), never "store an empty secret".
  toInput: (v) => ({
    username: v.username,
    notes: v.notes,
    ...(v.secret === ''
      ? {}
      : { secret: v.secretKind === 'privateKey' ? normalisedPrivateKey(v.secret) : v.secret }),
    ...(v.totpSeed.trim() === '' ? {} : { totpSeed: v.totpSeed }),
  }),
  // What can be told from the text alone; the store then reads the key as the session will (its error lands here too).
  check: (v) => {
    const seed = v.totpSeed.trim() === '' ? null : parseTotpSeed(v.totpSeed);
    if (typeof seed === 'string') {
      return [
        { path: 'totpSeed', message: t(`remoteAccess:oneTimeCode.seedProblem.${seed}`) } satisfies FieldIssue,
      ];
    }
    if (v.secretKind !== 'privateKey' || v.secret === '') return [];
    const problem = privateKeyTextProblem(v.secret);
    return problem === null
      ? []
      : [{ path: 'secret', message: t(`customer:account.keyProblem.${problem}`) } satisfies FieldIssue];
  },
  stored: {
    values: (current) => supportAccountFormValues(current as SupportAccountView),
    // A getter: the panel reads the labels when it shows, in the language chosen then.
    get labels() {
      return { username: t('customer:account.username'), notes: t('customer:account.notes') };
    },
    // The view has no secret to show, and what was typed into the secret field is saved without asking.
    secrets: ['secret', 'secretKind', 'totpSeed'],
  },
};

/** The secret field always starts empty: the stored secret is never sent to the page. */
export function supportAccountFormValues(account?: SupportAccountView): SupportAccountFormValues {
  return {
    username: account?.username ?? '',
    secretKind: 'password',
    secret: '',
    totpSeed: '',
    notes: account?.notes ?? '',
  };
}

/** Splits the form's input into the API's account fields and the secret, which travels only inward. */
export function supportAccountCall(input: unknown): {
  account: { username: string; notes: string };
  secret?: string;
  totpSeed?: string;
} {
  const { secret, totpSeed, ...account } = input as {
    username: string;
    notes: string;
    secret?: string;
    totpSeed?: string;
  };
  return {
    account,
    ...(secret === undefined ? {} : { secret }),
    ...(totpSeed === undefined ? {} : { totpSeed }),
  };
}
