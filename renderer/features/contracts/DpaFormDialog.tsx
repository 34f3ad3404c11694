import { useCallback } from 'react';
import type { DpaInput, DpaView } from '../../../common/agreements/model.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextAreaField, TextField } from '../../components/form/fields.tsx';
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
      title={dpa ? `Edit data-processing agreement ${dpa.reference}` : 'Record data-processing agreement'}
      submitLabel={dpa ? 'Save' : 'Record DPA'}
      form={form}
      onClose={onClose}
    >
      <div className="form__row">
        <TextField binding={form.field('signedOn')} label="Signed on" autoFocus hint="YYYY-MM-DD" />
        <TextField binding={form.field('reference')} label="DPA reference" hint="E.g. PUB-2026-03" />
        <TextField binding={form.field('version')} label="Version" optional />
      </div>
      <div className="form__row">
        <TextField binding={form.field('signatory')} label="Signatory" />
        <TextField binding={form.field('endsOn')} label="Ends or terminated on" optional hint="YYYY-MM-DD" />
      </div>
      <TextField binding={form.field('document')} label="Document link or path" optional />
      <TextAreaField binding={form.field('notes')} label="Notes" optional rows={2} />
    </FormDialog>
  );
}
