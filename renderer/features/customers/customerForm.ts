import { customerInputSchema, type CustomerDetail } from '../../../common/registry/model.ts';
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
