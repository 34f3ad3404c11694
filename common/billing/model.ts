import { z } from 'zod';
import { billableWorkTypeLabels, billableWorkTypes, type BillableWorkType } from '../agreements/model.ts';
import { rowVersionSchema } from '../api/rowVersion.ts';
import { idSchema } from '../registry/model.ts';
import { lazily } from '../api/lazySchema.ts';

/*
 * Billing months, approved batches, adjustments and the finance export. A billing month is a calendar month in
 * Sweden (Europe/Stockholm), written YYYY-MM; money is integer öre, time whole minutes.
 */

export const monthSchema = lazily(() =>
  z
    .string({ error: 'A month is written YYYY-MM' })
    .trim()
    .regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, { error: 'A month is written YYYY-MM, like 2026-11' }),
);
export type Month = z.infer<typeof monthSchema>;

/** How time is charged once classified; unclassified time cannot be approved. */
export const chargeClassifications = ['included', 'billable', 'no_charge'] as const;
export type ChargeClassification = (typeof chargeClassifications)[number];

export const chargeLabels: Record<ChargeClassification, string> = {
  included: 'Included in the support fee',
  billable: 'Billable',
  no_charge: 'No charge',
};

/** What a billing line bills: worked time, a correction of locked time, or a fixed fee. */
export const billingLineKinds = ['time', 'adjustment', 'fee'] as const;
export type BillingLineKind = (typeof billingLineKinds)[number];

export const billingLineKindLabels: Record<BillingLineKind, string> = {
  time: 'Time',
  adjustment: 'Adjustment',
  fee: 'Acute escalation fee',
};

/** The work-type column: the billable work type's label, else what the classification means. */
export function workTypeLabel(
  kind: BillingLineKind,
  classification: ChargeClassification,
  workType: BillableWorkType | null,
): string {
  if (kind === 'fee') return billingLineKindLabels.fee;
  if (classification === 'billable' && workType) return billableWorkTypeLabels[workType];
  return chargeLabels[classification];
}

/** Billable time has a work type, and only billable time has one. */
export function checkWorkType(
  input: { classification: string; workType: BillableWorkType | null },
  ctx: z.RefinementCtx,
): void {
  if (input.classification === 'billable' && input.workType === null) {
    ctx.addIssue({ code: 'custom', path: ['workType'], message: 'Billable time needs a work type' });
  }
  if (input.classification !== 'billable' && input.workType !== null) {
    ctx.addIssue({ code: 'custom', path: ['workType'], message: 'Only billable time has a work type' });
  }
}

const classificationFields = {
  classification: z.enum(chargeClassifications, {
    error: `Classification must be one of ${chargeClassifications.join(', ')}`,
  }),
  workType: z
    .enum(billableWorkTypes, { error: `Work type must be one of ${billableWorkTypes.join(', ')}` })
    .nullable()
    .default(null),
};

/** How an entry is charged, as finance chooses it in the classify dialog. */
export const classificationSchema = lazily(() =>
  z.object(classificationFields).strict().superRefine(checkWorkType),
);

/**
 * `rowVersion`: the version of the entry finance classified (docs/versions.md), required like every save of a
 * versioned record, so that a classification never lands on an entry changed since it was read unseen.
 */
export const classifyInputSchema = lazily(() =>
  z
    .object({ entryId: idSchema, rowVersion: rowVersionSchema, ...classificationFields })
    .strict()
    .superRefine(checkWorkType),
);
export type ClassifyInput = z.input<typeof classifyInputSchema>;

/** One reason a customer's month cannot be approved yet, by code with its count (and the agreement and work type). */
export const monthIssueSchema = lazily(() =>
  z.union([
    z.object({ code: z.enum(['unclassified', 'running', 'noAgreement']), count: z.number().int() }),
    z.object({
      code: z.literal('missingRate'),
      count: z.number().int(),
      reference: z.string(),
      workType: z.enum(billableWorkTypes),
    }),
  ]),
);
export type MonthIssue = z.infer<typeof monthIssueSchema>;

export const customerMonthSchema = lazily(() =>
  z.object({
    customerId: idSchema,
    customerName: z.string(),
    orgNumber: z.string(),
    /** `approved` once finance has approved the month: its figures then come from the stored billing lines. */
    status: z.enum(['open', 'approved']),
    batchId: idSchema.nullable(),
    batchNumber: z.number().int().nullable(),
    approvedAt: z.number().int().nullable(),
    /** Time entries started in the month (all classifications, running ones too). */
    entries: z.number().int(),
    unclassified: z.number().int(),
    running: z.number().int(),
    adjustments: z.number().int(),
    actualMinutes: z.number().int(),
    billedMinutes: z.number().int(),
    amountOre: z.number().int(),
    /** Why the month cannot be approved yet, in words (empty when it can): the CLI's English. */
    problems: z.array(z.string()),
    /** The same, by code, for the console to word in the reader's language. */
    issues: z.array(monthIssueSchema),
  }),
);
export type CustomerMonth = z.infer<typeof customerMonthSchema>;

export const monthSummarySchema = lazily(() =>
  z.object({
    month: monthSchema,
    /** Whether the month has ended in Sweden: only an ended month can be approved. */
    ended: z.boolean(),
    customers: z.array(customerMonthSchema),
    totals: z.object({
      actualMinutes: z.number().int(),
      billedMinutes: z.number().int(),
      amountOre: z.number().int(),
      unclassified: z.number().int(),
    }),
  }),
);
export type MonthSummary = z.infer<typeof monthSummarySchema>;

export const billedHoursSeriesSchema = lazily(() =>
  z.object({
    /** Twelve months, oldest first, ending with the month asked for. */
    months: z.array(monthSchema),
    customers: z.array(
      z.object({
        customerId: idSchema,
        customerName: z.string(),
        /** Billed minutes per month (approved months from their batch, open ones as they would bill now). */
        billedMinutes: z.array(z.number().int()),
      }),
    ),
  }),
);
export type BilledHoursSeries = z.infer<typeof billedHoursSeriesSchema>;

export const batchViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    /** Counts up from 1 across all batches: what finance quotes. */
    number: z.number().int(),
    customerId: idSchema,
    customerName: z.string(),
    orgNumber: z.string(),
    month: monthSchema,
    approvedAt: z.number().int(),
    approvedBy: z.string(),
    entries: z.number().int(),
    lines: z.number().int(),
    actualMinutes: z.number().int(),
    billedMinutes: z.number().int(),
    amountOre: z.number().int(),
  }),
);
export type BatchView = z.infer<typeof batchViewSchema>;

export const approveMonthInputSchema = lazily(() =>
  z.object({ month: monthSchema, customerId: idSchema }).strict(),
);

export const adjustmentInputSchema = lazily(() =>
  z
    .object({
      entryId: idSchema,
      minutes: z
        .number({ error: 'Minutes must be a whole number' })
        .int({ error: 'Minutes must be a whole number' })
        .min(-24 * 60, { error: 'An adjustment is at most 24 hours either way' })
        .max(24 * 60, { error: 'An adjustment is at most 24 hours either way' })
        .refine((m) => m !== 0, { error: 'An adjustment of 0 minutes changes nothing' }),
      note: z
        .string({ error: 'Say why (a note is required)' })
        .trim()
        .min(3, { error: 'Say why (a note of 3 characters or more)' })
        .max(2_000, { error: 'Note is longer than 2000 characters' }),
    })
    .strict(),
);
export type AdjustmentInput = z.input<typeof adjustmentInputSchema>;

export const adjustmentViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    entryId: idSchema,
    customerId: idSchema,
    /** The open month the correction is billed in (the first one after the locked entry's month). */
    month: monthSchema,
    minutes: z.number().int(),
    note: z.string(),
    createdAt: z.number().int(),
    createdBy: z.string(),
    batchId: idSchema.nullable(),
  }),
);
export type AdjustmentView = z.infer<typeof adjustmentViewSchema>;

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * A finance export over the API: its bytes come back in the answer, for the client to save. No API call names a
 * file to write; `lotsen time export --out` writes its file in its own process, through the same service.
 */
export const exportInputSchema = lazily(() =>
  z
    .object({
      month: monthSchema,
      /** Without it, every customer with time, adjustments or a batch in the month. */
      customerId: idSchema.optional(),
      format: z.enum(exportFormats, { error: 'Format must be csv or xlsx' }),
      /** CSV for Excel on a Swedish Windows: semicolons and decimal commas. */
      excelSv: z.boolean().default(false),
      /** Echoed in `billing.exportProgress` events so a client can tell its export's progress from others'. */
      progressId: z.string().min(1).max(100).optional(),
    })
    .strict()
    .superRefine((input, ctx) => {
      if (input.excelSv && input.format !== 'csv') {
        ctx.addIssue({
          code: 'custom',
          path: ['excelSv'],
          message: 'The Swedish Excel dialect is for CSV only',
        });
      }
    }),
);
export type ExportInput = z.input<typeof exportInputSchema>;

export const exportResultSchema = lazily(() =>
  z.object({
    fileName: z.string(),
    format: z.enum(exportFormats),
    mediaType: z.string(),
    /** Detail rows written (lines, adjustments and fees), not counting the header. */
    rows: z.number().int(),
    bytes: z.number().int(),
    sha256: z.string(),
    /** True when a customer's month in the file is not approved: its rows are what approval would store now. */
    preview: z.boolean(),
    batchIds: z.array(idSchema),
    /** The file itself, base64: the client saves it (a browser download). Files on disk are the CLI's alone. */
    contentBase64: z.string(),
  }),
);
export type ExportResult = z.infer<typeof exportResultSchema>;

export const exportProgressSchema = lazily(() =>
  z.object({
    progressId: z.string(),
    done: z.number().int(),
    total: z.number().int(),
  }),
);
export type ExportProgress = z.infer<typeof exportProgressSchema>;
