import { keyedError, type LotsenError } from '../../common/api/errors.ts';
import { cutText, IssueReport } from '../../common/api/limits.ts';
import {
  timeFileEntrySchema,
  timeFileEnvelopeSchema,
  type TimeFileEntry,
  type TimeImportSummary,
} from '../../common/time/timeFile.ts';
import { closedMonths, closedMonthText, closes, withLockErrors } from '../billing/periodLocks.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import { insertEntry } from './timeEntryRepository.ts';

/**
 * Imports a time file (docs/time-file.md) as manual entries of the local user. All or nothing: every record is
 * checked first (fields, its ticket, that its month is not approved) and every problem is reported at once, each
 * naming the record; only a clean file is written, in one transaction.
 */
export async function importTime(ctx: RegistryContext, raw: unknown): Promise<TimeImportSummary> {
  const issues = new IssueReport();
  const envelope = timeFileEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    issues.addZod(envelope.error);
    throw timeFileRefused(issues);
  }

  const valid: { index: number; record: string; entry: TimeFileEntry }[] = [];
  envelope.data.entries.forEach((candidate, index) => {
    const entry = checkTimeFileEntry(candidate, index, issues);
    if (entry !== null) valid.push({ index, record: recordLabel(candidate, index), entry });
  });

  const tickets = await ctx.db
    .selectFrom('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .select([
      'tickets.id',
      'tickets.external_ref',
      'tickets.customer_id',
      'tickets.received_at',
      'customers.org_number',
    ])
    .execute();
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const closed = await closedMonths(ctx.db);

  const resolved: { ticketId: string; entry: TimeFileEntry }[] = [];
  for (const { index, record, entry } of valid) {
    let ticket: (typeof tickets)[number] | undefined;
    if (entry.ticketId !== undefined) {
      ticket = byId.get(entry.ticketId);
      if (!ticket) {
        issues.add({ path: `entries.${index}.ticketId`, record, message: 'No ticket has this id' });
        continue;
      }
    } else {
      const ref = entry.ticketRef!;
      const matches = tickets.filter(
        (t) =>
          t.external_ref === ref &&
          (entry.customerOrgNumber === undefined || t.org_number === entry.customerOrgNumber),
      );
      if (matches.length !== 1) {
        issues.add({
          path: `entries.${index}.ticketRef`,
          record,
          message:
            matches.length === 0
              ? `No ticket has the helpdesk reference ${ref}${entry.customerOrgNumber ? ` for ${entry.customerOrgNumber}` : ''}`
              : `${matches.length} tickets have the helpdesk reference ${ref}; add customerOrgNumber`,
        });
        continue;
      }
      ticket = matches[0]!;
    }
    const startedAt = Date.parse(entry.startedAt);
    // No work is done on a ticket before it came in: such time belongs to another ticket (or the date is wrong).
    if (startedAt < ticket.received_at) {
      issues.add({
        path: `entries.${index}.startedAt`,
        record,
        message: `Starts ${entry.startedAt}, before its ticket was received (${new Date(ticket.received_at).toISOString()})`,
      });
      continue;
    }
    const customerId = ticket.customer_id;
    const month = closed.find((c) => closes(c, customerId, startedAt));
    if (month) {
      issues.add({
        path: `entries.${index}.startedAt`,
        record,
        message: `${closedMonthText(month)}; no time can be added to it`,
      });
      continue;
    }
    resolved.push({ ticketId: ticket.id, entry });
  }
  if (issues.count > 0) throw timeFileRefused(issues);

  await withLockErrors(() =>
    ctx.db.transaction().execute(async (trx) => {
      for (const { ticketId, entry } of resolved) {
        await insertEntry(trx, ctx, {
          ticketId,
          startedAt: Date.parse(entry.startedAt),
          endedAt: Date.parse(entry.endedAt),
          source: 'manual',
          sessionId: null,
          note: entry.note,
          classification: entry.classification,
          workType: entry.workType,
        });
      }
    }),
  );
  return { entries: resolved.length };
}

/**
 * Checks one entry of a time file on its own, adding its problems to `report` under the record's name; the entry
 * when it is valid. The CLI checks a file with it as it reads, before the import checks the whole.
 */
export function checkTimeFileEntry(
  candidate: unknown,
  index: number,
  report: IssueReport,
): TimeFileEntry | null {
  const parsed = timeFileEntrySchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  report.addZod(parsed.error, ['entries', index], recordLabel(candidate, index));
  return null;
}

function recordLabel(candidate: unknown, index: number): string {
  const c = (candidate ?? {}) as { ticketRef?: unknown; startedAt?: unknown };
  const parts = [`entry ${index + 1}`];
  if (typeof c.ticketRef === 'string') parts.push(cutText(c.ticketRef, 40));
  if (typeof c.startedAt === 'string') parts.push(cutText(c.startedAt, 40));
  return parts.join(' ');
}

export function timeFileRefused(issues: IssueReport): LotsenError {
  const counts = { count: issues.count, unchecked: issues.uncheckedRecords };
  const key = counts.unchecked === 0 ? 'records.timeFileNotImported' : 'records.timeFileNotImportedUnchecked';
  return keyedError('VALIDATION', key, counts, { issues: issues.issues() });
}
