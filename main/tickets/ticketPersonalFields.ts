import type { ErrorDetailKey } from '../../common/api/errorDetails/index.ts';
import type { TicketFields } from '../../common/tickets/model.ts';
import type { DataKeyOwner } from '../personalData/personalDataKeys.ts';
import type { SealedFieldName } from '../personalData/sealedColumns.ts';

/**
 * A ticket's personal columns, stored sealed under the ticket's data key (personalDataKeys.ts): whatever the requester
 * or the ticket text says about people. The helpdesk's reference and link are its ids, not personal, and stay plain.
 * A column added here needs a migration that seals what existing stores hold in it (as 0019 did for contacts);
 * migration 0012 keeps its own copy of this list as it was then.
 */
export const TICKET_SEALED_COLUMNS = [
  'requester_name',
  'requester_email',
  'subject',
  'description',
  'affected_users',
  'school_and_class',
  'problem_started',
  'page_links',
  'browser',
] as const;

export type TicketSealedColumn = (typeof TICKET_SEALED_COLUMNS)[number];

export const ticketOwner = (id: string): DataKeyOwner => ({ kind: 'ticket', id });

/** Each sealed column's field in the API and its name for people. */
export const TICKET_SEALED_FIELDS = {
  requester_name: { field: 'requesterName', purged: 'records.purgedRequesterName' },
  requester_email: { field: 'requesterEmail', purged: 'records.purgedRequesterEmail' },
  subject: { field: 'subject', purged: 'records.purgedSubject' },
  description: { field: 'description', purged: 'records.purgedDescription' },
  affected_users: { field: 'affectedUsers', purged: 'records.purgedAffectedUsers' },
  school_and_class: { field: 'schoolAndClass', purged: 'records.purgedSchoolAndClass' },
  problem_started: { field: 'problemStarted', purged: 'records.purgedProblemStarted' },
  page_links: { field: 'pageLinks', purged: 'records.purgedPageLinks' },
  browser: { field: 'browser', purged: 'records.purgedBrowser' },
} as const satisfies Record<TicketSealedColumn, { field: keyof TicketFields; purged: ErrorDetailKey }>;

/** The ticket's personal texts by column, as they are to be sealed. */
export function ticketTexts(fields: TicketFields): Record<TicketSealedColumn, string> {
  const texts = {} as Record<TicketSealedColumn, string>;
  for (const column of TICKET_SEALED_COLUMNS) texts[column] = fields[TICKET_SEALED_FIELDS[column].field];
  return texts;
}

/** The names resealChanged gives a purged column in its refusal. */
export const ticketColumnNames = Object.fromEntries(
  TICKET_SEALED_COLUMNS.map((column) => [
    column,
    { purged: TICKET_SEALED_FIELDS[column].purged, path: `ticket.${TICKET_SEALED_FIELDS[column].field}` },
  ]),
) as Record<TicketSealedColumn, SealedFieldName>;
