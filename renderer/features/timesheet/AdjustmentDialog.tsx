import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeEntryView } from '../../../common/time/model.ts';
import { formatDuration } from '../../i18n/format.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { useTimeStore } from '../../store/StoreProvider.tsx';
import { clockTime, dayLabel, swedishDay } from '../../store/time/week.ts';
import { adjustmentSpec, type AdjustmentValues } from './adjustmentForm.ts';

const blank: AdjustmentValues = { minutes: '', note: '' };

/** A locked entry is never changed; a correction of its time is billed in the next open month instead. */
export function AdjustmentDialog({ entry, onClose }: { entry: TimeEntryView; onClose(): void }) {
  const { t } = useTranslation('timesheet');
  const addAdjustment = useTimeStore((s) => s.addAdjustment);
  const spec = useMemo(() => adjustmentSpec(entry.id), [entry.id]);
  const onSubmit = useCallback(
    async (input: unknown) => {
      await addAdjustment(input as Parameters<typeof addAdjustment>[0]);
      onClose();
    },
    [addAdjustment, onClose],
  );
  const form = useForm(spec, blank, onSubmit);
  return (
    <FormDialog
      title={t('adjustDialog.title')}
      submitLabel={t('adjustDialog.submit')}
      form={form}
      onClose={onClose}
    >
      <p>
        <span className="cell-strong">{entry.ticketSubject}</span>
        <span className="muted">
          {' '}
          · {dayLabel(swedishDay(entry.startedAt))} {clockTime(entry.startedAt)}
          {entry.actualSeconds !== null && ` · ${formatDuration(entry.actualSeconds)}`}
        </span>
      </p>
      <p className="muted">{t('adjustDialog.text')}</p>
      <TextField
        binding={form.field('minutes')}
        label={t('adjustDialog.minutes')}
        hint={t('adjustDialog.minutesHint')}
        inputMode="text"
        className="mono"
        autoFocus
      />
      <TextAreaField binding={form.field('note')} label={t('adjustDialog.why')} rows={2} />
    </FormDialog>
  );
}
