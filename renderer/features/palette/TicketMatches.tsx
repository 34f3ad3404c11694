import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useRegistryStore, useTicketsStore } from '../../store/StoreProvider.tsx';
import { ticketsByReference } from './ticketReference.ts';

/**
 * Under the top search box: the tickets whose reference was typed, each a link to its page; `otherwise` when none
 * is (so "No customer matches" appears only when no ticket does either).
 */
export function TicketMatches({ otherwise = null }: { otherwise?: ReactNode }) {
  const { t } = useTranslation('palette');
  const query = useRegistryStore((s) => s.query);
  const tickets = useTicketsStore((s) => s.tickets);
  const found = ticketsByReference(tickets, query);
  if (found.length === 0) return otherwise;
  return (
    <ul className="ticket-matches" aria-label={t('search.ticketsFound', { query: query.trim() })}>
      {found.map((ticket) => (
        <li key={ticket.id}>
          <Link href={`/tickets/${ticket.id}`}>
            {t('search.ticketFound', {
              reference: ticket.externalRef,
              subject: ticket.subject,
              customer: ticket.customerName,
            })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
