import { useCallback, useEffect, useState } from 'react';
import type { AgreementView } from '../../../common/agreements/model.ts';
import { missingTicketDetails, ticketPriorities, type TicketInput } from '../../../common/tickets/model.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { serviceOptions } from '../../store/contracts/selectors.ts';
import { useRegistryStore, useTicketsStore } from '../../store/StoreProvider.tsx';
import { ticketFormSpec, ticketFormValues } from './ticketForm.ts';

const priorityLabels = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const;

/** A new ticket as it came in from the helpdesk: who, about what, when; and what a good ticket still lacks. */
export function TicketFormDialog({ onClose, customerId }: { onClose(): void; customerId?: string }) {
  const save = useTicketsStore((s) => s.save);
  const customers = useRegistryStore((s) => s.customers);
  const agreementsOf = useTicketsStore((s) => s.agreementsOf);
  const onSubmit = useCallback(
    async (input: unknown) => {
      await save({ ticket: input as TicketInput });
      onClose();
    },
    [onClose, save],
  );
  // "Received" defaults to when the form was opened, Swedish time.
  const [openedAt] = useState(() => Date.now());
  const form = useForm(
    ticketFormSpec,
    ticketFormValues(openedAt, undefined, customerId ?? customers[0]?.id ?? ''),
    onSubmit,
  );
  const chosenCustomer = form.values.customerId;
  const [agreements, setAgreements] = useState<AgreementView[]>([]);
  useEffect(() => {
    let current = true;
    if (chosenCustomer === '') return;
    agreementsOf(chosenCustomer)
      .then((list) => current && setAgreements(list))
      .catch(() => current && setAgreements([]));
    return () => {
      current = false;
    };
  }, [agreementsOf, chosenCustomer]);

  const customerIds = customers.map((c) => c.id);
  const customerLabels = Object.fromEntries(customers.map((c) => [c.id, `${c.name} (${c.orgNumber})`]));
  const services = serviceOptions(agreements);
  const serviceIds = ['', ...services.map((s) => s.id)];
  const serviceLabels = Object.fromEntries([['', 'Not stated'], ...services.map((s) => [s.id, s.label])]);
  const contacts = customers.find((c) => c.id === chosenCustomer)?.contacts ?? [];
  const missing = missingTicketDetails(form.values);

  return (
    <FormDialog title="New ticket" submitLabel="Create ticket" form={form} onClose={onClose} size="wide">
      <div className="form__row">
        <SelectField
          binding={form.field('customerId')}
          label="Customer"
          options={customerIds}
          labels={customerLabels}
        />
        <SelectField
          binding={form.field('serviceId')}
          label="Service"
          options={serviceIds}
          labels={serviceLabels}
        />
      </div>
      <div className="form__row">
        <TextField binding={form.field('requesterName')} label="Requester" autoFocus />
        <TextField
          binding={form.field('requesterEmail')}
          label="Requester e-mail"
          type="email"
          hint={
            contacts.length > 0
              ? `Named contacts: ${contacts.map((c) => c.email).join(', ')}`
              : 'This customer has no named contacts'
          }
        />
      </div>
      <TextField binding={form.field('subject')} label="Subject" />
      <TextAreaField binding={form.field('description')} label="Description" optional rows={3} />
      <div className="form__row">
        <SelectField
          binding={form.field('priority')}
          label="Priority"
          options={ticketPriorities}
          labels={priorityLabels}
        />
        <TextField
          binding={form.field('receivedAt')}
          label="Received (Swedish time)"
          hint="YYYY-MM-DDTHH:MM"
          className="mono"
        />
        <TextField binding={form.field('externalRef')} label="Helpdesk reference" optional />
      </div>
      <TextField binding={form.field('externalUrl')} label="Helpdesk link" optional />
      <fieldset className="fieldset">
        <legend>What a good ticket holds</legend>
        <div className="form__row">
          <TextField binding={form.field('affectedUsers')} label="Affected users (examples)" optional />
          <TextField binding={form.field('schoolAndClass')} label="School and class" optional />
        </div>
        <div className="form__row">
          <TextField binding={form.field('problemStarted')} label="When it started" optional />
          <TextField binding={form.field('browser')} label="Browser" optional />
        </div>
        <TextField binding={form.field('pageLinks')} label="Links to the page" optional />
        <CheckboxField binding={form.field('hasScreenshot')} label="A screenshot of the error is attached" />
        {missing.length > 0 && (
          <p className="callout" role="note" data-testid="ticket-completeness">
            Still missing: {missing.join(', ')}.
          </p>
        )}
      </fieldset>
    </FormDialog>
  );
}
