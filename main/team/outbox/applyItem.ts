import { sql } from 'kysely';
import type { AuditEventCode } from '../../../common/audit/auditEvents.ts';
import type { Backend } from '../../app/backend.node.ts';
import { personalDetail, QUEUED_AS, type AuditDetailValue } from '../../audit/auditDetails.ts';
import type { AuditInput } from '../../audit/auditTrail.node.ts';
import { bookOpening, closeBooks } from '../../sessions/sessionBookkeeping.ts';
import { updateSession } from '../../sessions/sessionRepository.ts';
import type { Db } from '../../store/database.node.ts';
import { storeDialect } from '../../store/dialect.ts';
import { insertEntry } from '../../time/timeEntryRepository.ts';
import type { OutboxItem, OutboxPayload } from './outboxItems.ts';

/**
 * Writes one item of a session's books to the store, each in a transaction of its own. Applying a queued item again
 * (a crash between its commit and its removal from the queue, or two of the member's processes draining at once) is
 * a no-op: time entries and recording chunks are keyed by their own ids, a session's end happens once
 * (endLiveSession), and an audit event carries the item's UUID in its details (QUEUED_AS), looked for before it is
 * appended. Queued, an audit event keeps the time it happened; its sequence number is the next one now.
 */
export async function applyItem(backend: Backend, item: OutboxItem, queued: boolean): Promise<void> {
  const { payload } = item;
  const ctx = backend.registryContext();
  switch (payload.kind) {
    case 'time-entry':
      await ctx.db.transaction().execute(async (trx) => {
        if (queued) await takeDrainTurn(trx, ctx.actorId);
        const there = await trx
          .selectFrom('time_entries')
          .select('id')
          .where('id', '=', payload.entryId)
          .executeTakeFirst();
        if (!there) {
          await insertEntry(trx, ctx, {
            id: payload.entryId,
            ticketId: payload.ticketId,
            startedAt: payload.startedAt,
            endedAt: null,
            source: 'session',
            sessionId: item.sessionId,
            note: payload.note,
          });
        }
        await updateSession(trx, item.sessionId, { time_entry_id: payload.entryId });
      });
      return;
    case 'audit-event':
      await backend.audit().appendWith(
        async (trx) => {
          if (!queued) return false;
          await takeDrainTurn(trx, ctx.actorId);
          return alreadyAppended(trx, item.id, payload.subject?.id ?? null);
        },
        (appended): AuditInput | null =>
          appended
            ? null
            : {
                event: payload.event as AuditEventCode,
                subject: payload.subject,
                details: {
                  ...auditDetails(payload.details),
                  ...(queued ? { [QUEUED_AS]: item.id } : {}),
                },
                at: item.happenedAt,
              },
      );
      return;
    case 'recording-chunk':
      if (payload.op === 'end') {
        await ctx.db
          .updateTable('recordings')
          .set({ ended_at: payload.endedAt })
          .where('id', '=', payload.recordingId)
          .execute();
        return;
      }
      await ctx.db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('recording_chunks')
          .values({
            recording_id: payload.recordingId,
            seq: payload.seq,
            offset_ms: payload.offsetMs,
            data: payload.data,
          })
          .onConflict((oc) => oc.columns(['recording_id', 'seq']).doNothing())
          .executeTakeFirst();
        if ((inserted.numInsertedOrUpdatedRows ?? 0n) === 0n) return;
        await trx
          .updateTable('recordings')
          .set((eb) => ({ bytes: eb('bytes', '+', payload.bytes) }))
          .where('id', '=', payload.recordingId)
          .execute();
      });
      return;
    case 'session-state':
      if (payload.op === 'open') {
        await bookOpening(backend, item.sessionId, payload, async (trx) => {
          if (queued) await takeDrainTurn(trx, ctx.actorId);
        });
        return;
      }
      if (payload.op === 'update') {
        await updateSession(ctx.db, item.sessionId, payload.changes);
        return;
      }
      await applyEnd(backend, item, payload);
      return;
  }
}

async function applyEnd(
  backend: Backend,
  item: OutboxItem,
  end: Extract<OutboxPayload, { kind: 'session-state'; op: 'end' }>,
): Promise<void> {
  const session = {
    id: item.sessionId,
    ticketId: end.ticketId,
    customerId: end.customerId,
    title: end.title,
    timeEntryId: end.timeEntryId,
    endAudited: end.endAudited,
  };
  const outcome = {
    state: end.outcome.state,
    code: end.outcome.code,
    message: end.outcome.message,
    ...(end.outcome.details ? { details: end.outcome.details } : {}),
  };
  // An end already written (by this item before a crash, or by another process) is left as it is, event and all.
  await closeBooks(
    backend,
    session,
    outcome,
    end.endedAt,
    async (trx) => {
      if (end.size !== null) await updateSession(trx, item.sessionId, end.size);
    },
    item.happenedAt,
  );
}

/**
 * Two of the member's own processes (the app, and a CLI command run meanwhile) may drain the one queue at once: each
 * item's transaction first waits for the member's turn, so the second sees what the first wrote. PostgreSQL only;
 * an embedded store has no queue.
 */
async function takeDrainTurn(trx: Db, actorId: string): Promise<void> {
  if (storeDialect(trx) !== 'postgres') return;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`lotsen:outbox:${actorId}`}))`.execute(trx);
}

/** Whether the log already holds the event written from this queued item (it carries the item's UUID). */
async function alreadyAppended(trx: Db, itemId: string, subjectId: string | null): Promise<boolean> {
  let query = trx
    .selectFrom('audit_events')
    .select('seq')
    .where('details', 'like', `%"${QUEUED_AS}":"${itemId}"%`);
  // The subject's index narrows the search to a session's few events.
  if (subjectId !== null) query = query.where('subject_id', '=', subjectId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/** The details as AuditTrail takes them: queued personal text becomes a personal detail again, sealed as it is written. */
function auditDetails(details: Record<string, unknown>): Record<string, AuditDetailValue> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'personal' in value) {
        const { personal, ticketId } = value as { personal: string; ticketId: string | null };
        return [key, personalDetail(personal, ticketId)];
      }
      return [key, value as AuditDetailValue];
    }),
  );
}
