import { z } from 'zod';

/**
 * What a running session writes of its books to the team database, as one queued item (ARCHITECTURE, "Team mode":
 * sessions stay local, only their books go to the database). Each carries what applying it needs and nothing more;
 * a recording chunk's text is already sealed under the recording's data key, as the store holds it.
 */
export const outboxKinds = ['time-entry', 'audit-event', 'recording-chunk', 'session-state'] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/** Personal text in a queued audit event's details: sealed when the event is written, under the ticket's data key. */
const personalValue = z.object({ personal: z.string(), ticketId: z.string().nullable() });
const detailValue = z.union([
  personalValue,
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number()])),
]);

const timeEntryStart = z.object({
  kind: z.literal('time-entry'),
  op: z.literal('start'),
  entryId: z.uuid(),
  ticketId: z.string(),
  startedAt: z.number().int(),
  note: z.string(),
});

const auditEvent = z.object({
  kind: z.literal('audit-event'),
  event: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }).nullable(),
  details: z.record(z.string(), detailValue),
});

const chunkWrite = z.object({
  kind: z.literal('recording-chunk'),
  op: z.literal('write'),
  recordingId: z.string(),
  seq: z.number().int().nonnegative(),
  offsetMs: z.number().int().nonnegative(),
  /** Sealed under the recording's data key (`sv1.`) before it was queued. */
  data: z.string(),
  bytes: z.number().int().nonnegative(),
});

const recordingEnd = z.object({
  kind: z.literal('recording-chunk'),
  op: z.literal('end'),
  recordingId: z.string(),
  endedAt: z.number().int(),
});

const stateUpdate = z.object({
  kind: z.literal('session-state'),
  op: z.literal('update'),
  changes: z
    .object({
      state: z.enum(['preconnect', 'connecting', 'open']),
      cols: z.number().int(),
      rows: z.number().int(),
    })
    .partial(),
});

const sessionEnd = z.object({
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
});

export const outboxPayloadSchema = z.union([
  timeEntryStart,
  auditEvent,
  chunkWrite,
  recordingEnd,
  stateUpdate,
  sessionEnd,
]);
export type OutboxPayload = z.infer<typeof outboxPayloadSchema>;

/** One item as the queue keeps it: its own UUID (what makes applying it twice a no-op), its session, and when it happened. */
export interface OutboxItem {
  readonly id: string;
  readonly sessionId: string;
  readonly happenedAt: number;
  readonly payload: OutboxPayload;
}
