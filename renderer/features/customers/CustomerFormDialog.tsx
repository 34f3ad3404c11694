import { useCallback } from 'react';
import type { CustomerDetail, CustomerInput } from '../../../common/registry/model.ts';
import { customerKindLabels, customerKinds } from '../../../common/registry/vocabulary.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { useRegistryStore } from '../../store/StoreProvider.tsx';
import { customerFormSpec, customerFormValues } from './customerForm.ts';

interface Props {
  /** Absent: a new customer. */
  customer?: CustomerDetail;
  onClose(): void;
  onSaved?(id: string): void;
}

export function CustomerFormDialog({ customer, onClose, onSaved }: Props) {
  const createCustomer = useRegistryStore((s) => s.createCustomer);
  const updateCustomer = useRegistryStore((s) => s.updateCustomer);
  const onSubmit = useCallback(
    async (input: unknown, _values: unknown, rowVersion: number | undefined) => {
      if (customer && rowVersion !== undefined) {
        await updateCustomer(customer.id, rowVersion, input as CustomerInput);
        onSaved?.(customer.id);
      } else {
        const created = await createCustomer(input as CustomerInput);
        onSaved?.(created.id);
      }
      onClose();
    },
    [createCustomer, customer, onClose, onSaved, updateCustomer],
  );
  const form = useForm(customerFormSpec, customerFormValues(customer), onSubmit, customer?.rowVersion);

  return (
    <FormDialog
      title={customer ? `Edit ${customer.name}` : 'Add customer'}
      submitLabel={customer ? 'Save customer' : 'Add customer'}
      form={form}
      onClose={onClose}
    >
      <TextField
        binding={form.field('name')}
        label="Name"
        autoFocus
        hint="As in the agreement, e.g. Växjö kommun"
      />
      <div className="form__row">
        <TextField
          binding={form.field('orgNumber')}
          label="Organisation number"
          inputMode="numeric"
          className="mono"
          hint="NNNNNN-NNNN; the dash may be left out"
        />
        <SelectField
          binding={form.field('kind')}
          label="Kind"
          options={customerKinds}
          labels={customerKindLabels}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Responsible person at the vendor (acute calls)</legend>
        <div className="form__row">
          <TextField
            binding={form.field('responsibleName')}
            label="Name"
            optional
            hint="Whom the customer’s support contacts phone when it is urgent"
          />
          <TextField binding={form.field('responsiblePhone')} label="Phone" type="tel" optional />
        </div>
        <TextField binding={form.field('responsibleEmail')} label="E-mail" type="email" optional />
      </fieldset>
      <TextAreaField binding={form.field('notes')} label="Notes" optional />
    </FormDialog>
  );
}
