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
  primary,
  onClose,
}: {
  customerId: string;
  contact?: ContactView;
  /** The customer's current primary contact, if any, so making another one primary says whom it replaces. */
  primary?: ContactView;
  onClose(): void;
}) {
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
      <div className="form__row">
        <TextField
          binding={form.field('role')}
          label="Role"
          optional
          hint="E.g. IT-samordnare, platform lead"
        />
        <TextField
          binding={form.field('adminAccount')}
          label="Admin account"
          optional
          autoComplete="off"
          spellCheck={false}
          className="mono"
          hint="Their own username with an admin role in the school platform"
        />
      </div>
      <CheckboxField
        binding={form.field('isPrimary')}
        label={
          primary && primary.id !== contact?.id
            ? `Primary support contact (instead of ${primary.name})`
            : 'Primary support contact (a school names one)'
        }
      />
      <fieldset className="fieldset">
        <legend>Training (required for 2nd-line support)</legend>
        <CheckboxField binding={form.field('adminTrainingDone')} label="Admin training done" />
        <CheckboxField binding={form.field('toolTrainingDone')} label="Tool training done" />
      </fieldset>
    </FormDialog>
  );
}
