import { z } from 'zod';
import { idSchema } from '../registry/model.ts';
import { serverRoles } from '../registry/vocabulary.ts';
import { ticketStatuses } from './model.ts';
import { lazily } from '../api/lazySchema.ts';

/*
 * What a ticket's page shows beside the ticket itself (issue 15): its notes, screenshots, assignee, and a timeline of
 * notes, sessions, time entries and status changes. Errors and refusals are codes (common/api/errors.ts); the
 * renderer words them.
 */

export const NOTE_MAX_CHARS = 20_000;

export const noteInputSchema = lazily(() =>
  z
    .object({
      ticketId: idSchema,
      body: z
        .string({ error: 'A note must be text' })
        .trim()
        .min(1, { error: 'A note needs some text' })
        .max(NOTE_MAX_CHARS, { error: `A note is at most ${NOTE_MAX_CHARS} characters` }),
    })
    .strict(),
);
export type NoteInput = z.input<typeof noteInputSchema>;

export const ticketNoteViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    /** `gallrad` once the ticket's personal data is purged. */
    body: z.string(),
    at: z.number().int(),
    by: z.string(),
  }),
);
export type TicketNoteView = z.infer<typeof ticketNoteViewSchema>;

/** The types a screenshot may be, each recognised by its first bytes (not by what the sender says it is). */
export const screenshotMediaTypes = ['image/png', 'image/jpeg'] as const;
export type ScreenshotMediaType = (typeof screenshotMediaTypes)[number];
/** 5 MiB: a full-HD screenshot as PNG is well under; the store keeps it (sealed, as base64) in one row. */
export const SCREENSHOT_MAX_BYTES = 5 * 1024 * 1024;
const BASE64_MAX_CHARS = Math.ceil(SCREENSHOT_MAX_BYTES / 3) * 4;

export const screenshotInputSchema = lazily(() =>
  z
    .object({
      ticketId: idSchema,
      mediaType: z.enum(screenshotMediaTypes, { error: 'A screenshot must be a PNG or JPEG image' }),
      /** The image's bytes, base64. */
      data: z
        .string()
        .min(1, { error: 'The screenshot is empty' })
        .max(BASE64_MAX_CHARS, { error: 'A screenshot is at most 5 MB' })
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'The screenshot is not base64' }),
    })
    .strict(),
);
export type ScreenshotInput = z.input<typeof screenshotInputSchema>;

export const screenshotViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    mediaType: z.enum(screenshotMediaTypes),
    byteSize: z.number().int(),
    at: z.number().int(),
    by: z.string(),
  }),
);
export type ScreenshotView = z.infer<typeof screenshotViewSchema>;

/** A screenshot's image; null data once the ticket's personal data is purged. */
export const screenshotContentSchema = lazily(() =>
  z.object({
    id: idSchema,
    mediaType: z.enum(screenshotMediaTypes),
    data: z.string().nullable(),
  }),
);
export type ScreenshotContent = z.infer<typeof screenshotContentSchema>;

export const assignInputSchema = lazily(() =>
  z.object({ id: idSchema, assigneeId: idSchema.nullable() }).strict(),
);

export const assigneeSchema = lazily(() => z.object({ id: idSchema, name: z.string() }));
export type Assignee = z.infer<typeof assigneeSchema>;

export const statusChangeViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    from: z.enum(ticketStatuses).nullable(),
    to: z.enum(ticketStatuses),
    at: z.number().int(),
    by: z.string(),
  }),
);
export type StatusChangeView = z.infer<typeof statusChangeViewSchema>;

export const timelineSessionSchema = lazily(() =>
  z.object({
    id: idSchema,
    /** `user@host[:port]` or the local shell: what the session was opened to. */
    title: z.string(),
    kind: z.string(),
    /** The role of the session's server, which names it as its tab does (`Växjö kommun · WAP`); null once deleted. */
    serverRole: z.enum(serverRoles).nullable(),
    state: z.string(),
    openedAt: z.number().int(),
    closedAt: z.number().int().nullable(),
    technician: z.string(),
    /** The session's recording (the Recordings page plays it); null when it was not recorded. */
    recordingId: idSchema.nullable(),
    /** How much it holds: an ended session's empty recording (it failed before the server sent a byte) is not offered. */
    recordingBytes: z.number().int().nullable(),
  }),
);
export type TimelineSession = z.infer<typeof timelineSessionSchema>;

export const timelineTimeEntrySchema = lazily(() =>
  z.object({
    id: idSchema,
    startedAt: z.number().int(),
    /** Null while its timer runs. */
    endedAt: z.number().int().nullable(),
    /** Whole seconds worked; null while running. */
    seconds: z.number().int().nullable(),
    source: z.string(),
    technician: z.string(),
    sessionId: idSchema.nullable(),
    note: z.string(),
  }),
);
export type TimelineTimeEntry = z.infer<typeof timelineTimeEntrySchema>;

export const ticketTimelineSchema = lazily(() =>
  z.object({
    notes: z.array(ticketNoteViewSchema),
    statusChanges: z.array(statusChangeViewSchema),
    sessions: z.array(timelineSessionSchema),
    timeEntries: z.array(timelineTimeEntrySchema),
    screenshots: z.array(screenshotViewSchema),
    /**
     * The ticket's time in whole seconds: a technician's entries that overlap (two sessions open at once on the ticket)
     * count once, as the wall-clock time they cover. Running entries are not counted yet.
     */
    totalSeconds: z.number().int(),
  }),
);
export type TicketTimeline = z.infer<typeof ticketTimelineSchema>;

/** Whole seconds covered by intervals (epoch ms), overlaps counted once. */
export function coveredSeconds(intervals: readonly { start: number; end: number }[]): number {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  let total = 0;
  let current: { start: number; end: number } | null = null;
  for (const interval of sorted) {
    if (current && interval.start <= current.end) {
      current.end = Math.max(current.end, interval.end);
    } else {
      if (current) total += current.end - current.start;
      current = { ...interval };
    }
  }
  if (current) total += current.end - current.start;
  return Math.round(total / 1000);
}
