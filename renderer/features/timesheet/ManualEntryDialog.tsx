import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../common/tickets/model.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { DateField, SelectField, TextAreaField, TimeField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { useTimeStore } from '../../store/StoreProvider.tsx';
import { manualEntrySpec, manualEntryValues } from './manualEntryForm.ts';

/** Time worked away from a timer or session, typed in afterwards (Swedish time). */
export function ManualEntryDialog({ tickets, onClose }: { tickets: TicketView[]; onClose(): void }) {
  const { t } = useTranslation('timesheet');
  const addManual = useTimeStore((s) => s.addManual);
  const weekStart = useTimeStore((s) => s.weekStart);
  const [initial] = useState(() => manualEntryValues(weekStart, Date.now(), tickets[0]?.id ?? ''));
  const onSubmit = useCallback(
    async (input: unknown) => {
      await addManual(input as Parameters<typeof addManual>[0]);
      onClose();
    },
    [addManual, onClose],
  );
  const form = useForm(manualEntrySpec, initial, onSubmit);
  const ticketIds = ['', ...tickets.map((ticket) => ticket.id)];
  const ticketLabels = Object.fromEntries([
    ['', t('manual.chooseTicket')],
    ...tickets.map((ticket) => [
      ticket.id,
      t('timer.ticketOption', { customer: ticket.customerName, subject: ticket.subject }),
    ]),
  ]);

  return (
    <FormDialog title={t('manual.title')} submitLabel={t('manual.submit')} form={form} onClose={onClose}>
      <SelectField
        binding={form.field('ticketId')}
        label={t('manual.ticket')}
        options={ticketIds}
        labels={ticketLabels}
        hint={tickets.length === 0 ? t('manual.noTickets') : undefined}
      />
      <DateField binding={form.field('day')} label={t('manual.date')} hint={t('manual.dateHint')} />
      <div className="form__row">
        <TimeField
          binding={form.field('startedAt')}
          label={t('manual.from')}
          hint={t('manual.fromHint')}
          className="mono"
          autoFocus
        />
        <TimeField
          binding={form.field('endedAt')}
          label={t('manual.to')}
          hint={t('manual.toHint')}
          className="mono"
        />
      </div>
      <TextAreaField binding={form.field('note')} label={t('manual.note')} optional rows={2} />
    </FormDialog>
  );
}
