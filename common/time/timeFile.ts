import { z } from 'zod';
import { billableWorkTypes } from '../agreements/model.ts';
import { checkWorkType } from '../billing/model.ts';
import { idSchema } from '../registry/model.ts';
import { checkTimeSpan } from './model.ts';
import { lazily } from '../api/lazySchema.ts';

/*
 * The time file: what `lotsen time import` reads (docs/time-file.md). Versioned JSON; every entry names its ticket
 * by Lotsen id or by the helpdesk reference, and its start and end as ISO 8601 instants with their offset.
 */

export const TIME_FILE_FORMAT = 'lotsen-time';
export const TIME_FILE_VERSION = 1;

export const MAX_TIME_FILE_ENTRIES = 100_000;

export const timeFileEnvelopeSchema = lazily(() =>
  z.object({
    format: z.literal(TIME_FILE_FORMAT, { error: `format must be "${TIME_FILE_FORMAT}"` }),
    version: z.literal(TIME_FILE_VERSION, { error: `version must be ${TIME_FILE_VERSION}` }),
    entries: z.array(z.unknown(), { error: 'entries must be a list' }).max(MAX_TIME_FILE_ENTRIES, {
      error: `A time file holds at most ${MAX_TIME_FILE_ENTRIES} entries; split it`,
    }),
  }),
);

const isoInstant = (label: string) =>
  z.iso.datetime({
    offset: true,
    error: `${label} must be an ISO 8601 instant with its offset, like 2026-11-05T09:00:00+01:00`,
  });

export const timeFileEntrySchema = lazily(() =>
  z
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
      checkTimeSpan(Date.parse(entry.startedAt), Date.parse(entry.endedAt), ctx);
      checkWorkType(entry, ctx);
    }),
);
export type TimeFileEntry = z.output<typeof timeFileEntrySchema>;

export const timeImportSummarySchema = lazily(() => z.object({ entries: z.number().int() }));
export type TimeImportSummary = z.infer<typeof timeImportSummarySchema>;
