import { contactInputSchema, type ContactView } from '../../../../common/registry/model.ts';
import type { FormSpec } from '../../../components/form/formSpec.ts';

export type ContactFormValues = {
  name: string;
  email: string;
  phone: string;
  role: string;
  adminTrainingDone: boolean;
  toolTrainingDone: boolean;
  adminAccount: string;
  isPrimary: boolean;
};

export const contactFormSpec: FormSpec<ContactFormValues> = {
  fields: [
    'name',
    'email',
    'phone',
    'role',
    'adminAccount',
    'isPrimary',
    'adminTrainingDone',
    'toolTrainingDone',
  ],
  schema: contactInputSchema,
  toInput: (v) => ({ ...v }),
};

export function contactFormValues(contact?: ContactView): ContactFormValues {
  return {
    name: contact?.name ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    role: contact?.role ?? '',
    adminTrainingDone: contact?.adminTrainingDone ?? false,
    toolTrainingDone: contact?.toolTrainingDone ?? false,
    adminAccount: contact?.adminAccount ?? '',
    isPrimary: contact?.isPrimary ?? false,
  };
}
