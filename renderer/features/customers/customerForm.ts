import { customerInputSchema, type CustomerDetail } from '../../../common/registry/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';
import { t } from '../../i18n/i18n.ts';

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
    // A getter: the panel reads the labels when it shows, in the language chosen then.
    get labels() {
      return {
        name: t('customers:stored.name'),
        orgNumber: t('customers:stored.orgNumber'),
        kind: t('customers:stored.kind'),
        responsibleName: t('customers:stored.responsibleName'),
        responsiblePhone: t('customers:stored.responsiblePhone'),
        responsibleEmail: t('customers:stored.responsibleEmail'),
        notes: t('customers:stored.notes'),
      };
    },
    show: { kind: (value) => t(`vocabulary:customerKind.${String(value)}` as never) },
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
