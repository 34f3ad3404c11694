import { mayCall } from '../../common/team/roles.ts';
import type { Backend } from '../app/backend.node.ts';
import { booksOf } from '../team/outbox/sessionBooks.ts';
import { closeBooks, reasonOf } from './sessionBookkeeping.ts';
import { keyedOutcome } from './sessionOutcomes.ts';
import { ownerAlive } from './sessionOwner.node.ts';
import { lastRecordedAt, staleLiveSessions } from './sessionRepository.ts';

const INTERRUPTED = keyedOutcome('disconnected', 'INTERRUPTED', 'sessions.interrupted');

/**
 * Sessions the store says are live but whose process is gone (Lotsen was killed, the machine lost power): they end as
 * disconnected at the last moment anything was recorded, and their time entries close at the same moment, so the
 * technician is not billed for the hours the console was down. Each end is audited, whatever state the session had
 * reached. Only a dead owner makes a session stale, so a CLI command run beside `lotsen serve` leaves the server's
 * sessions alone. Two processes unlocking at once may both list the same session here; the store ends it, and the
 * log records its end, for only one of them.
 */
export async function endInterruptedSessions(backend: Backend): Promise<void> {
  const { db, principal } = backend.registryContext();
  // Someone who opens no sessions (finance) has none of their own left live, and a team database lets them read
  // too little of others' to end them: the next Lotsen of someone who may open sessions ends them at its unlock.
  if (!mayCall(principal, 'sessions.open')) return;
  for (const stale of await staleLiveSessions(db, (owner) => !ownerAlive(owner))) {
    // Its books still wait in this member's local queue (the team database was out of reach when Lotsen stopped):
    // it ends once they are written, at its last recorded output as they bring it (SessionManager, after a drain).
    if (booksOf(backend).waiting(stale.id) > 0) continue;
    const lastOutput = stale.recording_id ? await lastRecordedAt(db, stale.recording_id) : null;
    const endedAt = Math.max(stale.opened_at, lastOutput ?? 0);
    const session = {
      id: stale.id,
      ticketId: stale.ticket_id,
      customerId: stale.customer_id,
      title: stale.title,
      timeEntryId: stale.time_entry_id,
      endAudited: true,
    };
    try {
      await closeBooks(backend, session, INTERRUPTED, endedAt, async (trx) => {
        if (stale.recording_id === null) return;
        await trx
          .updateTable('recordings')
          .set({ ended_at: endedAt })
          .where('id', '=', stale.recording_id)
          .where('ended_at', 'is', null)
          .execute();
      });
    } catch (error) {
      // One session that cannot be ended now must not keep the others live; it is tried again at the next unlock.
      console.error(`lotsen: interrupted session ${stale.id} could not be ended:`, reasonOf(error));
    }
  }
}
