import { z } from 'zod';
import { billableWorkTypes } from '../agreements/model.ts';
import { idSchema } from '../registry/model.ts';

/** Where a time entry came from: a terminal or SSH session, a technician's timer, or typed in afterwards. */
export const timeSources = ['session', 'timer', 'manual'] as const;
export type TimeSource = (typeof timeSources)[number];

/** Set by the technician (Lotsen will suggest); billing reads it. */
export const timeClassifications = ['unclassified', 'included', 'billable', 'no_charge'] as const;
export type TimeClassification = (typeof timeClassifications)[number];

const instant = z.number({ error: 'An instant is epoch milliseconds' }).int().min(0);

export const manualTimeEntryInputSchema = z
  .object({
    ticketId: idSchema,
    startedAt: instant,
    endedAt: instant,
    note: z.string().trim().max(2_000, { error: 'Note is longer than 2000 characters' }).default(''),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.endedAt <= entry.startedAt) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'The end must be after the start' });
    }
    if (entry.endedAt - entry.startedAt > 24 * 3_600_000) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'One entry covers at most 24 hours' });
    }
  });
export type ManualTimeEntryInput = z.input<typeof manualTimeEntryInputSchema>;

/** What Lotsen proposes for an unclassified entry, and why; the technician decides. */
export const classificationSuggestionSchema = z.object({
  classification: z.enum(['included', 'billable', 'no_charge']),
  workType: z.enum(billableWorkTypes).nullable(),
  reason: z.string(),
});
export type ClassificationSuggestion = z.infer<typeof classificationSuggestionSchema>;

/** An edit of a stopped entry: the note always; times and ticket only for timer and manual entries. */
export const timeEntryUpdateSchema = z
  .object({
    id: idSchema,
    ticketId: idSchema.optional(),
    startedAt: instant.optional(),
    endedAt: instant.optional(),
    note: z.string().trim().max(2_000, { error: 'Note is longer than 2000 characters' }).optional(),
  })
  .strict();
export type TimeEntryUpdate = z.input<typeof timeEntryUpdateSchema>;

export const timeEntryViewSchema = z.object({
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
  /** The approved billing batch that locks the entry; a locked entry is corrected by an adjustment only. */
  batchId: idSchema.nullable(),
});
export type TimeEntryView = z.infer<typeof timeEntryViewSchema>;
