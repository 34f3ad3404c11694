import { z } from 'zod';
import { emailSchema, idSchema } from '../registry/model.ts';
import { ticketStatuses } from '../tickets/model.ts';
import { rowVersionSchema } from '../api/rowVersion.ts';
import { lazily } from '../api/lazySchema.ts';

/*
 * The summer purge (gallring) and a person's data on request (GDPR articles 15 and 17). What goes at a purge on date
 * D: the personal data of every resolved or closed ticket whose last change (its status, a time entry, a session)
 * was before the cutoff day D − keepClosedDays, with no session or timer running; and the month keys of months that
 * ended before that day. Dates are Swedish calendar days (Europe/Stockholm).
 */

const isRealDate = (date: string) => {
  const instant = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(instant) && new Date(instant).toISOString().startsWith(date);
};

/** A day every year has: MM-DD, never 02-29. */
export const purgeMonthDaySchema = lazily(() =>
  z
    .string({ error: 'The purge date is a month and day, like 07-01' })
    .trim()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
      error: 'The purge date is written MM-DD, like 07-01',
    })
    .refine((value) => isRealDate(`2025-${value}`), {
      error: 'The purge date must be a day every year has (not 29 February)',
    }),
);

export const MAX_KEEP_CLOSED_DAYS = 366;

export const retentionPolicySchema = lazily(() =>
  z
    .object({
      purgeMonthDay: purgeMonthDaySchema,
      keepClosedDays: z
        .number({ error: 'Days to keep closed tickets must be a whole number' })
        .int({ error: 'Days to keep closed tickets must be a whole number' })
        .min(0, { error: 'Days to keep closed tickets cannot be negative' })
        .max(MAX_KEEP_CLOSED_DAYS, {
          error: `Days to keep closed tickets is at most ${MAX_KEEP_CLOSED_DAYS}`,
        }),
    })
    .strict(),
);
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

/** The policy as read and as saved, with the version a save names (docs/versions.md). */
export const versionedRetentionPolicySchema = lazily(() =>
  retentionPolicySchema.unwrap().extend({ rowVersion: rowVersionSchema }).strict(),
);
export type VersionedRetentionPolicy = z.infer<typeof versionedRetentionPolicySchema>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { purgeMonthDay: '07-01', keepClosedDays: 30 };

/** A Swedish calendar date, YYYY-MM-DD, that exists. */
export const calendarDateSchema = lazily(() =>
  z
    .string({ error: 'A date is written YYYY-MM-DD' })
    .trim()
    .regex(/^20\d\d-\d{2}-\d{2}$/, { error: 'A date is written YYYY-MM-DD, like 2027-07-01' })
    .refine(isRealDate, {
      error: 'Not a real calendar date',
    }),
);

/** A ticket the purge takes: ids, references and dates only, never its text or its requester. */
export const purgeTicketSchema = lazily(() =>
  z.object({
    ticketId: idSchema,
    customerId: idSchema,
    customerName: z.string(),
    externalRef: z.string(),
    status: z.enum(ticketStatuses),
    lastActivityAt: z.number().int(),
  }),
);
export type PurgeTicket = z.infer<typeof purgeTicketSchema>;

export const purgePreviewSchema = lazily(() =>
  z.object({
    purgeDate: z.string(),
    /** Changes before this day (first instant, Swedish time) are old enough to go. */
    cutoffDate: z.string(),
    policy: retentionPolicySchema,
    customers: z.array(
      z.object({ customerId: idSchema, customerName: z.string(), tickets: z.number().int() }),
    ),
    tickets: z.array(purgeTicketSchema),
    /** YYYY-MM: months whose key goes (personal text of the month that belongs to no ticket, e.g. a reveal's purpose). */
    months: z.array(z.string()),
    recordings: z.number().int(),
  }),
);
export type PurgePreview = z.infer<typeof purgePreviewSchema>;

export const purgeRunSchema = lazily(() =>
  z.object({
    id: idSchema,
    ranAt: z.number().int(),
    ranBy: z.string(),
    purgeDate: z.string(),
    tickets: z.number().int(),
    monthKeys: z.number().int(),
    keysDestroyed: z.number().int(),
    recordings: z.number().int(),
  }),
);
export type PurgeRun = z.infer<typeof purgeRunSchema>;

export const retentionStatusSchema = lazily(() =>
  z.object({
    policy: versionedRetentionPolicySchema,
    /** Today, Swedish time. */
    today: z.string(),
    /** Today when a purge is due, else the next purge date. */
    nextPurgeDate: z.string(),
    /** True when a purge date has passed with no purge run since. */
    due: z.boolean(),
    preview: purgePreviewSchema,
    lastRun: purgeRunSchema.nullable(),
  }),
);
export type RetentionStatus = z.infer<typeof retentionStatusSchema>;

export const privacyRequestSchema = lazily(() =>
  z
    .object({ email: emailSchema('The person is found by e-mail: give an address like namn@kommun.se') })
    .strict(),
);

/** Everything Lotsen holds about one person (article 15), as it reads now. */
export const personExtractSchema = lazily(() =>
  z.object({
    email: z.string(),
    extractedAt: z.number().int(),
    tickets: z.array(
      z.object({
        id: idSchema,
        customerName: z.string(),
        externalRef: z.string(),
        requesterName: z.string(),
        requesterEmail: z.string(),
        subject: z.string(),
        description: z.string(),
        affectedUsers: z.string(),
        schoolAndClass: z.string(),
        problemStarted: z.string(),
        pageLinks: z.string(),
        browser: z.string(),
        status: z.enum(ticketStatuses),
        receivedAt: z.number().int(),
        timeEntryNotes: z.array(
          z.object({ entryId: idSchema, startedAt: z.number().int(), note: z.string() }),
        ),
      }),
    ),
    contacts: z.array(
      z.object({
        id: idSchema,
        customerName: z.string(),
        name: z.string(),
        email: z.string(),
        phone: z.string(),
        role: z.string(),
      }),
    ),
  }),
);
export type PersonExtract = z.infer<typeof personExtractSchema>;

export const personEraseResultSchema = lazily(() =>
  z.object({
    ticketIds: z.array(idSchema),
    contactIds: z.array(idSchema),
    keysDestroyed: z.number().int(),
    recordings: z.number().int(),
  }),
);
export type PersonEraseResult = z.infer<typeof personEraseResultSchema>;
