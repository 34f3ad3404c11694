import { keyedError } from '../../common/api/errors.ts';
import type { AuditEventCode, AuditEventView } from '../../common/audit/auditEvents.ts';
import {
  accessExportEvents,
  type AccessExportRow,
  type AccessReport,
  type AccessSessionRow,
} from '../../common/reports/accessReport.ts';
import type { SessionKind, SessionState } from '../../common/sessions/model.ts';
import { readableEventsIn } from '../audit/auditTrail.node.ts';
import type { Db } from '../store/database.node.ts';
import { daysOfPeriod } from './reportPeriod.ts';

/*
 * The access report of one customer for a period [from, to): who was connected to which of its servers, when and for
 * which ticket, and which exports and reveals concern it. Tickets appear by helpdesk reference and id only, never by
 * subject or requester (personal data that the summer purge takes), and an override by yes/no, never its reason.
 */

interface Period {
  customerId: string;
  from: number;
  to: number;
}

export async function accessReport(db: Db, period: Period): Promise<AccessReport> {
  const customer = await db
    .selectFrom('customers')
    .select(['id', 'name', 'org_number', 'created_at'])
    .where('id', '=', period.customerId)
    .executeTakeFirst();
  if (!customer) throw keyedError('NOT_FOUND', 'records.noSuchCustomer');
  const [sessions, exports] = await Promise.all([
    sessionRows(db, period),
    exportRows(db, period, customer.created_at),
  ]);
  return {
    customerId: customer.id,
    customerName: customer.name,
    orgNumber: customer.org_number,
    from: period.from,
    to: period.to,
    sessions,
    exports,
  };
}

/**
 * Every session for one of the customer's tickets that was connected at some moment of the period (opened before its
 * end, and live or closed after its start). The session gate only opens a ticket's session in an environment of the
 * ticket's customer, and a ticket cannot be deleted from under its sessions, so the ticket is what ties a session to
 * the customer even after its environment or server was deleted.
 */
async function sessionRows(db: Db, { customerId, from, to }: Period): Promise<AccessSessionRow[]> {
  const rows = await db
    .selectFrom('sessions as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .leftJoin('users as u', 'u.id', 's.technician_id')
    .leftJoin('environments as e', 'e.id', 's.environment_id')
    .leftJoin('servers as v', 'v.id', 's.server_id')
    .select([
      's.id',
      's.kind',
      's.title',
      's.state',
      's.opened_at',
      's.closed_at',
      's.end_code',
      's.technician_id',
      's.environment_id',
      's.server_id',
      's.recording_id',
      's.override_reason',
      's.ticket_id',
      't.external_ref',
      'u.name as technician_name',
      'e.name as environment_name',
      'v.host as server_host',
      'v.role as server_role',
    ])
    .where('t.customer_id', '=', customerId)
    .where('s.opened_at', '<', to)
    .where((eb) => eb.or([eb('s.closed_at', 'is', null), eb('s.closed_at', '>=', from)]))
    .orderBy('s.opened_at')
    .orderBy('s.id')
    .execute();
  return rows.map((row) => ({
    sessionId: row.id,
    technicianId: row.technician_id,
    technicianName: row.technician_name ?? row.technician_id,
    environmentId: row.environment_id,
    environmentName: row.environment_name,
    kind: row.kind as SessionKind,
    serverHost: row.server_id === null ? null : (row.server_host ?? hostOfTitle(row.title)),
    serverRole: row.server_role,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    durationSeconds:
      row.closed_at === null ? null : Math.max(0, Math.round((row.closed_at - row.opened_at) / 1000)),
    state: row.state as SessionState,
    endCode: row.end_code,
    ticketId: row.ticket_id,
    ticketRef: row.external_ref,
    recorded: row.recording_id !== null,
    overridden: row.override_reason !== null,
  }));
}

/** An SSH session's title is `user@host[:port]` of its target: the host, for a server deleted since. */
function hostOfTitle(title: string): string {
  return title.slice(title.lastIndexOf('@') + 1);
}

/** What ties an event to the customer, and what a person knows it by; null when the event does not concern it. */
type Attribution = (event: AuditEventView) => string | null;

/**
 * The exports and reveals of the period that concern the customer, in the order they were written. Each kind of
 * event names what it touched in its own way (see `attributions`); an event that names nothing of this customer is
 * left out rather than guessed at.
 */
async function exportRows(db: Db, { customerId, from, to }: Period, customerCreatedAt: number) {
  // Sealed details (a revealed account's username) come opened, to name what was exported; `gallrad` once purged.
  const events = await readableEventsIn(db, accessExportEvents, { from, to });
  const attribute = await attributions(db, customerId, customerCreatedAt, events);
  const rows: AccessExportRow[] = [];
  for (const event of events) {
    const ref = attribute[event.event as (typeof accessExportEvents)[number]](event);
    if (ref === null) continue;
    rows.push({
      seq: event.seq,
      event: event.event,
      at: event.at,
      actorId: event.actorId,
      actorName: event.actorName,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      subjectRef: ref,
    });
  }
  return rows;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** How each listed event is tied to a customer, with what it needs read from the store once for the whole period. */
async function attributions(
  db: Db,
  customerId: string,
  customerCreatedAt: number,
  events: readonly AuditEventView[],
): Promise<Record<(typeof accessExportEvents)[number], Attribution>> {
  const subjects = (code: AuditEventCode) =>
    events.flatMap((event) => (event.event === code && event.subjectId ? [event.subjectId] : []));
  const recordingIds = subjects('recording.exported');
  const accountIds = subjects('secret.revealed');

  const [recordings, accounts, environments, batches] = await Promise.all([
    recordingIds.length === 0
      ? []
      : db
          .selectFrom('sessions as s')
          .innerJoin('tickets as t', 't.id', 's.ticket_id')
          .select(['s.recording_id', 't.customer_id', 't.external_ref'])
          .where('s.recording_id', 'in', recordingIds)
          .execute(),
    accountIds.length === 0
      ? []
      : db
          .selectFrom('support_accounts')
          .select(['id', 'environment_id'])
          .where('id', 'in', accountIds)
          .execute(),
    db.selectFrom('environments').select('id').where('customer_id', '=', customerId).execute(),
    db.selectFrom('billing_batches').select('number').where('customer_id', '=', customerId).execute(),
  ]);
  const recordingTickets = new Map(
    recordings.filter((r) => r.customer_id === customerId).map((r) => [r.recording_id, r.external_ref]),
  );
  const accountEnvironment = new Map(accounts.map((a) => [a.id, a.environment_id]));
  const ownEnvironments = new Set(environments.map((e) => e.id));
  const ownBatches = new Set(batches.map((b) => b.number));

  return {
    // The recording's session is for a ticket of the customer's.
    'recording.exported': (event) =>
      event.subjectId === null ? null : (recordingTickets.get(event.subjectId) ?? null),
    // The revealed account is in one of the customer's environments; the event names the environment, so a reveal
    // still counts after its account was deleted.
    'secret.revealed': ({ subjectId, details }) => {
      const environmentId = text(details.environmentId) ?? accountEnvironment.get(subjectId ?? '') ?? null;
      return environmentId !== null && ownEnvironments.has(environmentId)
        ? (text(details.username) ?? '')
        : null;
    },
    // A customer's own export, or an export of every customer that took one of this customer's approved batches.
    // An all-customer preview of an open month names no customers: see docs/access-report.md.
    'billing.exported': ({ subjectType, subjectId, details }) => {
      const month = text(details.month) ?? '';
      if (subjectType === 'customer') return subjectId === customerId ? month : null;
      const numbers = Array.isArray(details.batches) ? details.batches : [];
      return numbers.some((n) => typeof n === 'number' && ownBatches.has(n)) ? month : null;
    },
    // The export with secrets is always the whole registry: every customer there was at the time.
    'registry.exported_with_secrets': ({ at, details }) =>
      at >= customerCreatedAt ? `whole registry (${String(details.customers ?? '?')} customers)` : null,
    'report.access_exported': ({ subjectId, details }) => (subjectId === customerId ? periodRef(details) : null),
  };
}

/** An access report's period as the days it covered: `2026-11-01 – 2026-11-30`. */
function periodRef(details: Record<string, unknown>): string {
  if (typeof details.from !== 'number' || typeof details.to !== 'number') return '';
  const { firstDay, lastDay } = daysOfPeriod(details.from, details.to);
  return `${firstDay} – ${lastDay}`;
}
