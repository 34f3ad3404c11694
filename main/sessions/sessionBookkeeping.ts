import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Reason } from '../../common/agreements/verdict.ts';
import type { SessionKind } from '../../common/sessions/model.ts';
import { personalDetail } from '../audit/auditDetails.ts';
import type { AuditInput } from '../audit/auditTrail.node.ts';
import type { Backend } from '../app/backend.node.ts';
import { updatedStamp, type RegistryContext } from '../registry/registryContext.ts';
import type { Db } from '../store/database.node.ts';
import { greaterOf } from '../store/portableSql.ts';
import type { TerminalExit } from './terminal/terminalSource.ts';
import { booksOf } from '../team/outbox/sessionBooks.ts';
import type { OutboxPayload } from '../team/outbox/outboxItems.ts';
import { sealPersonal } from '../personalData/personalDataKeys.ts';
import { ticketOwner } from '../tickets/ticketPersonalFields.ts';
import { insertDataKeyRow } from '../vault/ownedDataKeys.ts';
import { SECRET_DATA_KEYS } from '../vault/secretVault.ts';
import { endLiveSession, insertSession } from './sessionRepository.ts';

/** What a session's books need to know about it. */
export interface BookedSession {
  readonly id: string;
  readonly ticketId: string;
  readonly customerId: string;
  readonly title: string;
  timeEntryId: string | null;
  /** Its end is audited: once its opening was (it reached `open`), and always when Lotsen lost it in a crash. */
  endAudited: boolean;
}

export interface SessionOutcome {
  state: 'closed' | 'disconnected' | 'failed';
  code: string | null;
  message: string | null;
  /** Kept with the session when the person can act on it (a changed host key). */
  details?: Record<string, unknown>;
}

/**
 * Blockers passed with a written reason: audited before anything of the session is stored, with the session's books
 * (so it waits in the local queue, first, when the team database is away).
 */
export async function auditOverride(
  backend: Backend,
  sessionId: string,
  ticket: { id: string; customerId: string },
  blockers: readonly Reason[],
  reason: string,
): Promise<void> {
  await booksOf(backend).audit(sessionId, {
    event: 'eligibility.overridden',
    subject: { type: 'session', id: sessionId },
    details: {
      ticketId: ticket.id,
      customerId: ticket.customerId,
      blockers: blockers.map((b) => b.code),
      reason: personalDetail(reason, ticket.id),
    },
  });
}

/**
 * A session started on a cached eligibility verdict because the team database could not be reached: which session,
 * ticket, customer and environment, and when the verdict it used was fetched (ids and a time only).
 */
export async function auditCachedVerdict(
  backend: Backend,
  sessionId: string,
  admission: { ticket: { id: string; customerId: string }; environment: { id: string } },
  verdictFetchedAt: number,
): Promise<void> {
  await booksOf(backend).audit(sessionId, {
    event: 'session.cached_verdict',
    subject: { type: 'session', id: sessionId },
    details: {
      ticketId: admission.ticket.id,
      customerId: admission.ticket.customerId,
      environmentId: admission.environment.id,
      verdictFetchedAt,
    },
  });
}

/** A session's opening as its books write it (main/team/outbox/outboxItems.ts, `session-state` `open`). */
export type SessionOpening = Extract<OutboxPayload, { kind: 'session-state'; op: 'open' }>;

/**
 * Stores a new session's row, with its recording's row and data key, and, when its ticket has no first response yet,
 * records the session's opening as the first response (DOMAIN, "Response times": work on the case has started), in
 * one transaction with its audit event (ids only). A first response already recorded, by hand or by an earlier
 * session, is never moved; nor is one set before the ticket was received. The override's reason and the verdict's
 * reasons are sealed here, under the ticket's data key. An opening already stored (its queued write tried again)
 * changes nothing.
 */
export async function bookOpening(
  backend: Backend,
  sessionId: string,
  opening: SessionOpening,
  beforeWriting: (trx: Db) => Promise<void> = async () => undefined,
): Promise<void> {
  const ctx = backend.registryContext();
  const { session, recording, recordingKey } = opening;
  const recorded = await backend.audit().appendWith(
    async (trx) => {
      await beforeWriting(trx);
      const there = await trx
        .selectFrom('sessions')
        .select('id')
        .where('id', '=', sessionId)
        .executeTakeFirst();
      if (there) return false;
      await trx
        .insertInto('recordings')
        .values({
          id: recording.id,
          started_at: recording.startedAt,
          width: recording.width,
          height: recording.height,
          header: recording.header,
          bytes: 0,
        })
        .execute();
      await insertDataKeyRow(trx, SECRET_DATA_KEYS, {
        id: recordingKey.id,
        owner_kind: 'recording',
        owner_id: recording.id,
        generation: recordingKey.generation,
        wrapped_key: recordingKey.wrappedKey,
        created_at: recordingKey.createdAt,
      });
      const owner = ticketOwner(session.ticketId);
      await insertSession(trx, {
        id: sessionId,
        kind: session.kind,
        title: session.title,
        ticket_id: session.ticketId,
        environment_id: session.environmentId,
        server_id: session.serverId,
        account_id: session.accountId,
        technician_id: session.technicianId,
        owner: session.owner,
        state: 'connecting',
        opened_at: session.openedAt,
        closed_at: null,
        end_code: null,
        end_message: null,
        end_details: null,
        override_reason:
          session.overrideReason === null ? null : await sealPersonal(trx, owner, session.overrideReason),
        // Sealed: a verdict's messages can name the requester (not a named contact).
        warnings: await sealPersonal(trx, owner, session.reasons),
        recording_id: recording.id,
        time_entry_id: null,
        cols: session.cols,
        rows: session.rows,
        auth: session.auth,
        jump: session.jump,
        run_pre_connect: session.runPreConnect ? 1 : 0,
        record_input: session.recordInput ? 1 : 0,
        // Only an external-tool session names one (0028); left out otherwise, so other rows are as they were.
        ...(session.tool ? { tool: session.tool } : {}),
      });
      const result = await trx
        .updateTable('tickets')
        .set({ first_response_at: session.openedAt, ...updatedStamp(ctx) })
        .where('id', '=', session.ticketId)
        .where('first_response_at', 'is', null)
        .where('received_at', '<=', session.openedAt)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    (firstResponse): AuditInput | null =>
      firstResponse
        ? {
            event: 'ticket.first_response_recorded',
            subject: { type: 'ticket', id: session.ticketId },
            details: { sessionId, firstResponseAt: session.openedAt },
          }
        : null,
  );
  if (recorded)
    backend.emit('tickets.changed', { ticketId: session.ticketId, customerId: opening.customerId });
}

/** The ticket's time runs from the first moment the session works for it (its pre-connect command, or its shell). */
export async function startTimeEntry(backend: Backend, session: BookedSession): Promise<void> {
  if (session.timeEntryId !== null) return;
  const ctx = backend.registryContext();
  // Its id is the session's own choice, so the entry is written once however often its queued write is tried.
  const entryId = randomUUID();
  await booksOf(backend).write(session.id, {
    kind: 'time-entry',
    op: 'start',
    entryId,
    ticketId: session.ticketId,
    startedAt: ctx.now(),
    note: session.title,
  });
  session.timeEntryId = entryId;
  backend.emit('tickets.changed', { ticketId: session.ticketId, customerId: session.customerId });
}

export async function auditOpened(
  backend: Backend,
  session: BookedSession & { readonly kind: SessionKind },
): Promise<void> {
  await booksOf(backend).audit(session.id, {
    event: 'session.opened',
    subject: { type: 'session', id: session.id },
    details: {
      kind: session.kind,
      title: personalDetail(session.title, session.ticketId),
      ticketId: session.ticketId,
      customerId: session.customerId,
    },
  });
}

/** A command's run in the session's terminal (its connect or disconnect command). */
interface CommandRun {
  environmentId: string;
  commandSha256: string;
  exit: TerminalExit;
  durationMs: number;
}

/** Which command (its SHA-256, never its text) and how it ended. */
function runDetails(session: BookedSession, run: CommandRun) {
  return {
    ticketId: session.ticketId,
    environmentId: run.environmentId,
    commandSha256: run.commandSha256,
    exitCode: run.exit.exitCode,
    signal: run.exit.signal,
    succeeded: run.exit.exitCode === 0,
    durationMs: run.durationMs,
  };
}

/** A pre-connect command's run in the session's terminal: which command and how it ended. */
export async function auditPreConnectRun(
  backend: Backend,
  session: BookedSession,
  run: CommandRun & {
    /** A VPN profile's connect: its client, and what it said of the tunnel being split. */
    vpn?: { client: string; splitTunnel: string };
  },
): Promise<void> {
  await booksOf(backend).audit(session.id, {
    event: 'preconnect.ran',
    subject: { type: 'session', id: session.id },
    details: {
      ...runDetails(session, run),
      ...(run.vpn ? { vpnClient: run.vpn.client, splitTunnel: run.vpn.splitTunnel } : {}),
    },
  });
}

/** The environment's disconnect command ran after the session (vpn/sessionVpn.ts), with how it ended. */
export async function auditVpnDisconnect(
  backend: Backend,
  session: BookedSession,
  run: CommandRun,
): Promise<void> {
  await booksOf(backend).audit(session.id, {
    event: 'preconnect.disconnected',
    subject: { type: 'session', id: session.id },
    details: runDetails(session, run),
  });
}

/** Rolls back the transaction of an end that another end got to first: nothing of it is written, no event. */
class AlreadyEnded extends Error {}

/**
 * Ends the session in the store at `endedAt`: its row, its time entry and (when it is audited) its audit event, all
 * in one transaction, so the store never holds an audited end without its event. The audit head file is written
 * after that transaction commits, so this can throw with the end already stored. `more` writes what else ends with
 * it (its last size, its recording). A session the store no longer lists as live is left as it is (another process
 * ended it after both had seen it live), and the answer is false.
 */
export async function closeBooks(
  backend: Backend,
  session: BookedSession,
  outcome: SessionOutcome,
  endedAt: number,
  more: (trx: Db) => Promise<void> = async () => undefined,
  /** When the end was logged, if not now: an end that waited in the local queue (main/team/outbox/). */
  eventAt?: number,
): Promise<boolean> {
  const ctx = backend.registryContext();
  const work = async (trx: Db) => {
    // The first statement writes, so the transaction waits for another process's end and then sees it, instead of
    // deciding on what it read before.
    const ended = await endLiveSession(trx, session.id, {
      state: outcome.state,
      closed_at: endedAt,
      end_code: outcome.code,
      end_message: outcome.message,
      end_details: outcome.details ? JSON.stringify(outcome.details) : null,
    });
    if (!ended) throw new AlreadyEnded();
    await closeTimeEntry(trx, ctx, session.timeEntryId, endedAt);
    await more(trx);
  };
  try {
    if (session.endAudited) {
      await backend.audit().appendWith(work, () => ({
        ...endedEvent(session, outcome),
        ...(eventAt === undefined ? {} : { at: eventAt }),
      }));
    } else await ctx.db.transaction().execute(work);
  } catch (error) {
    if (error instanceof AlreadyEnded) return false;
    throw error;
  }
  if (session.timeEntryId !== null) {
    backend.emit('tickets.changed', { ticketId: session.ticketId, customerId: session.customerId });
  }
  return true;
}

async function closeTimeEntry(
  trx: Db,
  ctx: RegistryContext,
  timeEntryId: string | null,
  endedAt: number,
): Promise<void> {
  if (timeEntryId === null) return;
  // An interrupted session ends at its last recorded output, which can come before its entry started (it starts
  // once the shell is there, after a host-key question, say): such an entry ends as it started, never before.
  await trx
    .updateTable('time_entries')
    .set({ ended_at: greaterOf(trx, sql.ref('started_at'), sql.val(endedAt)), ...updatedStamp(ctx) })
    .where('id', '=', timeEntryId)
    .where('ended_at', 'is', null)
    .execute();
}

function endedEvent(session: BookedSession, outcome: SessionOutcome): AuditInput {
  return {
    event: outcome.state === 'closed' ? 'session.closed' : 'session.disconnected',
    subject: { type: 'session', id: session.id },
    details: {
      ticketId: session.ticketId,
      title: personalDetail(session.title, session.ticketId),
      ...(outcome.code ? { code: outcome.code } : {}),
      // An error's message may quote what a server said (a username, a path): sealed like the title.
      ...(outcome.message ? { message: personalDetail(outcome.message, session.ticketId) } : {}),
      // A launched client's exit status (RDP): a number, and a signal's name.
      ...(typeof outcome.details?.exitCode === 'number' ? { exitCode: outcome.details.exitCode } : {}),
      ...(typeof outcome.details?.signal === 'string' ? { signal: outcome.details.signal } : {}),
    },
  };
}

/** Only the message: the errors met here (SQLite's, the file system's) name tables, files and codes, not values. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown';
}
