import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  missingTicketDetails,
  ticketPriorities,
  ticketStatuses,
  type TicketView,
} from '../../../common/tickets/model.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { serviceOptions } from '../../store/contracts/selectors.ts';
import { selectContactsReadiness } from '../../store/registry/slices/customerList/selectors.ts';
import type { TicketCustomerContext } from '../../store/tickets/action.ts';
import { useRegistryStore, useTicketsStore } from '../../store/StoreProvider.tsx';
import {
  ticketFormSpecNaming,
  ticketFormValues,
  ticketPriorityLabels,
  ticketSaveCall,
  ticketStatusLabels,
  missingInWords,
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
  const { t } = useTranslation('tickets');
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
    () => Object.fromEntries([['', t('form.notStated')], ...services.map((s) => [s.id, s.label])]),
    [services, t],
  );
  const environmentIds = ['', ...context.environments.map((e) => e.id)];
  const environmentLabels = useMemo(
    () => Object.fromEntries([['', t('form.notStated')], ...context.environments.map((e) => [e.id, e.name])]),
    [context.environments, t],
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

  // The contacts follow the list's first paint: right after unlock the form says they are coming, then shows them.
  const contacts = customers.find((c) => c.id === chosenCustomer)?.contacts ?? [];
  const contactsReadiness = useRegistryStore((s) => selectContactsReadiness(s, chosenCustomer));
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
      title={ticket ? t('form.editTitle', { subject: ticket.subject }) : t('form.newTitle')}
      submitLabel={ticket ? t('form.save') : t('form.create')}
      form={form}
      onClose={onClose}
      size="wide"
    >
      <div className="form__row">
        <SelectField
          binding={chooseCustomer}
          label={t('form.customer')}
          options={customerIds}
          labels={customerLabels}
        />
        <SelectField
          binding={chooseService}
          label={t('form.service')}
          options={serviceIds}
          labels={serviceLabels}
        />
      </div>
      <div className="form__row">
        <SelectField
          binding={environmentField}
          label={t('form.environment')}
          options={environmentIds}
          labels={environmentLabels}
        />
        <SelectField
          binding={form.field('priority')}
          label={t('form.priority')}
          options={ticketPriorities}
          labels={ticketPriorityLabels()}
        />
      </div>
      {context.noDpa && (
        <p className="callout" role="alert" data-testid="dpa-warning">
          {t('noDpaWarning')}
        </p>
      )}
      <div className="form__row">
        <TextField binding={requesterName} label={t('form.requester')} autoFocus />
        <TextField binding={requesterEmail} label={t('form.requesterEmail')} type="email" />
      </div>
      {contacts.length > 0 ? (
        <div className="tickets__contacts" role="group" aria-label={t('form.contactsGroup')}>
          <span className="muted">{t('form.contacts')}</span>
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
        <p className="field__hint" role="status">
          {t(
            contactsReadiness === 'loading'
              ? 'form.contactsLoading'
              : contactsReadiness === 'failed'
                ? 'form.contactsFailed'
                : 'form.noContacts',
          )}
        </p>
      )}
      <TextField binding={form.field('subject')} label={t('form.subject')} />
      <TextAreaField binding={form.field('description')} label={t('form.description')} optional rows={3} />
      <div className="form__row">
        <SelectField
          binding={form.field('status')}
          label={t('form.status')}
          options={ticketStatuses}
          labels={ticketStatusLabels()}
        />
        <TextField
          binding={form.field('receivedAt')}
          label={t('form.received')}
          hint={t('receivedHint')}
          className="mono"
        />
      </div>
      <div className="form__row">
        <TextField binding={form.field('externalRef')} label={t('form.externalRef')} optional />
        <TextField binding={form.field('externalUrl')} label={t('form.externalUrl')} optional />
      </div>
      <fieldset className="fieldset">
        <legend>{t('form.goodTicket')}</legend>
        <div className="form__row">
          <TextField binding={form.field('affectedUsers')} label={t('form.affectedUsers')} optional />
          <TextField binding={form.field('schoolAndClass')} label={t('form.schoolAndClass')} optional />
        </div>
        <div className="form__row">
          <TextField binding={form.field('problemStarted')} label={t('form.problemStarted')} optional />
          <TextField binding={form.field('browser')} label={t('form.browser')} optional />
        </div>
        <TextField binding={form.field('pageLinks')} label={t('form.pageLinks')} optional />
        <CheckboxField binding={form.field('hasScreenshot')} label={t('hasScreenshot')} />
        {missing.length > 0 && (
          <p className="callout" role="note" data-testid="ticket-completeness">
            {t('missingDetails.stillMissing', { list: missingInWords(missing) })}
          </p>
        )}
      </fieldset>
    </FormDialog>
  );
}
