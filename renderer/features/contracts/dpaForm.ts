import { dpaInputSchema, type DpaView } from '../../../common/agreements/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';

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
    labels: {
      signedOn: 'Signed on',
      reference: 'DPA reference',
      version: 'Version',
      signatory: 'Signatory',
      endsOn: 'Ends or terminated on',
      document: 'Document link or path',
      notes: 'Notes',
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
