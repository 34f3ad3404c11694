import { z } from 'zod';
import { billableWorkTypes } from '../agreements/model.ts';
import { idSchema } from '../registry/model.ts';

/*
 * The time file: what `lotsen time import` reads (docs/time-file.md). Versioned JSON; every entry names its ticket
 * by Lotsen id or by the helpdesk reference, and its start and end as ISO 8601 instants with their offset.
 */

export const TIME_FILE_FORMAT = 'lotsen-time';
export const TIME_FILE_VERSION = 1;

export const timeFileEnvelopeSchema = z.object({
  format: z.literal(TIME_FILE_FORMAT, { error: `format must be "${TIME_FILE_FORMAT}"` }),
  version: z.literal(TIME_FILE_VERSION, { error: `version must be ${TIME_FILE_VERSION}` }),
  entries: z.array(z.unknown(), { error: 'entries must be a list' }).max(100_000, {
    error: 'A time file holds at most 100000 entries; split it',
  }),
});

const isoInstant = (label: string) =>
  z.iso.datetime({
    offset: true,
    error: `${label} must be an ISO 8601 instant with its offset, like 2026-11-05T09:00:00+01:00`,
  });

export const timeFileEntrySchema = z
  .object({
    ticketId: idSchema.optional(),
    /** The helpdesk's reference for the ticket (its `externalRef` in Lotsen). */
    ticketRef: z.string().trim().min(1).max(100).optional(),
    /** Narrows `ticketRef` to one customer when two customers' helpdesks use the same reference. */
    customerOrgNumber: z.string().trim().max(20).optional(),
    startedAt: isoInstant('startedAt'),
    endedAt: isoInstant('endedAt'),
    note: z.string().trim().max(2_000, { error: 'Note is longer than 2000 characters' }).default(''),
    classification: z
      .enum(['unclassified', 'included', 'billable', 'no_charge'], {
        error: 'classification must be unclassified, included, billable or no_charge',
      })
      .default('unclassified'),
    workType: z
      .enum(billableWorkTypes, { error: `workType must be one of ${billableWorkTypes.join(', ')}` })
      .nullable()
      .default(null),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if ((entry.ticketId === undefined) === (entry.ticketRef === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ticketId'],
        message: 'Give exactly one of ticketId and ticketRef',
      });
    }
    const start = Date.parse(entry.startedAt);
    const end = Date.parse(entry.endedAt);
    if (end <= start)
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'The end must be after the start' });
    if (end - start > 24 * 3_600_000) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'One entry covers at most 24 hours' });
    }
    if (entry.classification === 'billable' && entry.workType === null) {
      ctx.addIssue({ code: 'custom', path: ['workType'], message: 'Billable time needs a work type' });
    }
    if (entry.classification !== 'billable' && entry.workType !== null) {
      ctx.addIssue({ code: 'custom', path: ['workType'], message: 'Only billable time has a work type' });
    }
  });
export type TimeFileEntry = z.output<typeof timeFileEntrySchema>;

export const timeImportSummarySchema = z.object({ entries: z.number().int() });
export type TimeImportSummary = z.infer<typeof timeImportSummarySchema>;
