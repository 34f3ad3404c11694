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
  /** Removes the stored seed (audited as a change of the account's seed); wins over a typed one. */
  clearTotpSeed: boolean;
  notes: string;
};

export const supportAccountFormSpec: FormSpec<SupportAccountFormValues> = {
  fields: ['username', 'secretKind', 'secret', 'totpSeed', 'clearTotpSeed', 'notes'],
  schema: supportAccountInputSchema.unwrap().extend({
    secret: secretSchema.optional(),
    totpSeed: totpSeedSchema.nullable().optional(),
  }),
  // An empty secret field means "keep what is stored" (or "none yet"), never "store an empty secret".
  toInput: (v) => ({
    username: v.username,
    notes: v.notes,
    ...(v.secret === ''
      ? {}
      : { secret: v.secretKind === 'privateKey' ? normalisedPrivateKey(v.secret) : v.secret }),
    ...(v.clearTotpSeed ? { totpSeed: null } : v.totpSeed.trim() === '' ? {} : { totpSeed: v.totpSeed }),
  }),
  // What can be told from the text alone; the store then reads the key as the session will (its error lands here too).
  check: (v) => {
    const seed = v.clearTotpSeed || v.totpSeed.trim() === '' ? null : parseTotpSeed(v.totpSeed);
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
    secrets: ['secret', 'secretKind', 'totpSeed', 'clearTotpSeed'],
  },
};

/** The secret field always starts empty: the stored secret is never sent to the page. */
export function supportAccountFormValues(account?: SupportAccountView): SupportAccountFormValues {
  return {
    username: account?.username ?? '',
    secretKind: 'password',
    secret: '',
    totpSeed: '',
    clearTotpSeed: false,
    notes: account?.notes ?? '',
  };
}

/** Splits the form's input into the API's account fields and the secret, which travels only inward. */
export function supportAccountCall(input: unknown): {
  account: { username: string; notes: string };
  secret?: string;
  /** Text sets the seed, null clears it, undefined keeps it. */
  totpSeed?: string | null;
} {
  const { secret, totpSeed, ...account } = input as {
    username: string;
    notes: string;
    secret?: string;
    totpSeed?: string | null;
  };
  return {
    account,
    ...(secret === undefined ? {} : { secret }),
    ...(totpSeed === undefined ? {} : { totpSeed }),
  };
}
