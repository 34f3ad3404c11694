import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billableWorkTypes } from '../../../common/agreements/model.ts';
import { vocabularyLabels } from '../../i18n/vocabularyLabels.ts';
import type { TimeEntryView } from '../../../common/time/model.ts';
import { Badge } from '../../components/Badge.tsx';
import { formatDuration } from '../../i18n/format.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { SelectField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { RadioChoices } from '../../components/RadioChoices.tsx';
import { useTimeStore } from '../../store/StoreProvider.tsx';
import { clockTime, dayLabel, swedishDay } from '../../store/time/week.ts';
import { classifySpec, classifyValues } from './classifyForm.ts';
import { chargeChoices, suggestionReason, suggestionText } from './timeLabels.ts';

const workTypeOptions = ['', ...billableWorkTypes] as const;

/**
 * How an entry is charged: included, billable with a work type (which sets the rate), or no charge. Lotsen's
 * suggestion is chosen to begin with and marked as such; the technician decides.
 */
export function ClassifyDialog({ entry, onClose }: { entry: TimeEntryView; onClose(): void }) {
  const { t } = useTranslation('timesheet');
  const classify = useTimeStore((s) => s.classify);
  const [initial] = useState(() => classifyValues(entry));
  // The version the dialog opened, not the entry's at save time: a live update may refresh the entry meanwhile.
  const onSubmit = useCallback(
    async (input: unknown, _values: unknown, rowVersion: number | undefined) => {
      await classify({
        ...(input as Omit<Parameters<typeof classify>[0], 'entryId' | 'rowVersion'>),
        entryId: entry.id,
        rowVersion: rowVersion ?? entry.rowVersion,
      });
      onClose();
    },
    [classify, entry.id, entry.rowVersion, onClose],
  );
  const form = useForm(classifySpec, initial.values, onSubmit, entry.rowVersion);
  const choice = form.field('classification');
  const suggestion = entry.suggestion;

  return (
    <FormDialog
      title={t('classifyDialog.title')}
      submitLabel={t('classifyDialog.submit')}
      form={form}
      onClose={onClose}
    >
      <p className="classify__entry">
        <span className="cell-strong">{entry.ticketSubject}</span>
        <span className="muted">
          {' '}
          · {entry.customerName} · {dayLabel(swedishDay(entry.startedAt))} {clockTime(entry.startedAt)}
          {entry.actualSeconds !== null && ` · ${formatDuration(entry.actualSeconds)}`}
        </span>
      </p>
      {suggestion && (
        <p className="classify__suggestion" data-testid="classification-suggestion">
          <Badge tone="info">{t('classifyDialog.suggested')}</Badge>{' '}
          <strong>{suggestionText(suggestion)}</strong>
          <span className="muted"> — {suggestionReason(suggestion)}</span>
          {initial.fromSuggestion && <span className="muted"> {t('classifyDialog.chosenBelow')}</span>}
        </p>
      )}
      <RadioChoices
        legend={t('classifyDialog.legend')}
        options={chargeChoices()}
        value={choice.value}
        onChange={choice.onChange}
        attachFirst={choice.attach}
        error={choice.error}
        aside={(value) =>
          suggestion?.classification === value && (
            <Badge tone="info" title={suggestionReason(suggestion)}>
              {t('classifyDialog.suggested')}
            </Badge>
          )
        }
      >
        <p className="field__hint">{t('classifyDialog.workTypeHint')}</p>
      </RadioChoices>
      {choice.value === 'billable' && (
        <SelectField
          binding={form.field('workType')}
          label={t('classifyDialog.workType')}
          options={workTypeOptions}
          labels={{ '': t('classifyDialog.chooseWorkType'), ...vocabularyLabels('billableWorkType') }}
        />
      )}
    </FormDialog>
  );
}
