import { foldForSearch } from '../../../common/registry/search.ts';
import type { TicketView } from '../../../common/tickets/model.ts';

/**
 * The tickets whose reference holds what was typed (`4711`, `#4711`, `fd-4711`), when it looks like a reference:
 * one word with a digit in it. Names and hosts are never taken for references.
 */
export function ticketsByReference<T extends Pick<TicketView, 'externalRef'>>(
  tickets: readonly T[],
  query: string,
): T[] {
  const wanted = foldForSearch(query.trim()).replace(/^#/, '');
  if (wanted === '' || /\s/.test(wanted) || !/\d/.test(wanted)) return [];
  return tickets.filter(
    (ticket) => ticket.externalRef !== '' && foldForSearch(ticket.externalRef).includes(wanted),
  );
}
