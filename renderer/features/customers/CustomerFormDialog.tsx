import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail, CustomerInput } from '../../../common/registry/model.ts';
import { customerKinds } from '../../../common/registry/vocabulary.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { vocabularyLabels } from '../../i18n/vocabularyLabels.ts';
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
  const { t } = useTranslation('customers');
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
      title={customer ? t('form.editTitle', { name: customer.name }) : t('form.addTitle')}
      submitLabel={customer ? t('form.save') : t('form.add')}
      form={form}
      onClose={onClose}
    >
      <TextField binding={form.field('name')} label={t('form.name')} autoFocus hint={t('form.nameHint')} />
      <div className="form__row">
        <TextField
          binding={form.field('orgNumber')}
          label={t('form.orgNumber')}
          inputMode="numeric"
          className="mono"
          hint={t('form.orgNumberHint')}
        />
        <SelectField
          binding={form.field('kind')}
          label={t('form.kind')}
          options={customerKinds}
          labels={vocabularyLabels('customerKind')}
        />
      </div>
      <fieldset className="fieldset">
        <legend>{t('form.responsible')}</legend>
        <div className="form__row">
          <TextField
            binding={form.field('responsibleName')}
            label={t('form.responsibleName')}
            optional
            hint={t('form.responsibleNameHint')}
          />
          <TextField
            binding={form.field('responsiblePhone')}
            label={t('form.responsiblePhone')}
            type="tel"
            optional
          />
        </div>
        <TextField
          binding={form.field('responsibleEmail')}
          label={t('form.responsibleEmail')}
          type="email"
          optional
        />
      </fieldset>
      <TextAreaField binding={form.field('notes')} label={t('form.notes')} optional />
    </FormDialog>
  );
}
