import { useCallback, useState } from 'react';
import type { TicketView } from '../../../common/tickets/model.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { useTimeStore } from '../../store/StoreProvider.tsx';
import { manualEntrySpec, manualEntryValues } from './manualEntryForm.ts';

/** Time worked away from a timer or session, typed in afterwards (Swedish time). */
export function ManualEntryDialog({ tickets, onClose }: { tickets: TicketView[]; onClose(): void }) {
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
  const ticketIds = ['', ...tickets.map((t) => t.id)];
  const ticketLabels = Object.fromEntries([
    ['', 'Choose a ticket…'],
    ...tickets.map((t) => [t.id, `${t.customerName}: ${t.subject}`]),
  ]);

  return (
    <FormDialog title="Add time manually" submitLabel="Add entry" form={form} onClose={onClose}>
      <SelectField
        binding={form.field('ticketId')}
        label="Ticket"
        options={ticketIds}
        labels={ticketLabels}
        hint={tickets.length === 0 ? 'No open tickets: record the ticket under Tickets first.' : undefined}
      />
      <TextField
        binding={form.field('day')}
        label="Date"
        type="date"
        hint="The Swedish calendar day"
        className="mono"
      />
      <div className="form__row">
        <TextField
          binding={form.field('startedAt')}
          label="From"
          type="time"
          hint="HH:MM, Swedish time"
          className="mono"
          autoFocus
        />
        <TextField binding={form.field('endedAt')} label="To" type="time" hint="HH:MM" className="mono" />
      </div>
      <TextAreaField binding={form.field('note')} label="Note" optional rows={2} />
    </FormDialog>
  );
}
