import { z } from 'zod';
import { rowVersionSchema } from '../api/rowVersion.ts';
import { billableWorkTypes } from '../agreements/model.ts';
import { reasonSchema, verdictSchema } from '../agreements/verdict.ts';
import { checkPeriod, instantSchema } from '../api/period.ts';
import { idSchema } from '../registry/model.ts';
import { lazily } from '../api/lazySchema.ts';

/** Where a time entry came from: a terminal or SSH session, a technician's timer, or typed in afterwards. */
export const timeSources = ['session', 'timer', 'manual'] as const;
export type TimeSource = (typeof timeSources)[number];

/** Set by the technician (Lotsen will suggest); billing reads it. */
export const timeClassifications = ['unclassified', 'included', 'billable', 'no_charge'] as const;
export type TimeClassification = (typeof timeClassifications)[number];

export type TimeSpanProblem = 'The end must be after the start' | 'One entry covers at most 24 hours';

/** What is wrong with an entry's span (epoch ms), or null: it ends after it starts and covers at most 24 hours. */
export function timeSpanProblem(startedAt: number, endedAt: number): TimeSpanProblem | null {
  if (endedAt <= startedAt) return 'The end must be after the start';
  if (endedAt - startedAt > 24 * 3_600_000) return 'One entry covers at most 24 hours';
  return null;
}

/** A zod refinement of an entry's span, reported on `endedAt`. */
export function checkTimeSpan(startedAt: number, endedAt: number, ctx: z.RefinementCtx): void {
  const problem = timeSpanProblem(startedAt, endedAt);
  if (problem !== null) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: problem });
}

export const manualTimeEntryInputSchema = lazily(() =>
  z
    .object({
      ticketId: idSchema,
      startedAt: instantSchema,
      endedAt: instantSchema,
      note: z.string().trim().max(2_000, { error: 'Note is longer than 2000 characters' }).default(''),
    })
    .strict()
    .superRefine((entry, ctx) => checkTimeSpan(entry.startedAt, entry.endedAt, ctx)),
);

/** Entries a page of `time.list` holds unless told otherwise, and at most. */
const TIME_LIST_PAGE = 500;
export const TIME_LIST_MAX_PAGE = 2_000;

/**
 * A page of time entries, oldest first in (startedAt, id) order. A full page may have more after it: ask again with
 * `after` set to its last entry.
 */
export const timeListInputSchema = lazily(() =>
  z
    .object({
      ticketId: idSchema.optional(),
      customerId: idSchema.optional(),
      /** Entries started at or after `from` and before `to`. */
      from: instantSchema.optional(),
      to: instantSchema.optional(),
      after: z.object({ startedAt: instantSchema, id: idSchema }).strict().optional(),
      limit: z
        .number({ error: 'limit must be a whole number' })
        .int({ error: 'limit must be a whole number' })
        .min(1, { error: 'limit must be at least 1' })
        .max(TIME_LIST_MAX_PAGE, {
          error: `A page holds at most ${TIME_LIST_MAX_PAGE} entries; ask for the next one with after`,
        })
        .default(TIME_LIST_PAGE),
    })
    .strict()
    .superRefine(checkPeriod),
);
export type TimeListInput = z.input<typeof timeListInputSchema>;
export type ManualTimeEntryInput = z.input<typeof manualTimeEntryInputSchema>;

/** What Lotsen proposes for an unclassified entry, and why; the technician decides. */
export const classificationSuggestionSchema = lazily(() =>
  z.object({
    classification: z.enum(['included', 'billable', 'no_charge']),
    workType: z.enum(billableWorkTypes).nullable(),
    /** Why, in the CLI's English. */
    reason: z.string(),
    /** Why, by code, for the console to word: included support, non-standard access (8.6), or outside the agreement. */
    basis: z.enum(['included', 'nonStandardAccess', 'outsideAgreement']).optional(),
    /** The eligibility reason the suggestion rests on, for the last two. */
    because: reasonSchema.optional(),
  }),
);
export type ClassificationSuggestion = z.infer<typeof classificationSuggestionSchema>;

/** An edit of a stopped entry: the note always; times and ticket only for timer and manual entries. */
export const timeEntryUpdateSchema = lazily(() =>
  z
    .object({
      id: idSchema,
      /** The version the entry was opened at; a stale one is refused with CONFLICT (common/api/staleSave.ts). */
      rowVersion: rowVersionSchema,
      ticketId: idSchema.optional(),
      startedAt: instantSchema.optional(),
      endedAt: instantSchema.optional(),
      note: z.string().trim().max(2_000, { error: 'Note is longer than 2000 characters' }).optional(),
    })
    .strict(),
);
export type TimeEntryUpdate = z.input<typeof timeEntryUpdateSchema>;

export const timeEntryViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    ticketId: idSchema,
    ticketSubject: z.string(),
    customerId: idSchema,
    customerName: z.string(),
    technicianId: idSchema,
    technicianName: z.string(),
    startedAt: z.number().int(),
    /** Null while the timer or session runs. */
    endedAt: z.number().int().nullable(),
    /** Whole seconds actually worked; null while running. Billed minutes are kept apart, by billing. */
    actualSeconds: z.number().int().nullable(),
    source: z.enum(timeSources),
    sessionId: z.string().nullable(),
    note: z.string(),
    classification: z.enum(timeClassifications),
    workType: z.enum(billableWorkTypes).nullable(),
    /** For unclassified entries: what Lotsen suggests (null once classified). */
    suggestion: classificationSuggestionSchema.nullable(),
    /** Eligibility for the entry's ticket when the entry started (agreement, service, DPA, access). */
    verdict: verdictSchema.nullable(),
    /** The approved billing batch that locks the entry; a locked entry is corrected by an adjustment only. */
    batchId: idSchema.nullable(),
    rowVersion: rowVersionSchema,
  }),
);
export type TimeEntryView = z.infer<typeof timeEntryViewSchema>;
