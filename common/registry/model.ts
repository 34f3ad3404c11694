import { vpnClients } from '../sessions/vpn.ts';
import { z } from 'zod';
import { MAX_EMAIL_CHARS, MAX_EMAIL_LOCAL_PART_CHARS } from '../api/limits.ts';
import { rowVersionSchema } from '../api/rowVersion.ts';
import { certificateViewSchema } from '../environments/certificates.ts';
import { maintenanceNoticeViewSchema } from '../environments/maintenanceNotices.ts';
import { isPersonalIdentityNumber, normaliseOrgNumber } from './orgNumber.ts';
import {
  customerKinds,
  gatewayVpnTypes,
  remoteAccessMethods,
  serverRoles,
  splitTunnelAnswers,
  vpnTypes,
  type VpnType,
} from './vocabulary.ts';
import { lazily } from '../api/lazySchema.ts';

/*
 * The registry's inputs and views. Inputs are what people type (trimmed, checked, normalised); views are what reads
 * return. Views never carry a secret: support accounts say only whether one is stored.
 */

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} is longer than ${max} characters` });

const requiredText = (label: string, max: number) =>
  text(label, max).min(1, { error: `${label} is required` });

const optionalText = (label: string, max: number) => text(label, max).default('');

export const idSchema = lazily(() => z.string().uuid({ error: 'Not a valid id' }));

/**
 * An e-mail address, within RFC 5321's limits (at most 254 characters, 64 before the @), which are checked first so
 * the address pattern never runs over a huge input. `error` says what the field wants (`namn@kommun.se`).
 */
export const emailSchema = (error: string) =>
  z
    .string({ error })
    .max(MAX_EMAIL_CHARS, {
      error: `An e-mail address is at most ${MAX_EMAIL_CHARS} characters (RFC 5321)`,
      abort: true,
    })
    .refine((value) => value.split('@', 1)[0]!.length <= MAX_EMAIL_LOCAL_PART_CHARS, {
      error: `The part of an e-mail address before @ is at most ${MAX_EMAIL_LOCAL_PART_CHARS} characters (RFC 5321)`,
      abort: true,
    })
    .email({ error });
export const byIdSchema = lazily(() => z.object({ id: idSchema }).strict());

export const orgNumberSchema = lazily(() =>
  z
    .string({ error: 'Organisation number must be text' })
    .max(30, { error: 'Organisation number is longer than 30 characters', abort: true })
    .transform((raw, ctx) => {
      if (isPersonalIdentityNumber(raw)) {
        // The number itself is left out of the message: it identifies a person.
        ctx.addIssue({
          code: 'custom',
          message:
            "This looks like a person's identity number (personnummer or samordningsnummer), not an organisation's: a customer needs its organisation number, whose third digit is 2 or more",
        });
        return z.NEVER;
      }
      const normalised = normaliseOrgNumber(raw);
      if (normalised === null) {
        ctx.addIssue({
          code: 'custom',
          message: `"${raw}" is not a valid Swedish organisation number (NNNNNN-NNNN with a correct check digit)`,
        });
        return z.NEVER;
      }
      return normalised;
    }),
);

const hostnamePattern =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export const hostSchema = lazily(() =>
  z
    .string({ error: 'Host must be text' })
    .trim()
    .min(1, { error: 'Host is required' })
    .max(253, { error: 'Host is longer than 253 characters', abort: true })
    .refine(
      (value) =>
        hostnamePattern.test(value) || z.ipv4().safeParse(value).success || z.ipv6().safeParse(value).success,
      { error: 'Host must be a host name (wap01.skola.se) or an IP address' },
    ),
);

export const portSchema = lazily(() =>
  z
    .number({ error: 'Port must be a number' })
    .int({ error: 'Port must be a whole number' })
    .min(1, { error: 'Port must be between 1 and 65535' })
    .max(65535, { error: 'Port must be between 1 and 65535' }),
);

const phoneSchema = (label: string) =>
  optionalText(label, 40).refine((v) => v === '' || /^\+?[\d\s()-]{5,}$/.test(v), {
    error: `${label} may hold digits, spaces, brackets, dashes and a leading +`,
  });

/**
 * The vendor's responsible person for a customer: whom the customer's support contacts phone for acute matters
 * (DOMAIN: "A good ticket", the urgent route). Vendor staff, so plain fields. Optional as a whole; once named, a
 * phone number is needed, since phoning is what the person is for.
 */
const responsiblePersonFields = {
  responsibleName: optionalText('Responsible person', 200),
  responsiblePhone: phoneSchema('Responsible person’s phone'),
  responsibleEmail: z
    .literal('')
    .or(emailSchema('Responsible person’s e-mail must be an address like namn@leverantor.se'))
    .default(''),
};

export function checkResponsiblePerson(
  customer: { responsibleName: string; responsiblePhone: string; responsibleEmail: string },
  ctx: z.RefinementCtx,
): void {
  const named = customer.responsibleName !== '';
  if (named && customer.responsiblePhone === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['responsiblePhone'],
      message: 'The responsible person needs a phone number for acute calls',
    });
  }
  if (!named && (customer.responsiblePhone !== '' || customer.responsibleEmail !== '')) {
    ctx.addIssue({
      code: 'custom',
      path: ['responsibleName'],
      message: 'Name the responsible person whose phone or e-mail this is',
    });
  }
}

/** The customer's fields without the cross-field check (the registry file extends them). */
export const customerFieldsSchema = lazily(() =>
  z
    .object({
      name: requiredText('Name', 200),
      orgNumber: orgNumberSchema,
      kind: z.enum(customerKinds, { error: `Kind must be one of ${customerKinds.join(', ')}` }),
      notes: optionalText('Notes', 10_000),
      ...responsiblePersonFields,
    })
    .strict(),
);

export const customerInputSchema = lazily(() => customerFieldsSchema.superRefine(checkResponsiblePerson));
export type CustomerInput = z.input<typeof customerInputSchema>;
export type CustomerFields = z.output<typeof customerInputSchema>;

export const contactInputSchema = lazily(() =>
  z
    .object({
      name: requiredText('Name', 200),
      email: emailSchema('E-mail must be an address like namn@kommun.se'),
      phone: optionalText('Phone', 40).refine((v) => v === '' || /^\+?[\d\s()-]{5,}$/.test(v), {
        error: 'Phone may hold digits, spaces, brackets, dashes and a leading +',
      }),
      role: optionalText('Role', 200),
      adminTrainingDone: z.boolean({ error: 'Admin training must be true or false' }).default(false),
      toolTrainingDone: z.boolean({ error: 'Tool training must be true or false' }).default(false),
      /** The contact's own account (username) with an admin role in the customer's school platform. */
      adminAccount: optionalText('Admin account', 256),
      /** A school names one primary support contact; at most one per customer. */
      isPrimary: z.boolean({ error: 'Primary must be true or false' }).default(false),
    })
    .strict(),
);
export type ContactInput = z.input<typeof contactInputSchema>;
export type ContactFields = z.output<typeof contactInputSchema>;

const vpnTypeSchema = lazily(() =>
  z.enum(vpnTypes, {
    error: (issue) => `Unknown VPN type "${String(issue.input)}"; use one of ${vpnTypes.join(', ')}`,
  }),
);

/**
 * An external tool's launch template: its command line, with `{host}`, `{port}`, `{username}` and `{teamviewerId}`
 * filled in at launch, each into one argument (no shell reads it). Never a secret: no placeholder names one, and
 * a template that holds an unknown placeholder is refused rather than run with braces in it.
 */
export const toolPlaceholders = ['host', 'port', 'username', 'teamviewerId'] as const;
export const toolTemplateSchema = lazily(() =>
  z
    .object({
      tool: requiredText('Tool', 100),
      template: requiredText('Launch template', 1_000).superRefine((value, ctx) => {
        for (const [, name] of value.matchAll(/\{([^}]*)\}/g)) {
          if (!(toolPlaceholders as readonly string[]).includes(name!)) {
            ctx.addIssue({
              code: 'custom',
              message: `Unknown placeholder {${name}}; use ${toolPlaceholders.map((p) => `{${p}}`).join(', ')}`,
            });
          }
        }
      }),
    })
    .strict(),
);
export type ToolTemplate = z.infer<typeof toolTemplateSchema>;

/** Access as a record holds it, before the checks between its fields (checkAccess). */
export const accessObjectSchema = lazily(() =>
  z
    .object({
      vpnType: vpnTypeSchema,
      vpnGateway: optionalText('VPN gateway', 255),
      teamViewerId: optionalText('TeamViewer id', 20).refine((v) => v === '' || /^\d[\d ]{7,12}\d$/.test(v), {
        error: 'TeamViewer id is 9 or 10 digits',
      }),
      method: z.enum(remoteAccessMethods, {
        error: (issue) =>
          `Unknown remote-access method "${String(issue.input)}"; use one of ${remoteAccessMethods.join(', ')}`,
      }),
      supportedTools: z
        .array(requiredText('Tool', 100), { error: 'Supported tools must be a list' })
        .max(50, { error: 'At most 50 tools' })
        .default([]),
      notes: optionalText('Access notes', 5_000),
      /**
       * The VPN client's command line, run in a local terminal before an SSH session (AnyConnect's `vpn connect`,
       * Check Point's `trac connect`, `rasdial`). A command line, not a secret: a password it needs is the
       * environment's pre-connect secret, which the command reads from `LOTSEN_PRE_CONNECT_SECRET` (README, Pre-connect commands).
       */
      preConnectCommand: optionalText('Pre-connect command', 1_000),
      /**
       * The VPN client the pre-connect command was written for by a profile (common/sessions/vpn.ts): a session says
       * the client is missing before running anything, and asks it whether the tunnel is split. `none`: own text.
       */
      vpnClient: z
        .enum(vpnClients, {
          error: (issue) =>
            `Unknown VPN client "${String(issue.input)}"; use one of ${vpnClients.join(', ')}`,
        })
        .default('none'),
      /** Run after the session when the pre-connect command ran (takes the VPN down); approved together with it. */
      disconnectCommand: optionalText('Disconnect command', 1_000),
      /** The terms accept Cisco AnyConnect and Check Point only with split tunnel. */
      splitTunnel: z
        .enum(splitTunnelAnswers, {
          error: (issue) =>
            `Split tunnel must be one of ${splitTunnelAnswers.join(', ')}, not "${String(issue.input)}"`,
        })
        .default('unknown'),
      /** The name (and version) of the client software used, e.g. "Cisco Secure Client 5.1" or "FortiClient 7.2". */
      accessTool: optionalText('Access tool', 200),
      /** What the customer demands be configured on the vendor's machines beyond installing the client (8.6). */
      specialConfigurationNeeded: z
        .boolean({ error: 'Special configuration must be true or false' })
        .default(false),
      specialConfiguration: optionalText('Special configuration', 2_000),
      /** How Lotsen launches the supported tools (issue 16): one template per tool at most. */
      toolTemplates: z
        .array(toolTemplateSchema, { error: 'Tool templates must be a list' })
        .max(50, { error: 'At most 50 tool templates' })
        .default([]),
    })
    .strict(),
);

/** The checks between access fields, for every schema built on accessObjectSchema (the registry file's too). */
export function checkAccess(access: z.output<typeof accessObjectSchema>, ctx: z.RefinementCtx) {
  if (access.specialConfigurationNeeded && access.specialConfiguration === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['specialConfiguration'],
      message: 'Say what the client needs configured',
    });
  }
  if (!access.specialConfigurationNeeded && access.specialConfiguration !== '') {
    ctx.addIssue({
      code: 'custom',
      path: ['specialConfigurationNeeded'],
      message: 'Special configuration is described but not marked as needed',
    });
  }
  if (gatewayVpnTypes.includes(access.vpnType as VpnType) && access.vpnGateway === '') {
    ctx.addIssue({ code: 'custom', path: ['vpnGateway'], message: 'This VPN type needs a gateway' });
  }
  access.toolTemplates.forEach((template, index) => {
    if (!access.supportedTools.includes(template.tool)) {
      ctx.addIssue({
        code: 'custom',
        path: ['toolTemplates', index, 'tool'],
        message: 'A launch template is for one of the supported tools',
      });
    }
    if (access.toolTemplates.findIndex((other) => other.tool === template.tool) < index) {
      ctx.addIssue({
        code: 'custom',
        path: ['toolTemplates', index, 'tool'],
        message: 'This tool has a launch template already',
      });
    }
  });
  if ((access.vpnType === 'teamviewer' || access.method === 'teamviewer') && access.teamViewerId === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['teamViewerId'],
      message: 'TeamViewer access needs the host id',
    });
  }
}

export const accessInputSchema = lazily(() => accessObjectSchema.superRefine(checkAccess));
export type AccessInput = z.input<typeof accessInputSchema>;
export type AccessFields = z.output<typeof accessInputSchema>;

export const defaultAccess: AccessFields = {
  vpnType: 'none',
  vpnGateway: '',
  teamViewerId: '',
  method: 'ssh',
  supportedTools: [],
  notes: '',
  preConnectCommand: '',
  vpnClient: 'none',
  disconnectCommand: '',
  splitTunnel: 'unknown',
  accessTool: '',
  specialConfigurationNeeded: false,
  specialConfiguration: '',
  toolTemplates: [],
};

export const environmentInputSchema = lazily(() =>
  z
    .object({
      name: requiredText('Name', 200),
      notes: optionalText('Notes', 10_000),
      access: accessInputSchema.default(defaultAccess),
    })
    .strict(),
);
export type EnvironmentInput = z.input<typeof environmentInputSchema>;
export type EnvironmentFields = z.output<typeof environmentInputSchema>;

/** What a server's SSH login runs: a Unix shell, or PowerShell (Windows' OpenSSH server). */
export const serverShells = ['posix', 'powershell'] as const;
export type ServerShell = (typeof serverShells)[number];

export const serverInputSchema = lazily(() =>
  z
    .object({
      host: hostSchema,
      port: portSchema.default(22),
      role: z.enum(serverRoles, {
        error: (issue) =>
          `Unknown server role "${String(issue.input)}"; use one of ${serverRoles.join(', ')}`,
      }),
      os: optionalText('Operating system', 200),
      notes: optionalText('Notes', 5_000),
      shell: z
        .enum(serverShells, { error: `Shell must be one of ${serverShells.join(', ')}` })
        .default('posix'),
      /** The port its RDP listens on (`port` is SSH's); null: `port`, or 3389 when that is 22 (rdpTarget.ts). */
      rdpPort: portSchema.nullable().default(null),
    })
    .strict(),
);
export type ServerInput = z.input<typeof serverInputSchema>;
export type ServerFields = z.output<typeof serverInputSchema>;

export const secretSchema = lazily(() =>
  z
    .string({ error: 'Secret must be text' })
    .min(1, { error: 'Secret must not be empty' })
    .max(16_384, { error: 'Secret is longer than 16384 characters' }),
);

export const supportAccountInputSchema = lazily(() =>
  z
    .object({
      username: requiredText('Username', 256),
      notes: optionalText('Notes', 5_000),
    })
    .strict(),
);
export type SupportAccountInput = z.input<typeof supportAccountInputSchema>;
export type SupportAccountFields = z.output<typeof supportAccountInputSchema>;

// ---- Views -------------------------------------------------------------------------------------------------

const attributionSchema = lazily(() =>
  z.object({
    createdAt: z.number().int(),
    createdBy: z.string(),
    updatedAt: z.number().int(),
    updatedBy: z.string(),
  }),
);

export const contactViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    customerId: idSchema,
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    role: z.string(),
    adminTrainingDone: z.boolean(),
    toolTrainingDone: z.boolean(),
    adminAccount: z.string(),
    isPrimary: z.boolean(),
    rowVersion: rowVersionSchema,
  }),
);
export type ContactView = z.infer<typeof contactViewSchema>;

export const serverViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    environmentId: idSchema,
    host: z.string(),
    port: z.number().int(),
    role: z.enum(serverRoles),
    os: z.string(),
    notes: z.string(),
    shell: z.enum(serverShells),
    /** Null: `port`, or 3389 when that is 22. */
    rdpPort: z.number().int().nullable(),
    rowVersion: rowVersionSchema,
  }),
);
export type ServerView = z.infer<typeof serverViewSchema>;

export const supportAccountViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    environmentId: idSchema,
    username: z.string(),
    notes: z.string(),
    hasSecret: z.boolean(),
    secretUpdatedAt: z.number().int().nullable(),
    /** Whether a TOTP seed is stored; its current code comes from `registry.oneTimeCode`. */
    hasTotpSeed: z.boolean(),
    rowVersion: rowVersionSchema,
  }),
);
export type SupportAccountView = z.infer<typeof supportAccountViewSchema>;

export const accessViewSchema = lazily(() =>
  z.object({
    vpnType: z.enum(vpnTypes),
    vpnGateway: z.string(),
    teamViewerId: z.string(),
    method: z.enum(remoteAccessMethods),
    supportedTools: z.array(z.string()),
    toolTemplates: z.array(z.object({ tool: z.string(), template: z.string() })),
    notes: z.string(),
    preConnectCommand: z.string(),
    /** Whether a pre-connect secret is stored; the secret itself travels only inward, and out only to its program. */
    hasPreConnectSecret: z.boolean(),
    /** Whether the VPN's TOTP seed is stored; its code is typed at the VPN's prompt by `sessions.fillVpnOneTimeCode`. */
    hasVpnTotpSeed: z.boolean(),
    vpnClient: z.enum(vpnClients),
    disconnectCommand: z.string(),
    splitTunnel: z.enum(splitTunnelAnswers),
    accessTool: z.string(),
    specialConfigurationNeeded: z.boolean(),
    specialConfiguration: z.string(),
    standard: z.boolean(),
    nonStandardReasons: z.array(z.string()),
  }),
);
export type AccessView = z.infer<typeof accessViewSchema>;

export const environmentViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    customerId: idSchema,
    name: z.string(),
    notes: z.string(),
    access: accessViewSchema,
    servers: z.array(serverViewSchema),
    supportAccounts: z.array(supportAccountViewSchema),
    /** The certificates whose expiry takes AD FS and WAP down, soonest expiry first. */
    certificates: z.array(certificateViewSchema),
    /** The customer's notices of maintenance or changes here, latest start first. */
    notices: z.array(maintenanceNoticeViewSchema),
    rowVersion: rowVersionSchema,
  }),
);
export type EnvironmentView = z.infer<typeof environmentViewSchema>;

/** What the list and its search hold of a contact (sealed in the store, opened by main). */
export const summaryContactSchema = lazily(() =>
  z.object({
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    adminAccount: z.string(),
  }),
);
export type SummaryContact = z.infer<typeof summaryContactSchema>;

/** One customer's contacts for the list, as `registry.listCustomerContacts` gives them. */
export const customerContactsSchema = lazily(() =>
  z.object({
    customerId: idSchema,
    contacts: z.array(summaryContactSchema),
  }),
);
export type CustomerContacts = z.infer<typeof customerContactsSchema>;

/** A server as the list holds it: enough for the command palette to connect and a tab to say what it is. */
export const summaryServerSchema = lazily(() =>
  z.object({
    id: idSchema,
    environmentId: idSchema,
    environmentName: z.string(),
    host: z.string(),
    role: z.enum(serverRoles),
  }),
);
export type SummaryServer = z.infer<typeof summaryServerSchema>;

/** One customer's servers for the list, host order, as `registry.listCustomerServers` gives them. */
export const customerServersSchema = lazily(() =>
  z.object({
    customerId: idSchema,
    servers: z.array(summaryServerSchema),
  }),
);
export type CustomerServers = z.infer<typeof customerServersSchema>;

/** The distinct hosts of servers in host order, as a summary's `hosts`: a host may serve SSH and RDP as two servers. */
export function hostsOf(servers: readonly Pick<SummaryServer, 'host'>[]): string[] {
  return [...new Set(servers.map((server) => server.host))];
}

export const customerSummarySchema = lazily(() =>
  z.object({
    id: idSchema,
    name: z.string(),
    orgNumber: z.string(),
    kind: z.enum(customerKinds),
    environmentCount: z.number().int(),
    /**
     * The servers' distinct hosts and every server with its role and environment (so the command palette can connect
     * without reading each customer): empty when the list was asked for without them (`servers: false`, the console's
     * first paint), which `registry.listCustomerServers` then gives. `hostCount` counts the hosts either way.
     */
    hosts: z.array(z.string()),
    servers: z.array(summaryServerSchema),
    hostCount: z.number().int(),
    /**
     * The contacts' personal fields, opened: empty when the list was asked for without them (`contacts: false`, the
     * console's first paint), which `registry.listCustomerContacts` then gives. `contactCount` counts them either way.
     */
    contacts: z.array(summaryContactSchema),
    contactCount: z.number().int(),
    /** The access tools named in the customer's environments, for search. */
    accessTools: z.array(z.string()),
    nonStandardAccess: z.boolean(),
    updatedAt: z.number().int(),
  }),
);
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

/** Whom the customer's support contacts phone for acute matters; null when none is named. */
export const responsiblePersonViewSchema = lazily(() =>
  z.object({ name: z.string(), phone: z.string(), email: z.string() }).nullable(),
);
export type ResponsiblePersonView = z.infer<typeof responsiblePersonViewSchema>;

export const customerDetailSchema = lazily(() =>
  z
    .object({
      id: idSchema,
      name: z.string(),
      orgNumber: z.string(),
      kind: z.enum(customerKinds),
      notes: z.string(),
      responsiblePerson: responsiblePersonViewSchema,
      environments: z.array(environmentViewSchema),
      contacts: z.array(contactViewSchema),
      rowVersion: rowVersionSchema,
    })
    .extend(attributionSchema.unwrap().shape),
);
export type CustomerDetail = z.infer<typeof customerDetailSchema>;
