import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  NO_DPA_WARNING,
  missingTicketDetails,
  ticketPriorities,
  ticketStatuses,
  type TicketView,
} from '../../../common/tickets/model.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { serviceOptions } from '../../store/contracts/selectors.ts';
import type { TicketCustomerContext } from '../../store/tickets/action.ts';
import { useRegistryStore, useTicketsStore } from '../../store/StoreProvider.tsx';
import {
  ticketFormSpecNaming,
  ticketFormValues,
  ticketPriorityLabels,
  ticketSaveCall,
  ticketStatusLabels,
} from './ticketForm.ts';

const noContext: TicketCustomerContext = { agreements: [], environments: [], noDpa: false };

/** A ticket as it came in from the helpdesk: who, about what, when; and what a good ticket still lacks. */
export function TicketFormDialog({
  onClose,
  customerId,
  ticket,
}: {
  onClose(): void;
  customerId?: string;
  ticket?: TicketView;
}) {
  const save = useTicketsStore((s) => s.save);
  const customers = useRegistryStore((s) => s.customers);
  const contextOf = useTicketsStore((s) => s.contextOf);
  const onSubmit = useCallback(
    async (input: unknown, _values: unknown, rowVersion: number | undefined) => {
      await save(ticketSaveCall(input, ticket, rowVersion));
      onClose();
    },
    [onClose, save, ticket],
  );
  // "Received" defaults to when the form was opened, Swedish time.
  const [openedAt] = useState(() => Date.now());
  const [context, setContext] = useState<TicketCustomerContext>(noContext);
  const customerIds = customers.map((c) => c.id);
  const customerLabels = useMemo(
    () => Object.fromEntries(customers.map((c) => [c.id, `${c.name} (${c.orgNumber})`])),
    [customers],
  );
  const services = useMemo(() => serviceOptions(context.agreements), [context.agreements]);
  const serviceIds = ['', ...services.map((s) => s.id)];
  const serviceLabels = useMemo(
    () => Object.fromEntries([['', 'Not stated'], ...services.map((s) => [s.id, s.label])]),
    [services],
  );
  const environmentIds = ['', ...context.environments.map((e) => e.id)];
  const environmentLabels = useMemo(
    () => Object.fromEntries([['', 'Not stated'], ...context.environments.map((e) => [e.id, e.name])]),
    [context.environments],
  );
  // The conflict panel names the customer, service and environment as the selects do.
  const spec = useMemo(
    () =>
      ticketFormSpecNaming({
        customers: customerLabels,
        services: serviceLabels,
        environments: environmentLabels,
      }),
    [customerLabels, environmentLabels, serviceLabels],
  );
  const form = useForm(
    spec,
    ticketFormValues(openedAt, ticket, customerId ?? customers[0]?.id ?? ''),
    onSubmit,
    ticket?.rowVersion,
  );
  const chosenCustomer = form.values.customerId;
  useEffect(() => {
    let current = true;
    if (chosenCustomer === '') return;
    contextOf(chosenCustomer)
      .then((found) => current && setContext(found))
      .catch(() => current && setContext(noContext));
    return () => {
      current = false;
    };
  }, [contextOf, chosenCustomer]);

  const contacts = customers.find((c) => c.id === chosenCustomer)?.contacts ?? [];
  const missing = missingTicketDetails(form.values);

  const serviceField = form.field('serviceId');
  const environmentField = form.field('environmentId');
  const requesterName = form.field('requesterName');
  const requesterEmail = form.field('requesterEmail');
  const customerField = form.field('customerId');
  // Services and environments belong to one customer.
  const chooseCustomer = {
    ...customerField,
    onChange(customerId: string) {
      customerField.onChange(customerId);
      serviceField.onChange('');
      environmentField.onChange('');
    },
  };
  // A service runs in one environment, so choosing it answers "which environment" too.
  const chooseService = {
    ...serviceField,
    onChange(serviceId: string) {
      serviceField.onChange(serviceId);
      const runsIn = context.agreements
        .flatMap((agreement) => agreement.services)
        .find((service) => service.id === serviceId)?.environmentId;
      if (runsIn) environmentField.onChange(runsIn);
    },
  };

  return (
    <FormDialog
      title={ticket ? `Edit ticket “${ticket.subject}”` : 'New ticket'}
      submitLabel={ticket ? 'Save ticket' : 'Create ticket'}
      form={form}
      onClose={onClose}
      size="wide"
    >
      <div className="form__row">
        <SelectField
          binding={chooseCustomer}
          label="Customer"
          options={customerIds}
          labels={customerLabels}
        />
        <SelectField binding={chooseService} label="Service" options={serviceIds} labels={serviceLabels} />
      </div>
      <div className="form__row">
        <SelectField
          binding={environmentField}
          label="Environment"
          options={environmentIds}
          labels={environmentLabels}
        />
        <SelectField
          binding={form.field('priority')}
          label="Priority"
          options={ticketPriorities}
          labels={ticketPriorityLabels}
        />
      </div>
      {context.noDpa && (
        <p className="callout" role="alert" data-testid="dpa-warning">
          {NO_DPA_WARNING}
        </p>
      )}
      <div className="form__row">
        <TextField binding={requesterName} label="Requester" autoFocus />
        <TextField binding={requesterEmail} label="Requester e-mail" type="email" />
      </div>
      {contacts.length > 0 ? (
        <div className="tickets__contacts" role="group" aria-label="Named support contacts">
          <span className="muted">Named contacts:</span>
          {contacts.map((contact) => (
            <button
              key={contact.email}
              type="button"
              className="button button--quiet button--small"
              aria-pressed={requesterEmail.value === contact.email}
              onClick={() => {
                requesterName.onChange(contact.name);
                requesterEmail.onChange(contact.email);
              }}
            >
              {contact.name}
            </button>
          ))}
        </div>
      ) : (
        <p className="field__hint">This customer has no named support contacts.</p>
      )}
      <TextField binding={form.field('subject')} label="Subject" />
      <TextAreaField binding={form.field('description')} label="Description" optional rows={3} />
      <div className="form__row">
        <SelectField
          binding={form.field('status')}
          label="Status"
          options={ticketStatuses}
          labels={ticketStatusLabels}
        />
        <TextField
          binding={form.field('receivedAt')}
          label="Received (Swedish time)"
          hint="YYYY-MM-DDTHH:MM"
          className="mono"
        />
      </div>
      <div className="form__row">
        <TextField binding={form.field('externalRef')} label="Helpdesk reference" optional />
        <TextField binding={form.field('externalUrl')} label="Helpdesk link" optional />
      </div>
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
