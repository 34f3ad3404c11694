import { useCallback } from 'react';
import type { ContactInput, ContactView } from '../../../../common/registry/model.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { CheckboxField, TextField } from '../../../components/form/fields.tsx';
import { useForm } from '../../../components/form/useForm.ts';
import { useRegistryStore } from '../../../store/StoreProvider.tsx';
import { contactFormSpec, contactFormValues } from './contactForm.ts';

export function ContactFormDialog({
  customerId,
  contact,
  onClose,
}: {
  customerId: string;
  contact?: ContactView;
  onClose(): void;
}) {
  const saveContact = useRegistryStore((s) => s.saveContact);
  const onSubmit = useCallback(
    async (input: unknown) => {
      await saveContact({
        customerId,
        ...(contact ? { id: contact.id } : {}),
        contact: input as ContactInput,
      });
      onClose();
    },
    [contact, customerId, onClose, saveContact],
  );
  const form = useForm(contactFormSpec, contactFormValues(contact), onSubmit);

  return (
    <FormDialog
      title={contact ? `Edit contact ${contact.name}` : 'Add support contact'}
      submitLabel={contact ? 'Save contact' : 'Add contact'}
      form={form}
      onClose={onClose}
    >
      <TextField binding={form.field('name')} label="Name" autoFocus autoComplete="off" />
      <div className="form__row">
        <TextField binding={form.field('email')} label="E-mail" type="email" autoComplete="off" />
        <TextField binding={form.field('phone')} label="Phone" type="tel" optional autoComplete="off" />
      </div>
      <TextField
        binding={form.field('role')}
        label="Role"
        optional
        hint="E.g. IT-samordnare, platform lead"
      />
      <fieldset className="fieldset">
        <legend>Training (required for 2nd-line support)</legend>
        <CheckboxField binding={form.field('adminTrainingDone')} label="Admin training done" />
        <CheckboxField binding={form.field('toolTrainingDone')} label="Tool training done" />
      </fieldset>
    </FormDialog>
  );
}
