import type { Insertable, Updateable } from 'kysely';
import { errorDetailSchema } from '../../common/api/errorDetails/index.ts';
import type { Reason } from '../../common/agreements/verdict.ts';
import {
  hostKeyChangeSchema,
  liveSessionStates,
  type HostKeyChange,
  type SessionChoices,
  type SessionKind,
  type SessionState,
  type SessionView,
  type SshAuthChoice,
} from '../../common/sessions/model.ts';
import { PURGED_TEXT } from '../personalData/personalDataKeys.ts';
import { openColumns } from '../personalData/sealedColumns.ts';
import type { Db } from '../store/database.node.ts';
import type { SessionsTable } from '../store/schema.ts';

const sessionColumns = (db: Db) =>
  db
    .selectFrom('sessions')
    .innerJoin('tickets', 'tickets.id', 'sessions.ticket_id')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .selectAll('sessions')
    .select([
      'tickets.external_ref as ticket_ref',
      'tickets.subject as ticket_subject',
      'customers.id as customer_id',
      'customers.name as customer_name',
    ]);

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionColumns>['executeTakeFirstOrThrow']>>;

export async function insertSession(db: Db, row: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function updateSession(
  db: Db,
  id: string,
  changes: Omit<Updateable<SessionsTable>, 'id' | 'ticket_id' | 'technician_id'>,
): Promise<void> {
  await db.updateTable('sessions').set(changes).where('id', '=', id).execute();
}

/** Ends a session only if it is still live, and says whether it did: two processes may try to end the same one. */
export async function endLiveSession(
  db: Db,
  id: string,
  end: Pick<Updateable<SessionsTable>, 'state' | 'closed_at' | 'end_code' | 'end_message' | 'end_details'>,
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set(end)
    .where('id', '=', id)
    .where('state', 'in', [...liveSessionStates])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Whose session it is, or null when there is no such session. */
export async function sessionTechnician(db: Db, id: string): Promise<string | null> {
  const row = await db.selectFrom('sessions').select('technician_id').where('id', '=', id).executeTakeFirst();
  return row?.technician_id ?? null;
}

export async function getSession(db: Db, id: string): Promise<SessionView | null> {
  const row = await sessionColumns(db).where('sessions.id', '=', id).executeTakeFirst();
  return row ? (await sessionViews(db, [row]))[0]! : null;
}

export async function listSessions(
  db: Db,
  filter: {
    live: boolean;
    ticketId?: string;
    /** Only this person's sessions (a technician sees only their own). */
    technicianId?: string;
  },
): Promise<SessionView[]> {
  let query = sessionColumns(db);
  if (filter.technicianId) query = query.where('sessions.technician_id', '=', filter.technicianId);
  if (filter.live) query = query.where('sessions.state', 'in', [...liveSessionStates]);
  if (filter.ticketId) query = query.where('sessions.ticket_id', '=', filter.ticketId);
  const rows = await query.orderBy('sessions.opened_at', 'desc').limit(500).execute();
  return sessionViews(db, rows);
}

/** Sessions the store says are live whose owner `isStale` says is gone, as closing their books needs them. */
export async function staleLiveSessions(db: Db, isStale: (owner: string) => boolean) {
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('tickets', 'tickets.id', 'sessions.ticket_id')
    .select([
      'sessions.id',
      'sessions.owner',
      'sessions.title',
      'sessions.ticket_id',
      'tickets.customer_id',
      'sessions.opened_at',
      'sessions.recording_id',
      'sessions.time_entry_id',
    ])
    .where('sessions.state', 'in', [...liveSessionStates])
    .orderBy('sessions.opened_at')
    .execute();
  return rows.filter((row) => isStale(row.owner));
}

/** The last moment a recording holds anything (the start of its newest batch); null when it holds nothing. */
export async function lastRecordedAt(db: Db, recordingId: string): Promise<number | null> {
  const last = await db
    .selectFrom('recording_chunks')
    .innerJoin('recordings', 'recordings.id', 'recording_chunks.recording_id')
    .select((eb) =>
      eb.fn.max(eb('recordings.started_at', '+', eb.ref('recording_chunks.offset_ms'))).as('at'),
    )
    .where('recording_chunks.recording_id', '=', recordingId)
    .executeTakeFirst();
  return last?.at == null ? null : Number(last.at);
}

/** The rows as views, each ticket's subject opened in memory (one openPersonal call for the list). */
async function sessionViews(db: Db, rows: readonly SessionRow[]): Promise<SessionView[]> {
  return (await openColumns(db, rows, ['ticket_subject', 'warnings'] as const)).map(sessionView);
}

function sessionView(row: SessionRow): SessionView {
  return {
    id: row.id,
    kind: row.kind as SessionKind,
    state: row.state as SessionState,
    title: row.title,
    ticketId: row.ticket_id,
    ticketRef: row.ticket_ref || row.ticket_subject,
    customerId: row.customer_id,
    customerName: row.customer_name,
    environmentId: row.environment_id,
    serverId: row.server_id,
    accountId: row.account_id,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    endMessage: row.end_message,
    endCode: row.end_code,
    ...endDetailOf(row.end_details === null ? undefined : (JSON.parse(row.end_details) as unknown)),
    hostKeyChange: hostKeyChange(row.end_details),
    overridden: row.override_reason !== null,
    choices: {
      auth: row.auth as SshAuthChoice,
      jump: JSON.parse(row.jump) as SessionChoices['jump'],
      runPreConnect: row.run_pre_connect === 1,
      recordInput: row.record_input === 1,
      tool: row.tool,
    },
    // Purged with its ticket: the warnings shown at opening are gone with the rest.
    warnings: row.warnings === PURGED_TEXT ? [] : (JSON.parse(row.warnings) as Reason[]),
    recordingId: row.recording_id,
    timeEntryId: row.time_entry_id,
    cols: row.cols,
    rows: row.rows,
  };
}

/** The end's message as a detail key and values (sessionOutcomes.ts), when it was kept so; none for older rows. */
export function endDetailOf(details: unknown): Pick<SessionView, 'endDetail'> {
  if (typeof details !== 'object' || details === null) return {};
  const parsed = errorDetailSchema.safeParse((details as { detail?: unknown }).detail);
  return parsed.success ? { endDetail: parsed.data } : {};
}

function hostKeyChange(details: string | null): HostKeyChange | null {
  if (details === null) return null;
  const parsed = hostKeyChangeSchema.safeParse(JSON.parse(details));
  return parsed.success ? parsed.data : null;
}
