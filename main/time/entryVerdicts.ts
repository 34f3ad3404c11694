import type { TimeEntryView } from '../../common/time/model.ts';
import { evaluateEligibility } from '../agreements/eligibility.ts';
import { loadFacts } from '../agreements/eligibilityService.ts';
import type { Db } from '../store/database.node.ts';

/**
 * Each entry's eligibility verdict for its ticket at the entry's start, for the time view: whether the work was
 * covered by an agreement in force, for a covered service, under a DPA, with access (a few queries per list).
 */
export async function withVerdicts(db: Db, entries: TimeEntryView[]): Promise<TimeEntryView[]> {
  if (entries.length === 0) return entries;
  const ticketIds = [...new Set(entries.map((e) => e.ticketId))];
  const tickets: { id: string; environment_id: string | null; service_id: string | null }[] = [];
  // SQLite takes at most a few thousand values in one `IN`.
  for (let i = 0; i < ticketIds.length; i += 500) {
    tickets.push(
      ...(await db
        .selectFrom('tickets')
        .select(['id', 'environment_id', 'service_id'])
        .where('id', 'in', ticketIds.slice(i, i + 500))
        .execute()),
    );
  }
  const ticketById = new Map(tickets.map((t) => [t.id, t]));
  const facts = await loadFacts(db, [...new Set(entries.map((e) => e.customerId))]);
  return entries.map((entry) => {
    const ticket = ticketById.get(entry.ticketId);
    const customerFacts = facts.get(entry.customerId);
    if (!ticket || !customerFacts) return entry;
    const verdict = evaluateEligibility(customerFacts, {
      at: entry.startedAt,
      environmentId: ticket.environment_id,
      serviceId: ticket.service_id,
    });
    return { ...entry, verdict };
  });
}
