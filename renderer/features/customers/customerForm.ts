import { customerInputSchema, type CustomerDetail } from '../../../common/registry/model.ts';
import { customerKindLabels, type CustomerKind } from '../../../common/registry/vocabulary.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';

export type CustomerFormValues = {
  name: string;
  orgNumber: string;
  kind: string;
  notes: string;
  responsibleName: string;
  responsiblePhone: string;
  responsibleEmail: string;
};

export const customerFormSpec: FormSpec<CustomerFormValues> = {
  fields: ['name', 'orgNumber', 'kind', 'responsibleName', 'responsiblePhone', 'responsibleEmail', 'notes'],
  schema: customerInputSchema,
  toInput: (v) => ({
    name: v.name,
    orgNumber: v.orgNumber,
    kind: v.kind,
    notes: v.notes,
    responsibleName: v.responsibleName,
    responsiblePhone: v.responsiblePhone,
    responsibleEmail: v.responsibleEmail.trim(),
  }),
  stored: {
    values: (current) => customerFormValues(current as CustomerDetail),
    labels: {
      name: 'Name',
      orgNumber: 'Organisation number',
      kind: 'Kind',
      responsibleName: 'Responsible person’s name',
      responsiblePhone: 'Responsible person’s phone',
      responsibleEmail: 'Responsible person’s e-mail',
      notes: 'Notes',
    },
    show: { kind: (value) => customerKindLabels[value as CustomerKind] ?? String(value) },
  },
};

export function customerFormValues(customer?: CustomerDetail): CustomerFormValues {
  return {
    name: customer?.name ?? '',
    orgNumber: customer?.orgNumber ?? '',
    kind: customer?.kind ?? 'municipality',
    notes: customer?.notes ?? '',
    responsibleName: customer?.responsiblePerson?.name ?? '',
    responsiblePhone: customer?.responsiblePerson?.phone ?? '',
    responsibleEmail: customer?.responsiblePerson?.email ?? '',
  };
}
