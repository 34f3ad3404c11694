import { contactInputSchema, type ContactView } from '../../../../common/registry/model.ts';
import type { FormSpec } from '../../../components/form/formSpec.ts';
import { t } from '../../../i18n/i18n.ts';

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
    // A getter: the panel reads the labels when it shows, in the language chosen then.
    get labels() {
      return {
        name: t('customer:contactForm.name'),
        email: t('customer:contactForm.email'),
        phone: t('customer:contactForm.phone'),
        role: t('customer:contactForm.role'),
        adminAccount: t('customer:contactForm.adminAccount'),
        isPrimary: t('customer:contactForm.primary'),
        adminTrainingDone: t('customer:contactForm.adminTrainingDone'),
        toolTrainingDone: t('customer:contactForm.toolTrainingDone'),
      };
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
