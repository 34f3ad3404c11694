import { dpaInputSchema, type DpaView } from '../../../common/agreements/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';
import { t } from '../../i18n/i18n.ts';

export type DpaFormValues = {
  signedOn: string;
  reference: string;
  version: string;
  signatory: string;
  endsOn: string;
  document: string;
  notes: string;
};

export const dpaFormSpec: FormSpec<DpaFormValues> = {
  fields: ['signedOn', 'reference', 'version', 'signatory', 'endsOn', 'document', 'notes'],
  schema: dpaInputSchema,
  toInput: (v) => ({ ...v, endsOn: v.endsOn.trim() === '' ? null : v.endsOn }),
  stored: {
    values: (current) => dpaFormValues(current as DpaView),
    // Read when the conflict panel shows them, so they follow the language chosen then.
    get labels() {
      return {
        signedOn: t('contracts:dpaForm.signedOn'),
        reference: t('contracts:dpaForm.reference'),
        version: t('contracts:dpaForm.version'),
        signatory: t('contracts:dpaForm.signatory'),
        endsOn: t('contracts:dpaForm.endsOn'),
        document: t('contracts:dpaForm.document'),
        notes: t('contracts:dpaForm.notes'),
      };
    },
  },
};

export function dpaFormValues(dpa?: DpaView): DpaFormValues {
  return {
    signedOn: dpa?.signedOn ?? '',
    reference: dpa?.reference ?? '',
    version: dpa?.version ?? '',
    signatory: dpa?.signatory ?? '',
    endsOn: dpa?.endsOn ?? '',
    document: dpa?.document ?? '',
    notes: dpa?.notes ?? '',
  };
}
