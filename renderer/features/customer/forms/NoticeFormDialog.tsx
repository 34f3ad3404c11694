import { useCallback, useState } from 'react';
import type {
  MaintenanceNoticeInput,
  MaintenanceNoticeView,
} from '../../../../common/environments/maintenanceNotices.ts';
import type { EnvironmentView } from '../../../../common/registry/model.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { TextAreaField, TextField } from '../../../components/form/fields.tsx';
import { useForm } from '../../../components/form/useForm.ts';
import { useRegistryStore } from '../../../store/StoreProvider.tsx';
import { noticeFormSpec, noticeFormValues } from './noticeForm.ts';

/** A notice the customer gave of maintenance or a change in the environment; shown before sessions there. */
export function NoticeFormDialog({
  environment,
  notice,
  onClose,
}: {
  environment: EnvironmentView;
  notice?: MaintenanceNoticeView;
  onClose(): void;
}) {
  const saveNotice = useRegistryStore((s) => s.saveNotice);
  const [now] = useState(() => Date.now());
  const onSubmit = useCallback(
    async (input: unknown, _values: unknown, rowVersion: number | undefined) => {
      await saveNotice({
        environmentId: environment.id,
        ...(notice ? { id: notice.id, rowVersion } : {}),
        notice: input as MaintenanceNoticeInput,
      });
      onClose();
    },
    [environment.id, notice, onClose, saveNotice],
  );
  const form = useForm(noticeFormSpec, noticeFormValues(now, notice), onSubmit, notice?.rowVersion);

  return (
    <FormDialog
      title={notice ? 'Edit notice' : `Notice of maintenance in ${environment.name}`}
      submitLabel={notice ? 'Save notice' : 'Add notice'}
      form={form}
      onClose={onClose}
    >
      <TextAreaField
        binding={form.field('summary')}
        label="What the customer will do"
        rows={2}
        hint="E.g. WAP01 is being patched"
      />
      <div className="form__row">
        <TextField
          binding={form.field('startsAt')}
          label="From (Swedish time)"
          className="mono"
          hint="YYYY-MM-DDTHH:MM"
        />
        <TextField
          binding={form.field('endsAt')}
          label="To (Swedish time)"
          optional
          className="mono"
          hint="Empty: until further notice"
        />
      </div>
      <TextField
        binding={form.field('receivedAt')}
        label="Told us at (Swedish time)"
        className="mono"
        hint="When the customer gave notice"
      />
    </FormDialog>
  );
}
