import { DateTime } from 'luxon';
import type { MethodInput } from '../../../common/api/contract.ts';
import {
  ticketInputSchema,
  ticketPriorities,
  ticketStatuses,
  type TicketInput,
  type TicketPriority,
  type TicketDetail,
  type TicketStatus,
  type TicketView,
} from '../../../common/tickets/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';
import { t } from '../../i18n/i18n.ts';

export const BUSINESS_ZONE = 'Europe/Stockholm';

/** Priorities in words, in the chosen language (called while rendering). */
export function ticketPriorityLabels(): Record<TicketPriority, string> {
  return Object.fromEntries(ticketPriorities.map((p) => [p, t(`tickets:priority.${p}`)])) as Record<
    TicketPriority,
    string
  >;
}

/** Statuses in words, in the chosen language (called while rendering). */
export function ticketStatusLabels(): Record<TicketStatus, string> {
  return Object.fromEntries(ticketStatuses.map((s) => [s, t(`tickets:status.${s}`)])) as Record<
    TicketStatus,
    string
  >;
}

/** What a good ticket still lacks, in words: "a description, a screenshot of the error". */
export function missingInWords(missing: readonly TicketDetail[]): string {
  return missing.map((detail) => t(`tickets:missingDetails.${detail}`)).join(', ');
}

export type TicketFormValues = {
  customerId: string;
  requesterName: string;
  requesterEmail: string;
  serviceId: string;
  environmentId: string;
  subject: string;
  description: string;
  priority: string;
  receivedAt: string;
  status: string;
  externalRef: string;
  externalUrl: string;
  affectedUsers: string;
  hasScreenshot: boolean;
  schoolAndClass: string;
  problemStarted: string;
  pageLinks: string;
  browser: string;
};

/** `2026-11-20T14:00` typed in Swedish time, whatever the machine's own zone; NaN when it is not a time. */
export function instantFromLocal(text: string): number {
  const parsed = DateTime.fromISO(text.trim(), { zone: BUSINESS_ZONE });
  return parsed.isValid ? parsed.toMillis() : Number.NaN;
}

export function localFromInstant(ms: number): string {
  return DateTime.fromMillis(ms, { zone: BUSINESS_ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
}

export const ticketFormSpec: FormSpec<TicketFormValues> = {
  fields: [
    'customerId',
    'requesterName',
    'requesterEmail',
    'serviceId',
    'environmentId',
    'subject',
    'description',
    'priority',
    'receivedAt',
    'status',
    'externalRef',
    'externalUrl',
    'affectedUsers',
    'hasScreenshot',
    'schoolAndClass',
    'problemStarted',
    'pageLinks',
    'browser',
  ],
  schema: ticketInputSchema,
  toInput: (v) => ({
    ...v,
    serviceId: v.serviceId === '' ? null : v.serviceId,
    environmentId: v.environmentId === '' ? null : v.environmentId,
    receivedAt: instantFromLocal(v.receivedAt),
  }),
  stored: {
    // A stored ticket names its own customer and time received, so neither the opening time nor a chosen customer
    // (what a new ticket defaults to) plays a part.
    values: (current) => ticketFormValues(0, current as TicketView),
    // Read when the conflict panel shows them, so they follow the language chosen then.
    get labels() {
      return {
        customerId: t('tickets:form.customer'),
        requesterName: t('tickets:form.requester'),
        requesterEmail: t('tickets:form.requesterEmail'),
        serviceId: t('tickets:form.service'),
        environmentId: t('tickets:form.environment'),
        subject: t('tickets:form.subject'),
        description: t('tickets:form.description'),
        priority: t('tickets:form.priority'),
        receivedAt: t('tickets:form.received'),
        status: t('tickets:form.status'),
        externalRef: t('tickets:form.externalRef'),
        externalUrl: t('tickets:form.externalUrl'),
        affectedUsers: t('tickets:form.affectedUsers'),
        hasScreenshot: t('tickets:hasScreenshot'),
        schoolAndClass: t('tickets:form.schoolAndClass'),
        problemStarted: t('tickets:form.problemStarted'),
        pageLinks: t('tickets:form.pageLinks'),
        browser: t('tickets:form.browser'),
      };
    },
    show: {
      priority: (value) => ticketPriorityLabels()[value as TicketPriority] ?? String(value),
      status: (value) => ticketStatusLabels()[value as TicketStatus] ?? String(value),
    },
  },
};

/** Words for the ids the ticket form chooses among (id to label, '' for "not stated"), as its selects show them. */
export interface TicketChoiceLabels {
  customers: Record<string, string>;
  services: Record<string, string>;
  environments: Record<string, string>;
}

/**
 * The ticket form's spec with its customer, service and environment in words in the conflict panel. An id the form
 * has no word for (a service of another customer than the one chosen) is shown as it is rather than hidden.
 */
export function ticketFormSpecNaming(labels: TicketChoiceLabels): FormSpec<TicketFormValues> {
  const word = (names: Record<string, string>) => (value: string | boolean) =>
    names[String(value)] ?? String(value);
  return {
    ...ticketFormSpec,
    stored: {
      ...ticketFormSpec.stored!,
      show: {
        ...ticketFormSpec.stored!.show,
        customerId: word(labels.customers),
        serviceId: word(labels.services),
        environmentId: word(labels.environments),
      },
    },
  };
}

export function ticketFormValues(now: number, ticket?: TicketView, customerId = ''): TicketFormValues {
  return {
    customerId: ticket?.customerId ?? customerId,
    requesterName: ticket?.requesterName ?? '',
    requesterEmail: ticket?.requesterEmail ?? '',
    serviceId: ticket?.serviceId ?? '',
    environmentId: ticket?.environmentId ?? '',
    subject: ticket?.subject ?? '',
    description: ticket?.description ?? '',
    priority: ticket?.priority ?? ticketPriorities[1],
    receivedAt: localFromInstant(ticket?.receivedAt ?? now),
    status: ticket?.status ?? ticketStatuses[0],
    externalRef: ticket?.externalRef ?? '',
    externalUrl: ticket?.externalUrl ?? '',
    affectedUsers: ticket?.affectedUsers ?? '',
    hasScreenshot: ticket?.hasScreenshot ?? false,
    schoolAndClass: ticket?.schoolAndClass ?? '',
    problemStarted: ticket?.problemStarted ?? '',
    pageLinks: ticket?.pageLinks ?? '',
    browser: ticket?.browser ?? '',
  };
}

/**
 * The save call for a new or an edited ticket. The form has no fields for the first response and the escalation
 * (buttons record them), and a save replaces the whole ticket, so an edit carries them over. `rowVersion` is the one
 * the form opened (or, after a colliding edit, the one stored), which a live update may have left behind `ticket`'s.
 */
export function ticketSaveCall(
  input: unknown,
  ticket?: TicketView,
  rowVersion?: number,
): MethodInput<'tickets.save'> {
  const fields = input as TicketInput;
  if (!ticket) return { ticket: fields };
  return {
    id: ticket.id,
    rowVersion: rowVersion ?? ticket.rowVersion,
    ticket: { ...fields, firstResponseAt: ticket.firstResponseAt, escalatedAt: ticket.escalatedAt },
  };
}
