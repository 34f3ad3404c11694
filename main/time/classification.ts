import { z } from 'zod';
import { reasonSchema, type Reason } from '../../common/agreements/verdict.ts';
import type { ClassificationSuggestion, TimeEntryView } from '../../common/time/model.ts';
import { evaluateEligibility } from '../agreements/eligibility.ts';
import { loadFacts } from '../agreements/eligibilityService.ts';
import { openPersonal } from '../personalData/personalDataKeys.ts';
import type { Db } from '../store/database.node.ts';

/*
 * What Lotsen suggests for unclassified time (DOMAIN: "Scope: included or billable"). Troubleshooting and advice
 * on contracted services are included in the licence fee; work through a non-standard remote-access method is
 * billable under the general terms, section 8.6. A session's entry is judged by the warnings shown when it was
 * opened; other entries by the eligibility verdict for the ticket at the entry's start.
 */

export const INCLUDED_REASON =
  'Troubleshooting and advice on the contracted services are included in the support fee.';

export function suggestFromWarnings(warnings: readonly Reason[]): ClassificationSuggestion {
  const nonStandard = warnings.find((w) => w.code === 'NON_STANDARD_ACCESS');
  if (nonStandard) {
    return {
      classification: 'billable',
      workType: 'non_standard_access',
      reason: `${nonStandard.message} Suggested as billable: non-standard access method (8.6).`,
      basis: 'nonStandardAccess',
      because: nonStandard,
    };
  }
  return { classification: 'included', workType: null, reason: INCLUDED_REASON, basis: 'included' };
}

const OUTSIDE_AGREEMENT_CODES = new Set([
  'NO_AGREEMENT',
  'AGREEMENT_NOT_STARTED',
  'AGREEMENT_ENDED',
  'SERVICE_NOT_COVERED',
]);

/**
 * Only the agreement's services are covered by the support fee: time for a customer without an agreement in force,
 * or for a service the agreement does not cover, is suggested billable (the technician picks the work type).
 */
export function suggestOutsideAgreement(blockers: readonly Reason[]): ClassificationSuggestion | null {
  const outside = blockers.find((b) => OUTSIDE_AGREEMENT_CODES.has(b.code));
  if (!outside) return null;
  return {
    classification: 'billable',
    workType: null,
    reason: `${outside.message} Suggested as billable: only services an agreement in force covers are included.`,
    basis: 'outsideAgreement',
    because: outside,
  };
}

const storedWarningsSchema = z.array(reasonSchema);

/** Fills in the suggestion of every unclassified entry (a few queries for the whole list). */
export async function withSuggestions(db: Db, entries: TimeEntryView[]): Promise<TimeEntryView[]> {
  const open = entries.filter((e) => e.classification === 'unclassified');
  if (open.length === 0) return entries;
  const suggestions = await suggestionsFor(db, open);
  return entries.map((e) => (suggestions.has(e.id) ? { ...e, suggestion: suggestions.get(e.id)! } : e));
}

export async function suggestionsFor(
  db: Db,
  entries: readonly Pick<TimeEntryView, 'id' | 'ticketId' | 'customerId' | 'startedAt' | 'sessionId'>[],
): Promise<Map<string, ClassificationSuggestion>> {
  const result = new Map<string, ClassificationSuggestion>();
  if (entries.length === 0) return result;
  const ticketIds = [...new Set(entries.map((e) => e.ticketId))];
  const sessionIds = [...new Set(entries.map((e) => e.sessionId).filter((id): id is string => id !== null))];
  const [tickets, sessions] = await Promise.all([
    chunked(ticketIds, (ids) =>
      db
        .selectFrom('tickets')
        .select(['id', 'environment_id', 'service_id'])
        .where('id', 'in', ids)
        .execute(),
    ),
    chunked(sessionIds, (ids) =>
      db.selectFrom('sessions').select(['id', 'warnings']).where('id', 'in', ids).execute(),
    ),
  ]);
  const ticketById = new Map(tickets.map((t) => [t.id, t]));
  // Sealed under the ticket's key; a purged session's warnings open as null and the verdict stands in.
  const openedWarnings = await openPersonal(
    db,
    sessions.map((s) => s.warnings),
  );
  const sessionWarnings = new Map(
    sessions.map((s, i) => {
      const parsed = storedWarningsSchema.safeParse(safeJson(openedWarnings[i] ?? ''));
      return [s.id, parsed.success ? parsed.data : null] as const;
    }),
  );
  const facts = await loadFacts(db, [...new Set(entries.map((e) => e.customerId))]);
  for (const entry of entries) {
    const ticket = ticketById.get(entry.ticketId);
    const customerFacts = facts.get(entry.customerId);
    const verdict =
      ticket && customerFacts
        ? evaluateEligibility(customerFacts, {
            at: entry.startedAt,
            environmentId: ticket.environment_id,
            serviceId: ticket.service_id,
          })
        : null;
    // Time outside every agreement is never included, whatever the session's warnings said.
    const outside = verdict === null ? null : suggestOutsideAgreement(verdict.blockers);
    if (outside !== null) {
      result.set(entry.id, outside);
      continue;
    }
    const recorded = entry.sessionId === null ? null : (sessionWarnings.get(entry.sessionId) ?? null);
    if (recorded !== null) {
      result.set(entry.id, suggestFromWarnings(recorded));
      continue;
    }
    if (verdict !== null) result.set(entry.id, suggestFromWarnings(verdict.warnings));
  }
  return result;
}

/** SQLite takes at most a few thousand values in one `IN`. */
async function chunked<T>(ids: readonly string[], query: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await query(ids.slice(i, i + 500))));
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
