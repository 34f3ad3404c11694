import { z } from 'zod';
import { rowVersionSchema } from '../api/rowVersion.ts';
import { verdictSchema } from '../agreements/verdict.ts';
import { emailSchema, idSchema, responsiblePersonViewSchema } from '../registry/model.ts';
import { lazily } from '../api/lazySchema.ts';

export const ticketStatuses = ['open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} is longer than ${max} characters` });
const instant = (label: string) =>
  z
    .number({ error: `${label} must be an instant (epoch milliseconds)` })
    .int()
    .min(0, { error: `${label} is not a valid instant` });

/** The ticket's fields without the cross-field checks (the registry file writes instants as text). */
export const ticketFieldsSchema = lazily(() =>
  z
    .object({
      customerId: idSchema,
      /** The helpdesk's own ticket id (ärendenummer) and a link to it. */
      externalRef: text('Helpdesk reference', 100).default(''),
      externalUrl: text('Helpdesk link', 2_000)
        .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), {
          error: 'Helpdesk link must be an http(s) address',
        })
        .default(''),
      requesterName: text('Requester name', 200).min(1, { error: 'Requester name is required' }),
      requesterEmail: emailSchema('Requester e-mail must be an address like namn@kommun.se'),
      serviceId: idSchema.nullable().default(null),
      environmentId: idSchema.nullable().default(null),
      subject: text('Subject', 300).min(1, { error: 'Subject is required' }),
      description: text('Description', 50_000).default(''),
      priority: z
        .enum(ticketPriorities, { error: `Priority must be one of ${ticketPriorities.join(', ')}` })
        .default('normal'),
      receivedAt: instant('Received at'),
      status: z
        .enum(ticketStatuses, { error: `Status must be one of ${ticketStatuses.join(', ')}` })
        .default('open'),
      firstResponseAt: instant('First response at').nullable().default(null),
      escalatedAt: instant('Escalated at').nullable().default(null),
      // What a good ticket holds (DOMAIN: "A good ticket").
      affectedUsers: text('Affected users', 5_000).default(''),
      schoolAndClass: text('School and class', 500).default(''),
      problemStarted: text('When it started', 200).default(''),
      hasScreenshot: z.boolean().default(false),
      pageLinks: text('Links', 5_000).default(''),
      browser: text('Browser', 200).default(''),
    })
    .strict(),
);

export function checkTicketInstants(
  ticket: { receivedAt: number; firstResponseAt: number | null; escalatedAt: number | null },
  ctx: z.RefinementCtx,
): void {
  if (ticket.firstResponseAt !== null && ticket.firstResponseAt < ticket.receivedAt) {
    ctx.addIssue({
      code: 'custom',
      path: ['firstResponseAt'],
      message: 'The first response cannot be before the ticket was received',
    });
  }
  if (ticket.escalatedAt !== null && ticket.escalatedAt < ticket.receivedAt) {
    ctx.addIssue({
      code: 'custom',
      path: ['escalatedAt'],
      message: 'Escalation cannot be before the ticket was received',
    });
  }
}

export const ticketInputSchema = lazily(() => ticketFieldsSchema.superRefine(checkTicketInstants));
export type TicketInput = z.input<typeof ticketInputSchema>;
export type TicketFields = z.output<typeof ticketInputSchema>;

/** What a ticket, and the new-ticket form, say before personal data goes in when the customer has no DPA in force. */
export const NO_DPA_WARNING =
  'No data-processing agreement (PUB-avtal) is in force with this customer: do not enter personal data ' +
  '(names, e-mail addresses, usernames, classes) until one is signed.';

/** An acute escalation is made under the agreement's option, or as an exception billed at the list price. */
export const escalationBases = ['option', 'exception'] as const;
export type EscalationBasis = (typeof escalationBases)[number];

export const escalationReasonSchema = text('Reason for the exception', 2_000).min(1, {
  error: 'An exception needs its reason written',
});

export const escalateInputSchema = lazily(() =>
  z
    .object({
      id: idSchema,
      at: instant('Escalated at').optional(),
      /** Escalates outside the agreement's acute option: the reason is recorded and the list price billed. */
      exception: z.object({ reason: escalationReasonSchema }).strict().optional(),
    })
    .strict(),
);
export type EscalateInput = z.input<typeof escalateInputSchema>;

export const ticketEscalationSchema = lazily(() =>
  z.object({
    basis: z.enum(escalationBases),
    /** What the escalation bills: the agreement's fee under the option, the price list's for an exception. */
    feeOre: z.number().int(),
    at: z.number().int(),
    by: z.string(),
    /** An exception's reason (`gallrad` once purged); null under the option. */
    reason: z.string().nullable(),
  }),
);
export type TicketEscalation = z.infer<typeof ticketEscalationSchema>;

export const ticketViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    customerId: idSchema,
    customerName: z.string(),
    externalRef: z.string(),
    externalUrl: z.string(),
    requesterName: z.string(),
    requesterEmail: z.string(),
    requesterIsContact: z.boolean(),
    serviceId: idSchema.nullable(),
    serviceName: z.string().nullable(),
    environmentId: idSchema.nullable(),
    subject: z.string(),
    description: z.string(),
    priority: z.enum(ticketPriorities),
    receivedAt: z.number().int(),
    status: z.enum(ticketStatuses),
    firstResponseAt: z.number().int().nullable(),
    /** The session whose opening recorded the first response; null when it was recorded otherwise, or not yet. */
    firstResponseSession: z.object({ id: idSchema, title: z.string() }).nullable(),
    /** The vendor's person the customer's support contacts phone for acute matters. */
    responsiblePerson: responsiblePersonViewSchema,
    escalatedAt: z.number().int().nullable(),
    affectedUsers: z.string(),
    schoolAndClass: z.string(),
    problemStarted: z.string(),
    hasScreenshot: z.boolean(),
    pageLinks: z.string(),
    browser: z.string(),
    /**
     * Office hours the agreement gives for a response, fixed when the ticket was received; null (and so are the due
     * times) when no agreement was in force: no response time is promised.
     */
    responseHours: z.number().int().nullable(),
    standardDueAt: z.number().int().nullable(),
    acuteDueAt: z.number().int().nullable(),
    dueAt: z.number().int().nullable(),
    escalation: ticketEscalationSchema.nullable(),
    /** The eligibility verdict for the ticket's customer, service, environment and requester now. */
    verdict: verdictSchema,
    /** Set when the customer has no data-processing agreement in force: enter no personal data. */
    personalDataWarning: z.string().nullable(),
    updatedAt: z.number().int(),
    updatedBy: z.string(),
    /** When a ticket from someone who is not a named contact was sent back to the contacts, and by whom (a name). */
    sentBackAt: z.number().int().nullable(),
    sentBackBy: z.string().nullable(),
    /** The member the ticket is assigned to (tickets.assign); null: nobody yet. */
    assignee: z.object({ id: idSchema, name: z.string() }).nullable(),
    rowVersion: rowVersionSchema,
  }),
);
export type TicketView = z.infer<typeof ticketViewSchema>;

/** The fields a ticket was saved with, as its view shows them: a change to one field saves the rest as they were. */
export function ticketFieldsOf(ticket: TicketView): TicketFields {
  return {
    customerId: ticket.customerId,
    externalRef: ticket.externalRef,
    externalUrl: ticket.externalUrl,
    requesterName: ticket.requesterName,
    requesterEmail: ticket.requesterEmail,
    serviceId: ticket.serviceId,
    environmentId: ticket.environmentId,
    subject: ticket.subject,
    description: ticket.description,
    priority: ticket.priority,
    receivedAt: ticket.receivedAt,
    status: ticket.status,
    firstResponseAt: ticket.firstResponseAt,
    escalatedAt: ticket.escalatedAt,
    affectedUsers: ticket.affectedUsers,
    schoolAndClass: ticket.schoolAndClass,
    problemStarted: ticket.problemStarted,
    hasScreenshot: ticket.hasScreenshot,
    pageLinks: ticket.pageLinks,
    browser: ticket.browser,
  };
}

/** The details of a good ticket (DOMAIN: "A good ticket"), as codes: the renderer words them in either language. */
export const ticketDetails = [
  'description',
  'affectedUsers',
  'screenshot',
  'schoolAndClass',
  'problemStarted',
  'pageLinks',
  'browser',
] as const;
export type TicketDetail = (typeof ticketDetails)[number];

/** What a good ticket holds that this one does not, in the order the helpdesk asks for it. */
export function missingTicketDetails(
  ticket: Pick<
    TicketFields,
    | 'description'
    | 'affectedUsers'
    | 'hasScreenshot'
    | 'schoolAndClass'
    | 'problemStarted'
    | 'pageLinks'
    | 'browser'
  >,
): TicketDetail[] {
  return ticketDetails.filter((detail) =>
    detail === 'screenshot' ? !ticket.hasScreenshot : ticket[detail] === '',
  );
}
