import { z } from 'zod';
import {
  agreementFieldsSchema,
  agreementServiceInputSchema,
  checkAgreement,
  checkDpa,
  dpaFieldsSchema,
} from '../agreements/model.ts';
import { checkTicketInstants, ticketFieldsSchema } from '../tickets/model.ts';
import {
  accessObjectSchema,
  checkAccess,
  checkResponsiblePerson,
  contactInputSchema,
  customerFieldsSchema,
  defaultAccess,
  environmentInputSchema,
  secretSchema,
  serverInputSchema,
  supportAccountInputSchema,
} from './model.ts';
import { lazily } from '../api/lazySchema.ts';

/**
 * The registry exchange file: what `lotsen registry export` writes and `lotsen registry import` reads. It is
 * versioned; a reader accepts every version up to its own. Version 2 added agreements, DPAs and tickets; a version 1
 * file is a version 2 file without them. Version 3 added access as the terms define it (split tunnel, access tool,
 * special client configuration), the customer kind `school`, and contacts' admin accounts and primary contact; a
 * version 2 file is a version 3 file without them. Its JSON Schema is generated from these definitions into
 * `resources/schemas/` and documented in `docs/registry-file.md`.
 */
export const REGISTRY_FILE_FORMAT = 'lotsen-registry';
export const REGISTRY_FILE_VERSION = 3;

export const registryFileSupportAccountSchema = lazily(() =>
  supportAccountInputSchema.unwrap().extend({
    /** Present only in files exported with `--include-secrets`. */
    secret: secretSchema.optional(),
  }),
);

/*
 * Generous bounds on every list, far above what a customer has, so one record cannot make an unbounded amount of
 * work; a file as a whole is bounded by MAX_FILE_CUSTOMERS.
 */
const list = <T extends z.ZodType>(item: T, max: number, what: string) =>
  // Worded when a file breaks the bound, not when the schema is built: a CLI that loads these schemas to start would
  // otherwise start ICU's number formatting, tens of ms, for a message it never shows (issue 17).
  z.array(item).max(max, { error: () => `At most ${max.toLocaleString('en-GB')} ${what}` });
export const MAX_FILE_CUSTOMERS = 100_000;

/** An environment's access in the file also carries its pre-connect secret, as accounts carry theirs. */
export const registryFileAccessSchema = lazily(() =>
  accessObjectSchema
    .unwrap()
    .extend({
      /** Present only in files exported with `--include-secrets`. */
      preConnectSecret: secretSchema.optional(),
    })
    .superRefine(checkAccess),
);

export const registryFileEnvironmentSchema = lazily(() =>
  environmentInputSchema.unwrap().extend({
    access: registryFileAccessSchema.default(defaultAccess),
    servers: list(serverInputSchema, 1_000, 'servers in an environment').default([]),
    supportAccounts: list(
      registryFileSupportAccountSchema,
      1_000,
      'support accounts in an environment',
    ).default([]),
  }),
);

/** Instants in the file are ISO 8601 text with an offset, so people can read and write them; kept as text here. */
const fileInstantSchema = (label: string) =>
  z.iso.datetime({
    offset: true,
    error: `${label} must be an ISO 8601 instant with an offset, e.g. 2026-11-20T14:00:00+01:00`,
  });
const instantOf = (text: string | null) => (text === null ? null : Date.parse(text));

/** Services name the environment they run in by its name; ids do not travel between stores. */
export const registryFileAgreementSchema = lazily(() =>
  agreementFieldsSchema
    .unwrap()
    .extend({
      services: z
        .array(
          agreementServiceInputSchema
            .unwrap()
            .omit({ id: true, environmentId: true })
            .extend({ environment: z.string().trim().min(1).max(200).nullable().default(null) }),
        )
        .max(100)
        .default([]),
    })
    .superRefine(checkAgreement),
);

export const registryFileDpaSchema = lazily(() => dpaFieldsSchema.superRefine(checkDpa));

/** A ticket names its service by the agreement's reference and the service's name, and its environment by name. */
export const registryFileTicketSchema = lazily(() =>
  ticketFieldsSchema
    .unwrap()
    .omit({
      customerId: true,
      serviceId: true,
      environmentId: true,
      receivedAt: true,
      firstResponseAt: true,
      escalatedAt: true,
    })
    .extend({
      service: z
        .object({ agreement: z.string().trim().min(1).max(100), name: z.string().trim().min(1).max(200) })
        .strict()
        .nullable()
        .default(null),
      environment: z.string().trim().min(1).max(200).nullable().default(null),
      receivedAt: fileInstantSchema('Received at'),
      firstResponseAt: fileInstantSchema('First response at').nullable().default(null),
      escalatedAt: fileInstantSchema('Escalated at').nullable().default(null),
    })
    .superRefine((ticket, ctx) =>
      checkTicketInstants(
        {
          receivedAt: Date.parse(ticket.receivedAt),
          firstResponseAt: instantOf(ticket.firstResponseAt),
          escalatedAt: instantOf(ticket.escalatedAt),
        },
        ctx,
      ),
    ),
);

/** The responsible person's fields are optional, so files written before they existed still import. */
export const registryFileCustomerSchema = lazily(() =>
  customerFieldsSchema
    .unwrap()
    .extend({
      contacts: list(contactInputSchema, 2_000, 'contacts for a customer').default([]),
      environments: list(registryFileEnvironmentSchema, 1_000, 'environments for a customer').default([]),
      agreements: list(registryFileAgreementSchema, 1_000, 'agreements for a customer').default([]),
      dpas: list(registryFileDpaSchema, 1_000, 'data-processing agreements for a customer').default([]),
      tickets: list(registryFileTicketSchema, 100_000, 'tickets for a customer').default([]),
    })
    .superRefine((customer, ctx) => {
      checkResponsiblePerson(customer, ctx);
      const primaries = customer.contacts.filter((c) => c.isPrimary);
      if (primaries.length > 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['contacts'],
          message: `A customer has one primary support contact; ${primaries.map((c) => c.name).join(' and ')} are marked primary`,
        });
      }
      // References inside one customer must be unambiguous and must resolve.
      const environments = new Set<string>();
      customer.environments.forEach((env, index) => {
        if (environments.has(env.name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['environments', index, 'name'],
            message: `Two environments are named "${env.name}"`,
          });
        }
        environments.add(env.name);
      });
      const services = new Set<string>();
      const references = new Set<string>();
      customer.agreements.forEach((agreement, a) => {
        if (references.has(agreement.reference)) {
          ctx.addIssue({
            code: 'custom',
            path: ['agreements', a, 'reference'],
            message: `Two agreements have reference "${agreement.reference}"`,
          });
        }
        references.add(agreement.reference);
        agreement.services.forEach((service, s) => {
          services.add(`${agreement.reference}\u0000${service.name}`);
          if (service.environment !== null && !environments.has(service.environment)) {
            ctx.addIssue({
              code: 'custom',
              path: ['agreements', a, 'services', s, 'environment'],
              message: `No environment is named "${service.environment}"`,
            });
          }
        });
      });
      customer.tickets.forEach((ticket, t) => {
        if (
          ticket.service !== null &&
          !services.has(`${ticket.service.agreement}\u0000${ticket.service.name}`)
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['tickets', t, 'service'],
            message: `No service "${ticket.service.name}" in agreement "${ticket.service.agreement}"`,
          });
        }
        if (ticket.environment !== null && !environments.has(ticket.environment)) {
          ctx.addIssue({
            code: 'custom',
            path: ['tickets', t, 'environment'],
            message: `No environment is named "${ticket.environment}"`,
          });
        }
      });
    }),
);

const formatSchema = lazily(() =>
  z.literal(REGISTRY_FILE_FORMAT, {
    error: `Not a Lotsen registry file (format must be "${REGISTRY_FILE_FORMAT}")`,
  }),
);
const versionSchema = lazily(() =>
  z
    .number({ error: 'version must be a number' })
    .int()
    .min(1)
    .max(REGISTRY_FILE_VERSION, {
      error: `This file is from a newer Lotsen (this one reads versions 1-${REGISTRY_FILE_VERSION})`,
    }),
);

/** What version 2 added to a customer, by field and as people call it. */
const version2Sections = [
  ['agreements', 'agreements'],
  ['dpas', 'DPAs'],
  ['tickets', 'tickets'],
] as const;

/** What version 3 added, as people call it, found in one customer of a file that may be malformed. */
function version3Additions(customer: unknown): string[] {
  const found: string[] = [];
  if (typeof customer !== 'object' || customer === null) return found;
  const { kind, contacts, environments } = customer as Record<string, unknown>;
  const items = (value: unknown) =>
    (Array.isArray(value) ? value : []).filter(
      (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
    );
  if (kind === 'school') found.push('the customer kind school');
  const contactFields = new Set(items(contacts).flatMap((c) => Object.keys(c)));
  if (contactFields.has('adminAccount')) found.push('admin accounts');
  if (contactFields.has('isPrimary')) found.push('primary contacts');
  const accessFields = new Set(
    items(environments).flatMap((e) =>
      typeof e.access === 'object' && e.access !== null ? Object.keys(e.access) : [],
    ),
  );
  if (accessFields.has('splitTunnel')) found.push('split tunnel');
  if (accessFields.has('accessTool')) found.push('access tools');
  if (accessFields.has('specialConfigurationNeeded') || accessFields.has('specialConfiguration')) {
    found.push('special configuration');
  }
  return found;
}

/**
 * Checked first on import, so each customer can then be checked on its own and every bad record named. A file
 * carrying what a later version added was not written as its version says: it is refused rather than guessed at.
 */
export const registryFileEnvelopeSchema = lazily(() =>
  z
    .object({
      format: formatSchema,
      version: versionSchema,
      customers: z.array(z.unknown(), { error: 'customers must be a list' }).max(MAX_FILE_CUSTOMERS, {
        error: `A registry file holds at most ${MAX_FILE_CUSTOMERS} customers; split it`,
      }),
    })
    .superRefine((file, ctx) => {
      if (file.version < 3) {
        const later = [...new Set(file.customers.flatMap(version3Additions))];
        if (later.length > 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['version'],
            message: `This file says version ${file.version} but uses what version 3 added (${later.join(', ')}); set "version" to 3 if it was written for version 3`,
          });
        }
      }
      if (file.version !== 1) return;
      const found = version2Sections
        .filter(([field]) => file.customers.some((c) => typeof c === 'object' && c !== null && field in c))
        .map(([, label]) => label);
      if (found.length === 0) return;
      ctx.addIssue({
        code: 'custom',
        path: ['version'],
        message: `A version 1 file has no agreements, DPAs or tickets, but this one has ${found.join(' and ')}; set "version" to 2 if it was written for version 2`,
      });
    }),
);

export const registryFileSchema = lazily(() =>
  z
    .object({
      format: formatSchema,
      version: versionSchema,
      exportedAt: z.iso.datetime({ offset: true }).optional(),
      includesSecrets: z.boolean().default(false),
      customers: list(registryFileCustomerSchema, MAX_FILE_CUSTOMERS, 'customers in a file'),
    })
    .strict(),
);

export type RegistryFile = z.output<typeof registryFileSchema>;

export type RegistryFileInput = z.input<typeof registryFileSchema>;
export type RegistryFileCustomer = z.output<typeof registryFileCustomerSchema>;

export const importSummarySchema = lazily(() =>
  z.object({
    customers: z.number().int(),
    contacts: z.number().int(),
    environments: z.number().int(),
    servers: z.number().int(),
    supportAccounts: z.number().int(),
    agreements: z.number().int(),
    dpas: z.number().int(),
    tickets: z.number().int(),
    /** Environments that came with a pre-connect command: none of them runs until approved on a machine. */
    preConnectCommands: z.number().int(),
  }),
);
export type ImportSummary = z.infer<typeof importSummarySchema>;
