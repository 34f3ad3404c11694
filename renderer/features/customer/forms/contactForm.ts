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
  stored: {
    values: (current) => contactFormValues(current as ContactView),
    labels: {
      name: 'Name',
      email: 'E-mail',
      phone: 'Phone',
      role: 'Role',
      adminAccount: 'Admin account',
      isPrimary: 'Primary support contact',
      adminTrainingDone: 'Admin training done',
      toolTrainingDone: 'Tool training done',
    },
  },
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
