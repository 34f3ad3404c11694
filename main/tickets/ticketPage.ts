import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { keyedError, keyedIssue } from '../../common/api/errors.ts';
import { asServerRole } from '../../common/sessions/model.ts';
import type { TicketStatus } from '../../common/tickets/model.ts';
import {
  coveredSeconds,
  SCREENSHOT_MAX_BYTES,
  type Assignee,
  type NoteInput,
  type ScreenshotContent,
  type ScreenshotInput,
  type ScreenshotMediaType,
  type ScreenshotView,
  type TicketNoteView,
  type TicketTimeline,
} from '../../common/tickets/ticketPage.ts';
import type { AuditTrail } from '../audit/auditTrail.node.ts';
import { openPersonal, PURGED_TEXT, sealPersonal } from '../personalData/personalDataKeys.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import type { Db } from '../store/database.node.ts';
import { storeDialect } from '../store/dialect.ts';
import { nextRowVersion } from '../store/rowVersion.ts';
import { ticketOwner } from './ticketPersonalFields.ts';

/*
 * What a ticket's page adds to the ticket (issue 15): notes and screenshots, sealed under the ticket's personal-data
 * key so the summer purge and an erasure take them with the rest of its personal text; its assignee; and its
 * timeline. Whose rows a member sees is the store's rule (a technician on a team database sees their own sessions
 * and time): the timeline shows what the caller may read.
 */

/** The ticket a note or screenshot goes on: it must exist and still hold personal data (a purged one has no key). */
async function writableTicket(db: Db, id: string): Promise<{ customerId: string }> {
  const row = await db
    .selectFrom('tickets')
    .select(['customer_id', 'purged_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchTicket');
  if (row.purged_at !== null) {
    throw keyedError('CONFLICT', 'records.ticketPurged', {}, { reason: 'TICKET_PURGED' });
  }
  return { customerId: row.customer_id };
}

interface Added {
  id: string;
  at: number;
  /** The author's name. */
  by: string;
}

/**
 * Adds a row to a ticket that still holds personal data, in one transaction with its audit event (ids and numbers
 * only): `write` inserts the row under the new id and instant, `details` says what the event records.
 */
async function addToTicket(
  ctx: RegistryContext,
  audit: AuditTrail,
  ticketId: string,
  event: 'ticket.note_added' | 'ticket.screenshot_attached',
  write: (trx: Db, added: { id: string; at: number }) => Promise<void>,
  details: (id: string) => Record<string, string | number>,
): Promise<Added> {
  const { added } = await audit.appendWith(
    async (trx) => {
      const ticket = await writableTicket(trx, ticketId);
      const stamp = { id: randomUUID(), at: ctx.now() };
      await write(trx, stamp);
      const author = await trx
        .selectFrom('users')
        .select('name')
        .where('id', '=', ctx.actorId)
        .executeTakeFirst();
      return { added: { ...stamp, by: author?.name ?? '' }, customerId: ticket.customerId };
    },
    ({ added, customerId }) => ({
      event,
      subject: { type: 'ticket', id: ticketId },
      details: { ticketId, customerId, ...details(added.id) },
    }),
  );
  return added;
}

/** Adds a note, sealed under the ticket's key; audited with ids (the note is personal text). */
export async function addNote(
  ctx: RegistryContext,
  audit: AuditTrail,
  input: NoteInput,
): Promise<TicketNoteView> {
  const body = input.body.trim();
  const added = await addToTicket(
    ctx,
    audit,
    input.ticketId,
    'ticket.note_added',
    async (trx, { id, at }) => {
      await trx
        .insertInto('ticket_notes')
        .values({
          id,
          ticket_id: input.ticketId,
          body: await sealPersonal(trx, ticketOwner(input.ticketId), body),
          created_at: at,
          created_by: ctx.actorId,
        })
        .execute();
    },
    (noteId) => ({ noteId }),
  );
  return { ...added, body };
}

const SIGNATURES: Record<ScreenshotMediaType, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/** The image's bytes, refused unless they are the type they claim and within the size bound. */
export function screenshotBytes(input: Pick<ScreenshotInput, 'mediaType' | 'data'>): Buffer {
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length > SCREENSHOT_MAX_BYTES) {
    throw keyedError(
      'VALIDATION',
      'records.screenshotTooLarge',
      {},
      // The field's message is common/'s schema sentence, which the console words as it does the schema's.
      { reason: 'SCREENSHOT_TOO_LARGE', issues: [{ path: 'data', message: 'A screenshot is at most 5 MB' }] },
    );
  }
  const signature = SIGNATURES[input.mediaType];
  if (bytes.length <= signature.length || !signature.every((byte, i) => bytes[i] === byte)) {
    throw keyedError(
      'VALIDATION',
      'records.screenshotNotImage',
      {},
      { reason: 'SCREENSHOT_TYPE', issues: [keyedIssue('data', 'records.screenshotNotPngOrJpeg')] },
    );
  }
  return bytes;
}

/**
 * Attaches a screenshot: its bytes sealed under the ticket's key, the ticket then marked as having one (a good
 * ticket's detail), audited (ids and the size).
 */
export async function attachScreenshot(
  ctx: RegistryContext,
  audit: AuditTrail,
  input: ScreenshotInput,
): Promise<ScreenshotView> {
  const bytes = screenshotBytes(input);
  const added = await addToTicket(
    ctx,
    audit,
    input.ticketId,
    'ticket.screenshot_attached',
    async (trx, { id, at }) => {
      await trx
        .insertInto('ticket_screenshots')
        .values({
          id,
          ticket_id: input.ticketId,
          media_type: input.mediaType,
          byte_size: bytes.length,
          content: await sealPersonal(trx, ticketOwner(input.ticketId), bytes.toString('base64')),
          created_at: at,
          created_by: ctx.actorId,
        })
        .execute();
      await trx
        .updateTable('tickets')
        .set({ has_screenshot: 1, updated_at: at, updated_by: ctx.actorId, ...nextRowVersion() })
        .where('id', '=', input.ticketId)
        .execute();
    },
    (screenshotId) => ({ screenshotId, byteSize: bytes.length }),
  );
  return { ...added, mediaType: input.mediaType, byteSize: bytes.length };
}

/** A screenshot's image (base64); null data once purged. */
export async function screenshotContent(db: Db, id: string): Promise<ScreenshotContent> {
  const row = await db
    .selectFrom('ticket_screenshots')
    .select(['id', 'media_type', 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchScreenshot');
  const [data] = await openPersonal(db, [row.content]);
  return { id: row.id, mediaType: row.media_type as ScreenshotMediaType, data: data ?? null };
}

/**
 * Who a ticket may be assigned to: a team's current members; in the embedded store, its one local user.
 */
export async function listAssignees(db: Db): Promise<Assignee[]> {
  if (storeDialect(db) === 'postgres') {
    return db
      .selectFrom('users')
      .innerJoin(sql<{ user_id: string; removed_at: number | null }>`team_members`.as('m'), (join) =>
        join.onRef('m.user_id', '=', 'users.id'),
      )
      .select(['users.id', 'users.name'])
      .where(sql`m.removed_at`, 'is', null)
      .orderBy('users.name')
      .execute();
  }
  return db.selectFrom('users').select(['id', 'name']).where('is_local', '=', 1).orderBy('name').execute();
}

/** Assigns the ticket to a member (or nobody), refusing anyone who is not one. */
export async function assignTicket(
  ctx: RegistryContext,
  id: string,
  assigneeId: string | null,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (assigneeId !== null && !(await listAssignees(trx)).some((a) => a.id === assigneeId)) {
      throw keyedError(
        'VALIDATION',
        'records.assigneeNotMember',
        {},
        { reason: 'NOT_A_MEMBER', issues: [keyedIssue('assigneeId', 'records.notTeamMember')] },
      );
    }
    const result = await trx
      .updateTable('tickets')
      .set({ assignee_id: assigneeId, updated_at: ctx.now(), updated_by: ctx.actorId, ...nextRowVersion() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw keyedError('NOT_FOUND', 'records.noSuchTicket');
  });
}

/** Records a status as the ticket takes it (its first when `from` is null), for the timeline. */
export async function recordStatusChange(
  trx: Db,
  ctx: RegistryContext,
  ticketId: string,
  from: TicketStatus | null,
  to: TicketStatus,
): Promise<void> {
  if (from === to) return;
  await trx
    .insertInto('ticket_status_changes')
    .values({
      id: randomUUID(),
      ticket_id: ticketId,
      from_status: from,
      to_status: to,
      changed_at: ctx.now(),
      changed_by: ctx.actorId,
    })
    .execute();
}

/** The ticket's notes, status changes, sessions, time entries and screenshots, each oldest first. */
export async function ticketTimeline(
  db: Db,
  ticketId: string,
  options: { sessions: boolean } = { sessions: true },
): Promise<TicketTimeline> {
  const exists = await db.selectFrom('tickets').select('id').where('id', '=', ticketId).executeTakeFirst();
  if (!exists) throw keyedError('NOT_FOUND', 'records.noSuchTicket');
  const [notes, statusChanges, sessions, entries, screenshots] = await Promise.all([
    db
      .selectFrom('ticket_notes')
      .innerJoin('users', 'users.id', 'ticket_notes.created_by')
      .select(['ticket_notes.id', 'ticket_notes.body', 'ticket_notes.created_at', 'users.name'])
      .where('ticket_notes.ticket_id', '=', ticketId)
      .orderBy('ticket_notes.created_at')
      .orderBy('ticket_notes.id')
      .execute(),
    db
      .selectFrom('ticket_status_changes')
      .innerJoin('users', 'users.id', 'ticket_status_changes.changed_by')
      .select([
        'ticket_status_changes.id',
        'ticket_status_changes.from_status',
        'ticket_status_changes.to_status',
        'ticket_status_changes.changed_at',
        'users.name',
      ])
      .where('ticket_status_changes.ticket_id', '=', ticketId)
      .orderBy('ticket_status_changes.changed_at')
      .orderBy('ticket_status_changes.id')
      .execute(),
    // Finance opens no sessions and reads none of theirs (main/team/tableRulesSql.ts).
    !options.sessions
      ? []
      : db
          .selectFrom('sessions')
          .innerJoin('users', 'users.id', 'sessions.technician_id')
          // The server's role names the session as its tab does; the recording's size says whether it holds anything.
          .leftJoin('servers', 'servers.id', 'sessions.server_id')
          .leftJoin('recordings', 'recordings.id', 'sessions.recording_id')
          .select([
            'sessions.id',
            'sessions.title',
            'sessions.kind',
            'sessions.state',
            'sessions.opened_at',
            'sessions.closed_at',
            'sessions.recording_id',
            'servers.role',
            'recordings.bytes as recording_bytes',
            'users.name',
          ])
          .where('sessions.ticket_id', '=', ticketId)
          .orderBy('sessions.opened_at')
          .orderBy('sessions.id')
          .execute(),
    db
      .selectFrom('time_entries')
      .innerJoin('users', 'users.id', 'time_entries.technician_id')
      .select([
        'time_entries.id',
        'time_entries.technician_id',
        'time_entries.started_at',
        'time_entries.ended_at',
        'time_entries.source',
        'time_entries.session_id',
        'time_entries.note',
        'users.name',
      ])
      .where('time_entries.ticket_id', '=', ticketId)
      .orderBy('time_entries.started_at')
      .orderBy('time_entries.id')
      .execute(),
    db
      .selectFrom('ticket_screenshots')
      .innerJoin('users', 'users.id', 'ticket_screenshots.created_by')
      .select([
        'ticket_screenshots.id',
        'ticket_screenshots.media_type',
        'ticket_screenshots.byte_size',
        'ticket_screenshots.created_at',
        'users.name',
      ])
      .where('ticket_screenshots.ticket_id', '=', ticketId)
      .orderBy('ticket_screenshots.created_at')
      .execute(),
  ]);
  // Note bodies and time entries' notes are sealed under the ticket's key: one pass opens both.
  const opened = await openPersonal(db, [...notes.map((n) => n.body), ...entries.map((e) => e.note)]);
  const bodies = opened.slice(0, notes.length);
  const entryNotes = opened.slice(notes.length);
  // A technician's overlapping entries (two sessions open at once) are one stretch of their time, counted once.
  const byTechnician = new Map<string, { start: number; end: number }[]>();
  for (const entry of entries) {
    if (entry.ended_at === null) continue;
    const list = byTechnician.get(entry.technician_id) ?? [];
    list.push({ start: entry.started_at, end: entry.ended_at });
    byTechnician.set(entry.technician_id, list);
  }
  let totalSeconds = 0;
  for (const intervals of byTechnician.values()) totalSeconds += coveredSeconds(intervals);
  return {
    notes: notes.map((n, i) => ({ id: n.id, body: bodies[i] ?? PURGED_TEXT, at: n.created_at, by: n.name })),
    statusChanges: statusChanges.map((c) => ({
      id: c.id,
      from: c.from_status as TicketStatus | null,
      to: c.to_status as TicketStatus,
      at: c.changed_at,
      by: c.name,
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      kind: s.kind,
      serverRole: asServerRole(s.role),
      state: s.state,
      openedAt: s.opened_at,
      closedAt: s.closed_at,
      technician: s.name,
      recordingId: s.recording_id,
      recordingBytes: s.recording_bytes,
    })),
    timeEntries: entries.map((e, i) => ({
      id: e.id,
      startedAt: e.started_at,
      endedAt: e.ended_at,
      seconds: e.ended_at === null ? null : Math.round((e.ended_at - e.started_at) / 1000),
      source: e.source,
      technician: e.name,
      sessionId: e.session_id,
      note: entryNotes[i] ?? PURGED_TEXT,
    })),
    screenshots: screenshots.map((s) => ({
      id: s.id,
      mediaType: s.media_type as ScreenshotMediaType,
      byteSize: s.byte_size,
      at: s.created_at,
      by: s.name,
    })),
    totalSeconds,
  };
}
