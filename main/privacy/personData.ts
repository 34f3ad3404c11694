import { TIME_LIST_MAX_PAGE, type TimeEntryView } from '../../common/time/model.ts';
import type { ContactView } from '../../common/registry/model.ts';
import type { TicketView } from '../../common/tickets/model.ts';
import { getCustomerDetail, listCustomerSummaries } from '../registry/customerRepository.ts';
import type { Db } from '../store/database.node.ts';
import { listTickets } from '../tickets/ticketRepository.ts';
import { listTimeEntries } from '../time/timeEntryRepository.ts';

/*
 * Finds one person's data for a GDPR request. Personal columns are sealed at rest, so matching reads them through the
 * repositories' own read functions (which open the sealed text) and compares in memory: never a raw column, and never
 * a SQL comparison against ciphertext. A purged ticket reads as purged and matches no one.
 */

export interface PersonMatches {
  tickets: TicketView[];
  contacts: (ContactView & { customerName: string })[];
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function findPersonData(db: Db, email: string): Promise<PersonMatches> {
  const tickets = (await listTickets(db)).filter((t) => sameAddress(t.requesterEmail, email));
  const contacts: PersonMatches['contacts'] = [];
  for (const summary of await listCustomerSummaries(db)) {
    if (!summary.contacts.some((c) => sameAddress(c.email, email))) continue;
    const detail = await getCustomerDetail(db, summary.id);
    for (const contact of detail.contacts) {
      if (sameAddress(contact.email, email)) contacts.push({ ...contact, customerName: detail.name });
    }
  }
  return { tickets, contacts };
}

/** Every time entry of a ticket, page by page. */
export async function timeEntriesOfTicket(db: Db, ticketId: string): Promise<TimeEntryView[]> {
  const entries: TimeEntryView[] = [];
  for (;;) {
    const last = entries.at(-1);
    const page = await listTimeEntries(db, {
      ticketId,
      limit: TIME_LIST_MAX_PAGE,
      ...(last ? { after: { startedAt: last.startedAt, id: last.id } } : {}),
    });
    entries.push(...page);
    if (page.length < TIME_LIST_MAX_PAGE) return entries;
  }
}
