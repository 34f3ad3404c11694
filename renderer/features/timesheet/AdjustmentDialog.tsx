import { useCallback, useMemo } from 'react';
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
    <FormDialog title="Adjust locked time" submitLabel="Add adjustment" form={form} onClose={onClose}>
      <p>
        <span className="cell-strong">{entry.ticketSubject}</span>
        <span className="muted">
          {' '}
          · {dayLabel(swedishDay(entry.startedAt))} {clockTime(entry.startedAt)}
          {entry.actualSeconds !== null && ` · ${formatDuration(entry.actualSeconds)}`}
        </span>
      </p>
      <p className="muted">
        This entry is in an approved billing month and stays as it was. The adjustment is billed in the next
        open month, with your note.
      </p>
      <TextField
        binding={form.field('minutes')}
        label="Minutes"
        hint="More time as 15, less as -15"
        inputMode="text"
        className="mono"
        autoFocus
      />
      <TextAreaField binding={form.field('note')} label="Why" rows={2} />
    </FormDialog>
  );
}
