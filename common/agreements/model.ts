import { z } from 'zod';
import { rowVersionSchema } from '../api/rowVersion.ts';
import { idSchema } from '../registry/model.ts';
import { lazily } from '../api/lazySchema.ts';

/*
 * Support agreements (förvaltnings-/supportavtal) and data-processing agreements (PUB-avtal). Dates are calendar dates
 * in Sweden (YYYY-MM-DD): an agreement runs from the start of its first day to the end of its last day, Stockholm
 * time. Money is integer öre.
 */

export const serviceKinds = ['integration', 'sync', 'sso'] as const;
export type ServiceKind = (typeof serviceKinds)[number];
export const serviceKindLabels: Record<ServiceKind, string> = {
  integration: 'Integration',
  sync: 'Sync',
  sso: 'SSO installation (AD FS / WAP)',
};

/** Work outside the licence fee, each with its own hourly rate (DOMAIN: "Not included, billed on top"). */
export const billableWorkTypes = [
  'configuration_change',
  'customer_environment_change',
  'non_standard_access',
  'project',
] as const;
export type BillableWorkType = (typeof billableWorkTypes)[number];
export const billableWorkTypeLabels: Record<BillableWorkType, string> = {
  configuration_change: 'Configuration change',
  customer_environment_change: "Change in the customer's environment",
  non_standard_access: 'Non-standard access method (8.6)',
  project: 'Project work',
};

export const roundingScopes = ['entry', 'ticket_day'] as const;
export type RoundingScope = (typeof roundingScopes)[number];

const isoDate = (label: string) =>
  z
    .string({ error: `${label} must be a date` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a date like 2026-08-01` })
    .refine(
      (value) =>
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      {
        error: `${label} is not a real calendar date`,
      },
    );

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} is longer than ${max} characters` });

const oreSchema = (label: string) =>
  z
    .number({ error: `${label} must be a number of öre` })
    .int({ error: `${label} must be whole öre` })
    .min(0, { error: `${label} cannot be negative` })
    .max(100_000_000_00, { error: `${label} is implausibly large` });

export const agreementServiceInputSchema = lazily(() =>
  z
    .object({
      /** Present when editing a service that already exists, so tickets that point at it keep pointing at it. */
      id: idSchema.optional(),
      kind: z.enum(serviceKinds, { error: `Service kind must be one of ${serviceKinds.join(', ')}` }),
      name: text('Service name', 200).min(1, { error: 'Service name is required' }),
      environmentId: idSchema.nullable().default(null),
    })
    .strict(),
);

/** The agreement's fields without the cross-field checks, so the registry file can swap how services name environments. */
export const agreementFieldsSchema = lazily(() =>
  z
    .object({
      reference: text('Reference', 100).min(1, { error: 'Reference is required' }),
      startsOn: isoDate('Start date'),
      endsOn: isoDate('End date').nullable().default(null),
      responseHours: z
        .number({ error: 'Response time must be a number of office hours' })
        .int({ error: 'Response time must be whole office hours' })
        .min(1, { error: 'Response time must be at least 1 office hour' })
        .max(200, { error: 'Response time is at most 200 office hours' })
        .default(8),
      acuteEscalation: z
        .object({ enabled: z.boolean().default(false), feeOre: oreSchema('Escalation fee').default(0) })
        .strict()
        .default({ enabled: false, feeOre: 0 }),
      allowedContacts: z
        .number({ error: 'Allowed contacts must be a number' })
        .int()
        .min(1, { error: 'At least one named contact must be allowed' })
        .max(100)
        .default(6),
      // At least one: an agreement covers a service, and tickets name theirs (issue 15: one saved with none once its
      // only, empty row was dropped). The registry file's own services list (registryFile.ts) replaces this one.
      services: z
        .array(agreementServiceInputSchema)
        .min(1, { error: 'An agreement covers at least one service: add the service it covers' })
        .max(100),
      hourlyRatesOre: z
        .object(
          Object.fromEntries(
            billableWorkTypes.map((t) => [t, oreSchema(billableWorkTypeLabels[t]).optional()]),
          ) as Record<BillableWorkType, z.ZodOptional<ReturnType<typeof oreSchema>>>,
        )
        .strict()
        .default({}),
      rounding: z
        .object({
          incrementMinutes: z
            .number()
            .int()
            .min(1, { error: 'Rounding increment must be at least 1 minute' })
            .max(480)
            .default(15),
          scope: z
            .enum(roundingScopes, { error: 'Rounding is per entry or per ticket and day' })
            .default('entry'),
          minimumMinutes: z.number().int().min(0).max(480).default(0),
        })
        .strict()
        .default({ incrementMinutes: 15, scope: 'entry', minimumMinutes: 0 }),
      notes: text('Notes', 10_000).default(''),
    })
    .strict(),
);

/** End after start, and service names unique within the agreement (tickets name their service). */
export function checkAgreement(
  agreement: { startsOn: string; endsOn: string | null; services: readonly { name: string }[] },
  ctx: z.RefinementCtx,
): void {
  if (agreement.endsOn !== null && agreement.endsOn < agreement.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The end date is before the start date' });
  }
  const names = new Set<string>();
  agreement.services.forEach((service, index) => {
    const key = service.name.toLocaleLowerCase('sv');
    if (names.has(key))
      ctx.addIssue({
        code: 'custom',
        path: ['services', index, 'name'],
        message: 'Two services have this name',
      });
    names.add(key);
  });
}

export const agreementInputSchema = lazily(() => agreementFieldsSchema.superRefine(checkAgreement));
export type AgreementInput = z.input<typeof agreementInputSchema>;
export type AgreementFields = z.output<typeof agreementInputSchema>;

export const dpaFieldsSchema = lazily(() =>
  z
    .object({
      signedOn: isoDate('Signed date'),
      reference: text('Reference', 100).min(1, { error: 'Reference is required' }),
      version: text('Version', 50).default(''),
      signatory: text('Signatory', 200).min(1, { error: 'Signatory is required' }),
      endsOn: isoDate('End or termination date').nullable().default(null),
      document: text('Document link or path', 2_000).default(''),
      notes: text('Notes', 10_000).default(''),
    })
    .strict(),
);

export function checkDpa(dpa: { signedOn: string; endsOn: string | null }, ctx: z.RefinementCtx): void {
  if (dpa.endsOn !== null && dpa.endsOn < dpa.signedOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The end date is before the signed date' });
  }
}

export const dpaInputSchema = lazily(() => dpaFieldsSchema.superRefine(checkDpa));

export type DpaInput = z.input<typeof dpaInputSchema>;
export type DpaFields = z.output<typeof dpaInputSchema>;

export const agreementServiceViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    kind: z.enum(serviceKinds),
    name: z.string(),
    environmentId: idSchema.nullable(),
  }),
);
export type AgreementServiceView = z.infer<typeof agreementServiceViewSchema>;

export const agreementViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    customerId: idSchema,
    reference: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    responseHours: z.number().int(),
    acuteEscalation: z.object({ enabled: z.boolean(), feeOre: z.number().int() }),
    allowedContacts: z.number().int(),
    services: z.array(agreementServiceViewSchema),
    hourlyRatesOre: z.partialRecord(z.enum(billableWorkTypes), z.number().int()),
    rounding: z.object({
      incrementMinutes: z.number().int(),
      scope: z.enum(roundingScopes),
      minimumMinutes: z.number().int(),
    }),
    notes: z.string(),
    rowVersion: rowVersionSchema,
  }),
);
export type AgreementView = z.infer<typeof agreementViewSchema>;

export const dpaViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    customerId: idSchema,
    signedOn: z.string(),
    reference: z.string(),
    version: z.string(),
    signatory: z.string(),
    endsOn: z.string().nullable(),
    document: z.string(),
    notes: z.string(),
    /** The record's own version (not `version`, the document's). */
    rowVersion: rowVersionSchema,
  }),
);
export type DpaView = z.infer<typeof dpaViewSchema>;
