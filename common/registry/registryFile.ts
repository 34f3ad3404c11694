import { z } from 'zod';
import {
  contactInputSchema,
  customerInputSchema,
  environmentInputSchema,
  secretSchema,
  serverInputSchema,
  supportAccountInputSchema,
} from './model.ts';

/**
 * The registry exchange file: what `lotsen registry export` writes and `lotsen registry import` reads. It is
 * versioned; a reader accepts every version up to its own. Its JSON Schema is generated from these definitions into
 * `resources/schemas/` and documented in `docs/registry-file.md`.
 */
export const REGISTRY_FILE_FORMAT = 'lotsen-registry';
export const REGISTRY_FILE_VERSION = 1;

export const registryFileSupportAccountSchema = supportAccountInputSchema.extend({
  /** Present only in files exported with `--include-secrets`. */
  secret: secretSchema.optional(),
});

export const registryFileEnvironmentSchema = environmentInputSchema.extend({
  servers: z.array(serverInputSchema).default([]),
  supportAccounts: z.array(registryFileSupportAccountSchema).default([]),
});

export const registryFileCustomerSchema = customerInputSchema.extend({
  contacts: z.array(contactInputSchema).default([]),
  environments: z.array(registryFileEnvironmentSchema).default([]),
});

const formatSchema = z.literal(REGISTRY_FILE_FORMAT, {
  error: `Not a Lotsen registry file (format must be "${REGISTRY_FILE_FORMAT}")`,
});
const versionSchema = z
  .number({ error: 'version must be a number' })
  .int()
  .min(1)
  .max(REGISTRY_FILE_VERSION, {
    error: `This file is from a newer Lotsen (this one reads versions 1-${REGISTRY_FILE_VERSION})`,
  });

/** Checked first on import, so each customer can then be checked on its own and every bad record named. */
export const registryFileEnvelopeSchema = z.object({
  format: formatSchema,
  version: versionSchema,
  customers: z.array(z.unknown(), { error: 'customers must be a list' }),
});

export const registryFileSchema = z
  .object({
    format: formatSchema,
    version: versionSchema,
    exportedAt: z.iso.datetime({ offset: true }).optional(),
    includesSecrets: z.boolean().default(false),
    customers: z.array(registryFileCustomerSchema),
  })
  .strict();

export type RegistryFile = z.output<typeof registryFileSchema>;
export type RegistryFileInput = z.input<typeof registryFileSchema>;
export type RegistryFileCustomer = z.output<typeof registryFileCustomerSchema>;

export const importSummarySchema = z.object({
  customers: z.number().int(),
  contacts: z.number().int(),
  environments: z.number().int(),
  servers: z.number().int(),
  supportAccounts: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;
