import type { Reason } from '../../common/agreements/verdict.ts';
import {
  hostKeyChangeSchema,
  liveSessionStates,
  type HostKeyChange,
  type SessionKind,
  type SessionState,
  type SessionView,
} from '../../common/sessions/model.ts';
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

export async function insertSession(db: Db, row: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function updateSession(
  db: Db,
  id: string,
  changes: Partial<Omit<SessionsTable, 'id' | 'ticket_id' | 'technician_id'>>,
): Promise<void> {
  await db.updateTable('sessions').set(changes).where('id', '=', id).execute();
}

export async function getSession(db: Db, id: string): Promise<SessionView | null> {
  const row = await sessionColumns(db).where('sessions.id', '=', id).executeTakeFirst();
  return row ? sessionView(row) : null;
}

export async function listSessions(
  db: Db,
  filter: { live: boolean; ticketId?: string },
): Promise<SessionView[]> {
  let query = sessionColumns(db);
  if (filter.live) query = query.where('sessions.state', 'in', [...liveSessionStates]);
  if (filter.ticketId) query = query.where('sessions.ticket_id', '=', filter.ticketId);
  const rows = await query.orderBy('sessions.opened_at', 'desc').limit(500).execute();
  return rows.map(sessionView);
}

/**
 * Sessions the store says are live but whose process is gone (Lotsen was killed, the machine lost power): they end as
 * disconnected at the last moment anything was recorded, and their time entries close at the same moment, so the
 * technician is not billed for the hours the console was down. `isStale` decides from the session's owner, so a CLI
 * command run beside `lotsen serve` leaves the server's sessions alone.
 */
export async function endInterruptedSessions(db: Db, isStale: (owner: string) => boolean): Promise<string[]> {
  const stale = (
    await db
      .selectFrom('sessions')
      .select(['id', 'owner', 'opened_at', 'recording_id', 'time_entry_id'])
      .where('state', 'in', [...liveSessionStates])
      .execute()
  ).filter((s) => isStale(s.owner));
  for (const session of stale) {
    const lastOutput = session.recording_id
      ? await db
          .selectFrom('recording_chunks')
          .innerJoin('recordings', 'recordings.id', 'recording_chunks.recording_id')
          .select((eb) =>
            eb.fn.max(eb('recordings.started_at', '+', eb.ref('recording_chunks.offset_ms'))).as('at'),
          )
          .where('recording_chunks.recording_id', '=', session.recording_id)
          .executeTakeFirst()
      : undefined;
    const endedAt = Math.max(session.opened_at, Number(lastOutput?.at ?? 0));
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('sessions')
        .set({
          state: 'disconnected',
          closed_at: endedAt,
          end_code: 'INTERRUPTED',
          end_message: 'Lotsen stopped while this session was open; it ended at its last recorded output.',
        })
        .where('id', '=', session.id)
        .execute();
      if (session.recording_id) {
        await trx
          .updateTable('recordings')
          .set({ ended_at: endedAt })
          .where('id', '=', session.recording_id)
          .where('ended_at', 'is', null)
          .execute();
      }
      if (session.time_entry_id) {
        await trx
          .updateTable('time_entries')
          .set({ ended_at: endedAt })
          .where('id', '=', session.time_entry_id)
          .where('ended_at', 'is', null)
          .execute();
      }
    });
  }
  return stale.map((s) => s.id);
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
    hostKeyChange: hostKeyChange(row.end_details),
    overridden: row.override_reason !== null,
    warnings: JSON.parse(row.warnings) as Reason[],
    recordingId: row.recording_id,
    timeEntryId: row.time_entry_id,
    cols: row.cols,
    rows: row.rows,
  };
}

function hostKeyChange(details: string | null): HostKeyChange | null {
  if (details === null) return null;
  const parsed = hostKeyChangeSchema.safeParse(JSON.parse(details));
  return parsed.success ? parsed.data : null;
}
