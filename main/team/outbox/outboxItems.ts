import { z } from 'zod';
import { sessionKinds } from '../../../common/sessions/model.ts';
import { lazily } from '../../../common/api/lazySchema.ts';

/**
 * What a running session writes of its books to the team database, as one queued item (ARCHITECTURE, "Team mode":
 * sessions stay local, only their books go to the database). Each carries what applying it needs and nothing more;
 * a recording chunk's text is already sealed under the recording's data key, as the store holds it.
 */
export const outboxKinds = ['time-entry', 'audit-event', 'recording-chunk', 'session-state'] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/** Personal text in a queued audit event's details: sealed when the event is written, under the ticket's data key. */
const personalValue = lazily(() => z.object({ personal: z.string(), ticketId: z.string().nullable() }));
const detailValue = lazily(() =>
  z.union([
    personalValue,
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(z.union([z.string(), z.number()])),
  ]),
);

const timeEntryStart = lazily(() =>
  z.object({
    kind: z.literal('time-entry'),
    op: z.literal('start'),
    entryId: z.uuid(),
    ticketId: z.string(),
    startedAt: z.number().int(),
    note: z.string(),
  }),
);

const auditEvent = lazily(() =>
  z.object({
    kind: z.literal('audit-event'),
    event: z.string(),
    subject: z.object({ type: z.string(), id: z.string() }).nullable(),
    details: z.record(z.string(), detailValue),
  }),
);

const chunkWrite = lazily(() =>
  z.object({
    kind: z.literal('recording-chunk'),
    op: z.literal('write'),
    recordingId: z.string(),
    seq: z.number().int().nonnegative(),
    offsetMs: z.number().int().nonnegative(),
    /** Sealed under the recording's data key (`sv1.`) before it was queued. */
    data: z.string(),
    bytes: z.number().int().nonnegative(),
  }),
);

const recordingEnd = lazily(() =>
  z.object({
    kind: z.literal('recording-chunk'),
    op: z.literal('end'),
    recordingId: z.string(),
    endedAt: z.number().int(),
  }),
);

const stateUpdate = lazily(() =>
  z.object({
    kind: z.literal('session-state'),
    op: z.literal('update'),
    changes: z
      .object({
        state: z.enum(['preconnect', 'connecting', 'open']),
        cols: z.number().int(),
        rows: z.number().int(),
      })
      .partial(),
  }),
);

const sessionEnd = lazily(() =>
  z.object({
    kind: z.literal('session-state'),
    op: z.literal('end'),
    ticketId: z.string(),
    customerId: z.string(),
    title: z.string(),
    timeEntryId: z.string().nullable(),
    endAudited: z.boolean(),
    outcome: z.object({
      state: z.enum(['closed', 'disconnected', 'failed']),
      code: z.string().nullable(),
      message: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
    endedAt: z.number().int(),
    size: z.object({ cols: z.number().int(), rows: z.number().int() }).nullable(),
  }),
);

/**
 * A session's opening (issue 14): its row, its recording's row and data key, written in one transaction with the
 * ticket's first response. The override's reason and the verdict's reasons are the person's text here, sealed under
 * the ticket's data key as they are written, as a queued audit event's personal details are.
 */
const sessionOpen = lazily(() =>
  z.object({
    kind: z.literal('session-state'),
    op: z.literal('open'),
    customerId: z.string(),
    session: z.object({
      kind: z.enum(sessionKinds),
      title: z.string(),
      ticketId: z.string(),
      environmentId: z.string(),
      serverId: z.string().nullable(),
      accountId: z.string().nullable(),
      technicianId: z.string(),
      owner: z.string(),
      openedAt: z.number().int(),
      overrideReason: z.string().nullable(),
      /** The verdict's blockers and warnings as JSON, unsealed. */
      reasons: z.string(),
      cols: z.number().int(),
      rows: z.number().int(),
      auth: z.string(),
      jump: z.string(),
      runPreConnect: z.boolean(),
      recordInput: z.boolean(),
      /** An external-tool session's tool (0028); absent from openings queued before it. */
      tool: z.string().nullable().optional(),
    }),
    recording: z.object({
      id: z.string(),
      startedAt: z.number().int(),
      width: z.number().int(),
      height: z.number().int(),
      header: z.string(),
    }),
    /** The recording's data key, wrapped under the secrets tree key as the store keeps it. */
    recordingKey: z.object({
      id: z.string(),
      generation: z.number().int(),
      wrappedKey: z.string(),
      createdAt: z.number().int(),
    }),
  }),
);

export const outboxPayloadSchema = lazily(() =>
  z.union([timeEntryStart, auditEvent, chunkWrite, recordingEnd, stateUpdate, sessionEnd, sessionOpen]),
);
export type OutboxPayload = z.infer<typeof outboxPayloadSchema>;

/** One item as the queue keeps it: its own UUID (what makes applying it twice a no-op), its session, and when it happened. */
export interface OutboxItem {
  readonly id: string;
  readonly sessionId: string;
  readonly happenedAt: number;
  readonly payload: OutboxPayload;
}
