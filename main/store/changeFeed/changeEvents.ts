import { z } from 'zod';
import type { EventName, EventPayload } from '../../../common/api/contract.ts';
import { WATCHED_TABLES, type ChangeNotice, type WatchedTable } from './changeChannel.ts';

/** One of the backend's events, ready to emit. */
export type BackendEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

/** Which of the backend's existing events a change of each table is: the ones its own handlers emit for that write. */
const EVENT_OF_TABLE: Record<WatchedTable, 'registry' | 'tickets' | 'billing'> = {
  customers: 'registry',
  contacts: 'registry',
  environments: 'registry',
  servers: 'registry',
  support_accounts: 'registry',
  agreements: 'registry',
  dpas: 'registry',
  maintenance_notices: 'registry',
  certificates: 'registry',
  tickets: 'tickets',
  ticket_escalations: 'tickets',
  time_entries: 'tickets',
  sessions: 'tickets',
  billing_batches: 'billing',
  billing_adjustments: 'billing',
};

type ListPart = NonNullable<EventPayload<'registry.changed'>['touched']>[number];

/**
 * Which of the customer list's follow-up parts a registry table's rows show in (registry.changed's `touched`, as the
 * registry's handlers name it): an environment's name is on its servers. The other tables' rows are in neither.
 */
const LIST_PART_OF_TABLE: Partial<Record<WatchedTable, ListPart>> = {
  contacts: 'contacts',
  environments: 'servers',
  servers: 'servers',
};
const LIST_PARTS: readonly ListPart[] = ['servers', 'contacts'];

/**
 * Past this many records of one kind in one tick (an import, a month's approval of a large customer), naming each is
 * worth less than one reload: the registry's list is said to have changed as a whole, and tickets or billing months
 * as `store.resynced`.
 */
export const MOST_NAMED_PER_TICK = 50;

const noticeSchema = z.object({
  table: z.enum(WATCHED_TABLES),
  op: z.enum(['insert', 'update', 'delete']),
  id: z.string(),
  customerId: z.string().optional(),
  ticketId: z.string().optional(),
  month: z.string().optional(),
});

/** A notification's payload as the trigger of migration 0025 writes it, or null for anything else. */
export function parseChangeNotice(payload: string): ChangeNotice | null {
  try {
    const parsed = noticeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? (parsed.data as ChangeNotice) : null;
  } catch {
    return null;
  }
}

/**
 * The events one tick's notices come to: one per customer, ticket or customer's month however many rows of it
 * changed, so an import of thousands of rows is a handful of events, not thousands.
 */
export function eventsOfNotices(notices: readonly ChangeNotice[]): BackendEvent[] {
  // Each named customer with the list's parts its rows touched.
  const customers = new Map<string | null, Set<ListPart>>();
  const customer = (id: string | undefined) => {
    const key = id ?? null;
    let parts = customers.get(key);
    if (!parts) customers.set(key, (parts = new Set()));
    return parts;
  };
  const tickets = new Map<string, string>();
  const months = new Map<string, { month: string; customerId: string }>();
  for (const notice of notices) {
    const kind = EVENT_OF_TABLE[notice.table];
    if (kind === 'registry') {
      const parts = customer(notice.customerId);
      const part = LIST_PART_OF_TABLE[notice.table];
      if (part) parts.add(part);
    } else if (kind === 'tickets') {
      // A row whose ticket or customer is gone (deleted with it) changes the list its customer's page shows.
      if (notice.ticketId !== undefined && notice.customerId !== undefined) {
        tickets.set(notice.ticketId, notice.customerId);
      } else if (notice.table === 'tickets' && notice.customerId !== undefined) {
        tickets.set(notice.id, notice.customerId);
      } else customer(notice.customerId);
    } else if (notice.month !== undefined && notice.customerId !== undefined) {
      months.set(`${notice.customerId} ${notice.month}`, {
        month: notice.month,
        customerId: notice.customerId,
      });
    }
  }
  if (tickets.size > MOST_NAMED_PER_TICK || months.size > MOST_NAMED_PER_TICK) {
    return [{ event: 'store.resynced', payload: { reason: 'external-change' } }];
  }
  const events: BackendEvent[] = [];
  // The whole list's change does not say what it touched: every part is asked for again.
  if (customers.has(null) || customers.size > MOST_NAMED_PER_TICK) {
    events.push({ event: 'registry.changed', payload: { customerId: null } });
  } else {
    for (const [customerId, parts] of customers) {
      const touched = LIST_PARTS.filter((part) => parts.has(part));
      events.push({ event: 'registry.changed', payload: { customerId, touched } });
    }
  }
  for (const [ticketId, customerId] of tickets) {
    events.push({ event: 'tickets.changed', payload: { ticketId, customerId } });
  }
  for (const payload of months.values()) events.push({ event: 'billing.changed', payload });
  return events;
}

/**
 * Gathers notices for one tick after the first and hands over their events together: a burst of notifications (an
 * import's transaction commits all of its rows' at once) becomes one batch.
 */
export class ChangeCoalescer {
  private pending: ChangeNotice[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly emit: (event: BackendEvent) => void,
    private readonly tickMs = 100,
  ) {}

  add(notice: ChangeNotice): void {
    this.pending.push(notice);
    this.timer ??= setTimeout(() => this.flush(), this.tickMs);
  }

  /** Emits what is pending now (and stops waiting for the tick). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const notices = this.pending;
    this.pending = [];
    for (const event of eventsOfNotices(notices)) this.emit(event);
  }

  /** Drops what is pending: the store is locking, and nobody is left to tell. */
  discard(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }
}
