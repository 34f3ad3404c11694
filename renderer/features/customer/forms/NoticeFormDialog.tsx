import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('customer');
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
      title={notice ? t('noticeForm.editTitle') : t('noticeForm.addTitle', { environment: environment.name })}
      submitLabel={notice ? t('noticeForm.save') : t('noticeForm.add')}
      form={form}
      onClose={onClose}
    >
      <TextAreaField
        binding={form.field('summary')}
        label={t('noticeForm.summary')}
        rows={2}
        hint={t('noticeForm.summaryHint')}
      />
      <div className="form__row">
        <TextField
          binding={form.field('startsAt')}
          label={t('noticeForm.startsAt')}
          className="mono"
          hint={t('noticeForm.timeHint')}
        />
        <TextField
          binding={form.field('endsAt')}
          label={t('noticeForm.endsAt')}
          optional
          className="mono"
          hint={t('noticeForm.endsAtHint')}
        />
      </div>
      <TextField
        binding={form.field('receivedAt')}
        label={t('noticeForm.receivedAt')}
        className="mono"
        hint={t('noticeForm.receivedAtHint')}
      />
    </FormDialog>
  );
}
