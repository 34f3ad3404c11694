import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CustomerDetail } from '../../../common/registry/model.ts';
import type { TicketView } from '../../../common/tickets/model.ts';
import { slaState } from '../../../common/tickets/slaState.ts';
import { Badge } from '../../components/Badge.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDayTime } from '../../i18n/format.ts';
import { selectMayCall } from '../../store/app/selectors.ts';
import { errorMessage } from '../../store/errorMessage.ts';
import { useAppStore, useTicketsStore } from '../../store/StoreProvider.tsx';
import { slaTone } from './ticketTones.ts';
import { TicketFormDialog } from './TicketFormDialog.tsx';
import './tickets.css';

/** The customer's tickets, newest first, each a link to its page; and "New ticket" for this customer. */
export function CustomerTicketsSection({ detail }: { detail: CustomerDetail }) {
  const { t } = useTranslation('tickets');
  const ticketsOf = useTicketsStore((s) => s.ticketsOf);
  // The working list reloads on every ticket change; following it reloads this one too.
  const listVersion = useTicketsStore((s) => s.tickets);
  const now = useTicketsStore((s) => s.now);
  const mayCreate = useAppStore(selectMayCall('tickets.save'));
  const [tickets, setTickets] = useState<TicketView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let current = true;
    ticketsOf(detail.id)
      .then((list) => {
        if (!current) return;
        setTickets([...list].sort((a, b) => b.receivedAt - a.receivedAt));
        setError(null);
      })
      .catch((failure: unknown) => current && setError(errorMessage(failure)));
    return () => {
      current = false;
    };
  }, [detail.id, ticketsOf, listVersion]);

  return (
    <Section
      title={
        <>
          {t('customer.title')} {tickets && `(${tickets.length})`}
        </>
      }
      action={
        mayCreate && (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('customer.newTicket')}
          </button>
        )
      }
    >
      {error && (
        <p className="form-errors" role="alert">
          {t('customer.loadError', { message: error })}
        </p>
      )}
      {tickets && tickets.length === 0 && <p className="section__empty">{t('customer.empty')}</p>}
      {tickets && tickets.length > 0 && (
        <div className="card tickets__card">
          <table className="table" aria-label={t('customer.label', { customer: detail.name })}>
            <thead>
              <tr>
                <th scope="col">{t('customer.received')}</th>
                <th scope="col">{t('customer.subject')}</th>
                <th scope="col">{t('customer.status')}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((ticket) => {
                const sla = slaState(ticket, now);
                return (
                  <tr key={ticket.id} data-testid="customer-ticket-row">
                    <td className="mono tickets__time">{formatDayTime(ticket.receivedAt)}</td>
                    <td className="tickets__subject">
                      <Link href={`/tickets/${ticket.id}`} className="cell-strong tickets__subject-link">
                        {ticket.subject}
                      </Link>
                      {ticket.externalRef && <span className="muted"> · {ticket.externalRef}</span>}
                    </td>
                    <td>
                      {t(`status.${ticket.status}`)} <Badge tone={slaTone[sla]}>{t(`sla.${sla}`)}</Badge>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {creating && <TicketFormDialog customerId={detail.id} onClose={() => setCreating(false)} />}
    </Section>
  );
}
