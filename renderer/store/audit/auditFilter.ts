import { DateTime } from 'luxon';
import { methods, type MethodInput } from '../../../common/api/contract.ts';
import type { AuditEventCode } from '../../../common/audit/auditEvents.ts';
import { BUSINESS_ZONE } from '../time/week.ts';
import { issueTexts, markZodsOwn } from '../../components/form/issueText.ts';

/** The audit view's filters as the person sets them; an empty value filters nothing. */
export interface AuditFilter {
  event: AuditEventCode | 'all';
  actorId: string;
  subjectType: string;
  subjectId: string;
  /** First and last day of the period (`YYYY-MM-DD`, both included), in Swedish time. */
  fromDay: string;
  toDay: string;
}

export const noAuditFilter: AuditFilter = {
  event: 'all',
  actorId: '',
  subjectType: '',
  subjectId: '',
  fromDay: '',
  toDay: '',
};

export function isFiltered(filter: AuditFilter): boolean {
  return (Object.keys(noAuditFilter) as (keyof AuditFilter)[]).some(
    (key) => filter[key] !== noAuditFilter[key],
  );
}

/** Midnight starting `day` in Sweden; `daysLater` moves on whole days (23 or 25 hours across a clock change). */
function swedishMidnight(day: string, daysLater = 0): number | undefined {
  const start = DateTime.fromISO(day, { zone: BUSINESS_ZONE });
  return start.isValid ? start.plus({ days: daysLater }).toMillis() : undefined;
}

/** The `audit.list` call for a page of these filters; the period runs to the end of its last day. */
export function auditListInput(
  filter: AuditFilter,
  page: { limit: number; beforeSeq?: number },
): MethodInput<'audit.list'> {
  const input: MethodInput<'audit.list'> = { ...page };
  if (filter.event !== 'all') input.event = filter.event;
  if (filter.actorId) input.actorId = filter.actorId;
  if (filter.subjectType) input.subjectType = filter.subjectType;
  if (filter.subjectId.trim()) input.subjectId = filter.subjectId.trim();
  const from = swedishMidnight(filter.fromDay);
  const to = swedishMidnight(filter.toDay, 1);
  if (from !== undefined) input.from = from;
  if (to !== undefined) input.to = to;
  return input;
}

/** What main would refuse in these filters, said as main says it; null when they can be sent. */
export function auditFilterProblem(filter: AuditFilter): string | null {
  const checked = methods['audit.list'].input.safeParse(auditListInput(filter, { limit: 1 }), markZodsOwn);
  return checked.success ? null : issueTexts(checked.error).join(' ');
}
