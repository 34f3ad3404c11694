/**
 * What a team database's change feed says, and on which channel: the triggers of migration 0025 send one notification
 * per written row, the listener (teamChangeListener.node.ts) reads them. Ids only, never a name or a note: every
 * member's listener receives every notification whatever the rows' policies would let them read, so a payload holds
 * nothing a member of any role may not know (that a row with this id changed), and stays far below PostgreSQL's
 * 8000-byte limit.
 */
export const CHANGE_CHANNEL = 'lotsen_changes';

/** The tables whose changes members see: everything a member's UI lists, counts or shows open. */
export const WATCHED_TABLES = [
  'customers',
  'contacts',
  'environments',
  'servers',
  'support_accounts',
  'agreements',
  'dpas',
  'maintenance_notices',
  'certificates',
  'tickets',
  'ticket_escalations',
  'time_entries',
  'sessions',
  'billing_batches',
  'billing_adjustments',
] as const;

export type WatchedTable = (typeof WATCHED_TABLES)[number];

/** One notification's payload, as the trigger function writes it (absent keys: the row has no such id). */
export interface ChangeNotice {
  table: WatchedTable;
  op: 'insert' | 'update' | 'delete';
  /** The row's id (a ticket's escalation has none of its own: its ticket's). */
  id: string;
  /** The customer the row belongs to, looked up through its environment or ticket where it names none itself. */
  customerId?: string;
  ticketId?: string;
  /** YYYY-MM: a billing batch's or adjustment's month. */
  month?: string;
}
