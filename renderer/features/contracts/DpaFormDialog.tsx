import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DpaInput, DpaView } from '../../../common/agreements/model.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { DateField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { useContractsStore } from '../../store/StoreProvider.tsx';
import { dpaFormSpec, dpaFormValues } from './dpaForm.ts';

export function DpaFormDialog({
  customerId,
  dpa,
  onClose,
}: {
  customerId: string;
  dpa?: DpaView;
  onClose(): void;
}) {
  const { t } = useTranslation(['contracts', 'common']);
  const saveDpa = useContractsStore((s) => s.saveDpa);
  const onSubmit = useCallback(
    async (input: unknown, _values: unknown, rowVersion: number | undefined) => {
      await saveDpa({
        customerId,
        ...(dpa ? { id: dpa.id, rowVersion } : {}),
        dpa: input as DpaInput,
      });
      onClose();
    },
    [customerId, dpa, onClose, saveDpa],
  );
  const form = useForm(dpaFormSpec, dpaFormValues(dpa), onSubmit, dpa?.rowVersion);
  return (
    <FormDialog
      title={
        dpa
          ? t('contracts:dpaForm.editTitle', { reference: dpa.reference })
          : t('contracts:dpaForm.recordTitle')
      }
      submitLabel={dpa ? t('common:actions.save') : t('contracts:dpaForm.record')}
      form={form}
      onClose={onClose}
    >
      <div className="form__row">
        <DateField binding={form.field('signedOn')} label={t('contracts:dpaForm.signedOn')} autoFocus />
        <TextField
          binding={form.field('reference')}
          label={t('contracts:dpaForm.reference')}
          hint={t('contracts:dpaForm.referenceHint')}
        />
        <TextField binding={form.field('version')} label={t('contracts:dpaForm.version')} optional />
      </div>
      <div className="form__row">
        <TextField binding={form.field('signatory')} label={t('contracts:dpaForm.signatory')} />
        <DateField binding={form.field('endsOn')} label={t('contracts:dpaForm.endsOn')} optional />
      </div>
      <TextField binding={form.field('document')} label={t('contracts:dpaForm.document')} optional />
      <TextAreaField binding={form.field('notes')} label={t('contracts:dpaForm.notes')} optional rows={2} />
    </FormDialog>
  );
}
