import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactInput, ContactView } from '../../../../common/registry/model.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { CheckboxField, TextField } from '../../../components/form/fields.tsx';
import { useForm } from '../../../components/form/useForm.ts';
import { useRegistryStore } from '../../../store/StoreProvider.tsx';
import { contactFormSpec, contactFormValues } from './contactForm.ts';

export function ContactFormDialog({
  customerId,
  contact,
  primary,
  onClose,
}: {
  customerId: string;
  contact?: ContactView;
  /** The customer's current primary contact, if any, so making another one primary says whom it replaces. */
  primary?: ContactView;
  onClose(): void;
}) {
  const { t } = useTranslation('customer');
  const saveContact = useRegistryStore((s) => s.saveContact);
  const onSubmit = useCallback(
    async (input: unknown, _values: unknown, rowVersion: number | undefined) => {
      await saveContact({
        customerId,
        ...(contact ? { id: contact.id, rowVersion } : {}),
        contact: input as ContactInput,
      });
      onClose();
    },
    [contact, customerId, onClose, saveContact],
  );
  const form = useForm(contactFormSpec, contactFormValues(contact), onSubmit, contact?.rowVersion);

  return (
    <FormDialog
      title={contact ? t('contactForm.editTitle', { name: contact.name }) : t('contactForm.addTitle')}
      submitLabel={contact ? t('contactForm.save') : t('contactForm.add')}
      form={form}
      onClose={onClose}
    >
      <TextField binding={form.field('name')} label={t('contactForm.name')} autoFocus autoComplete="off" />
      <div className="form__row">
        <TextField
          binding={form.field('email')}
          label={t('contactForm.email')}
          type="email"
          autoComplete="off"
        />
        <TextField
          binding={form.field('phone')}
          label={t('contactForm.phone')}
          type="tel"
          optional
          autoComplete="off"
        />
      </div>
      <div className="form__row">
        <TextField
          binding={form.field('role')}
          label={t('contactForm.role')}
          optional
          hint={t('contactForm.roleHint')}
        />
        <TextField
          binding={form.field('adminAccount')}
          label={t('contactForm.adminAccount')}
          optional
          autoComplete="off"
          spellCheck={false}
          className="mono"
          hint={t('contactForm.adminAccountHint')}
        />
      </div>
      <CheckboxField
        binding={form.field('isPrimary')}
        label={
          primary && primary.id !== contact?.id
            ? t('contactForm.primaryInstead', { name: primary.name })
            : t('contactForm.primaryHint')
        }
      />
      <fieldset className="fieldset">
        <legend>{t('contactForm.training')}</legend>
        <CheckboxField binding={form.field('adminTrainingDone')} label={t('contactForm.adminTrainingDone')} />
        <CheckboxField binding={form.field('toolTrainingDone')} label={t('contactForm.toolTrainingDone')} />
      </fieldset>
    </FormDialog>
  );
}
