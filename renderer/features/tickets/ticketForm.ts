import { DateTime } from 'luxon';
import { ticketInputSchema, ticketPriorities, type TicketView } from '../../../common/tickets/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';

export const BUSINESS_ZONE = 'Europe/Stockholm';

export type TicketFormValues = {
  customerId: string;
  requesterName: string;
  requesterEmail: string;
  serviceId: string;
  subject: string;
  description: string;
  priority: string;
  receivedAt: string;
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
    'subject',
    'description',
    'priority',
    'receivedAt',
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
    receivedAt: instantFromLocal(v.receivedAt),
  }),
};

export function ticketFormValues(now: number, ticket?: TicketView, customerId = ''): TicketFormValues {
  return {
    customerId: ticket?.customerId ?? customerId,
    requesterName: ticket?.requesterName ?? '',
    requesterEmail: ticket?.requesterEmail ?? '',
    serviceId: ticket?.serviceId ?? '',
    subject: ticket?.subject ?? '',
    description: ticket?.description ?? '',
    priority: ticket?.priority ?? ticketPriorities[1],
    receivedAt: localFromInstant(ticket?.receivedAt ?? now),
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
