import { z } from 'zod';
import { checkPeriod, instantSchema } from '../api/period.ts';
import { auditEventCodes, type AuditEventCode } from '../audit/auditEvents.ts';
import { idSchema } from '../registry/model.ts';
import { sessionKinds, sessionStates } from '../sessions/model.ts';
import { lazily } from '../api/lazySchema.ts';

/*
 * The access report of one customer for a period: every session on its servers (who, where, when, for which ticket)
 * and every export or reveal that concerns it. It names tickets by their helpdesk reference and id only: a ticket's
 * subject and requester are personal data, sealed and purged each summer, and a report handed to the customer must
 * not carry them past that.
 */

/** A report covers at most this many days: a year and a little, so a whole school year or calendar year fits. */
export const MAX_REPORT_DAYS = 400;
const DAY_MS = 24 * 60 * 60 * 1000;

function checkReportLength(period: { from: number; to: number }, ctx: z.RefinementCtx): void {
  if (period.to - period.from > MAX_REPORT_DAYS * DAY_MS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `A report covers at most ${MAX_REPORT_DAYS} days; ask for a shorter period`,
    });
  }
}

const reportPeriod = {
  customerId: idSchema,
  /** The period, [from, to) in epoch ms; the CLI and the UI make it from Swedish days or months. */
  from: instantSchema,
  to: instantSchema,
};

export const accessReportInputSchema = lazily(() => z
  .object(reportPeriod)
  .strict()
  .superRefine(checkPeriod)
  .superRefine(checkReportLength));
export type AccessReportInput = z.input<typeof accessReportInputSchema>;

export const accessExportInputSchema = lazily(() => z
  .object({
    ...reportPeriod,
    /** Semicolons for Excel on a Swedish Windows, as the finance export offers. */
    excelSv: z.boolean().default(false),
  })
  .strict()
  .superRefine(checkPeriod)
  .superRefine(checkReportLength));
export type AccessExportInput = z.input<typeof accessExportInputSchema>;

export const accessSessionRowSchema = lazily(() => z.object({
  sessionId: idSchema,
  technicianId: z.string(),
  technicianName: z.string(),
  environmentId: idSchema,
  /** Null when the environment has since been deleted. */
  environmentName: z.string().nullable(),
  kind: z.enum(sessionKinds),
  /** The server's host (as registered, or as the session's title named it if the server is gone); null for a local terminal. */
  serverHost: z.string().nullable(),
  serverRole: z.string().nullable(),
  openedAt: z.number().int(),
  closedAt: z.number().int().nullable(),
  /** Whole seconds from open to close; null while it is live. */
  durationSeconds: z.number().int().nullable(),
  state: z.enum(sessionStates),
  /** Why it ended, as a code (`PRECONNECT_FAILED`, `KEEPALIVE`…); null after a normal close. */
  endCode: z.string().nullable(),
  ticketId: idSchema,
  ticketRef: z.string(),
  recorded: z.boolean(),
  /** Whether the eligibility gate was overridden; the reason is not part of the report. */
  overridden: z.boolean(),
}));
export type AccessSessionRow = z.infer<typeof accessSessionRowSchema>;

/** The audit events the report lists: what took the customer's data, or a secret to its servers, out of Lotsen. */
export const accessExportEvents = [
  'recording.exported',
  'billing.exported',
  'registry.exported_with_secrets',
  'secret.revealed',
  'report.access_exported',
] as const satisfies readonly AuditEventCode[];

export const accessExportRowSchema = lazily(() => z.object({
  seq: z.number().int(),
  event: z.enum(auditEventCodes),
  at: z.number().int(),
  actorId: z.string(),
  actorName: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  /** What a person recognises it by: a ticket's helpdesk reference, a month, an account's user name, a period. */
  subjectRef: z.string(),
}));
export type AccessExportRow = z.infer<typeof accessExportRowSchema>;

export const accessReportSchema = lazily(() => z.object({
  customerId: idSchema,
  customerName: z.string(),
  orgNumber: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  sessions: z.array(accessSessionRowSchema),
  exports: z.array(accessExportRowSchema),
}));
export type AccessReport = z.infer<typeof accessReportSchema>;

export const accessExportResultSchema = lazily(() => z.object({
  fileName: z.string(),
  mediaType: z.string(),
  /** The CSV, UTF-8 with its byte-order mark. */
  csv: z.string(),
  /** What the CSV holds, for a caller that also shows or prints it. */
  report: accessReportSchema,
}));
export type AccessExportResult = z.infer<typeof accessExportResultSchema>;
