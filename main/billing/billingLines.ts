import { sql } from 'kysely';
import { isZeroMinutes } from '../../common/time/zeroMinutes.ts';
import type { AgreementView, BillableWorkType } from '../../common/agreements/model.ts';
import { billableWorkTypeLabels } from '../../common/agreements/model.ts';
import type { BillingLineKind, ChargeClassification, MonthIssue } from '../../common/billing/model.ts';
import { endOfDate, startOfDate } from '../agreements/agreementDates.ts';
import { listAgreements } from '../agreements/agreementRepository.ts';
import { openPersonal, PURGED_TEXT } from '../personalData/personalDataKeys.ts';
import type { Db } from '../store/database.node.ts';
import { notIndexed } from '../store/portableSql.ts';
import { formatInstant } from '../tickets/formatInstant.ts';
import type { BillingPeriod } from './billingPeriod.ts';
import { SwedishDays } from './billingPeriod.ts';
import { amountFor, billLines, type BillableEntry } from './billingRules.ts';

/*
 * Turns a customer's month into billing lines, the same way for a preview of an open month and for approval: time
 * entries not yet in a batch are read in pages ordered by (start, id), a day at a time is grouped by ticket and
 * rounded by the agreement's rules, then come adjustments billed in the month and acute-escalation fees. Memory
 * holds one page and one day, whatever the number of entries.
 */

export const ENTRY_PAGE_SIZE = 2_000;
/** Ids per query when the lines' texts are read (well under SQLite's bound-parameter limit). */
const TEXT_BATCH = 500;

export interface LineDraft {
  kind: BillingLineKind;
  customerId: string;
  ticketId: string;
  ticketRef: string;
  ticketSubject: string;
  /** YYYY-MM-DD in Sweden. */
  day: string;
  technician: string;
  agreementRef: string;
  classification: ChargeClassification;
  workType: BillableWorkType | null;
  actualSeconds: number;
  actualMinutes: number;
  billedMinutes: number;
  rateOre: number;
  amountOre: number;
  note: string;
  /** The time entries the line bills (none for adjustments and fees). */
  entryIds: string[];
  /** The locked entry an adjustment corrects, or the one entry a time line bills. */
  entryId: string | null;
  adjustmentId: string | null;
}

/** What one customer's month holds besides its lines: what stops approval, and counts. */
export interface MonthTally {
  entries: number;
  unclassified: number;
  running: number;
  adjustments: number;
  fees: number;
  /** Billable entries with no agreement in force. */
  noAgreement: number;
  /** Billable entries whose agreement has no hourly rate for their work type, by "agreement|work type". */
  missingRates: Map<string, number>;
}

export const emptyTally = (): MonthTally => ({
  entries: 0,
  unclassified: 0,
  running: 0,
  adjustments: 0,
  fees: 0,
  noAgreement: 0,
  missingRates: new Map(),
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why the month cannot be approved, by code; empty when it can. */
export function tallyIssues(tally: MonthTally): MonthIssue[] {
  const issues: MonthIssue[] = [];
  if (tally.unclassified > 0) issues.push({ code: 'unclassified', count: tally.unclassified });
  if (tally.running > 0) issues.push({ code: 'running', count: tally.running });
  if (tally.noAgreement > 0) issues.push({ code: 'noAgreement', count: tally.noAgreement });
  for (const [key, count] of tally.missingRates) {
    const [reference, workType] = key.split('|') as [string, BillableWorkType];
    issues.push({ code: 'missingRate', count, reference, workType });
  }
  return issues;
}

/** Why the month cannot be approved, in the CLI's English; empty when it can. */
export function tallyProblems(tally: MonthTally): string[] {
  return tallyIssues(tally).map((issue) => {
    switch (issue.code) {
      case 'unclassified':
        return `${plural(issue.count, 'entry is', 'entries are')} unclassified`;
      case 'running':
        return `${plural(issue.count, 'entry is', 'entries are')} still running`;
      case 'noAgreement':
        return `${plural(issue.count, 'billable entry has', 'billable entries have')} no agreement in force`;
      case 'missingRate':
        return (
          `${plural(issue.count, 'billable entry is', 'billable entries are')} "${billableWorkTypeLabels[issue.workType]}", ` +
          `which agreement ${issue.reference} has no hourly rate for`
        );
    }
  });
}

interface PricedAgreement {
  view: AgreementView;
  start: number;
  end: number;
}

interface EntryRow {
  id: string;
  ticket_id: string;
  started_at: number;
  ended_at: number | null;
  classification: string;
  work_type: string | null;
  technician: string;
  customer_id: string;
  external_ref: string;
  service_id: string | null;
}

/** An entry with the personal texts its line copies. */
interface TextedEntry extends EntryRow {
  note: string;
  subject: string;
}

/** The personal texts billing lines copy from the tickets, time entries and adjustments they bill. */
export interface LineTexts {
  ticketSubjects: Map<string, string>;
  entryNotes: Map<string, string>;
  adjustmentNotes: Map<string, string>;
}

/**
 * The one place billing reads the personal texts it copies into lines: tickets' subjects, time entries' notes and
 * billing adjustments' notes. Where those columns are sealed at rest, this is where they are opened (and read
 * `gallrad` once purged); everything else in billing sees them only through this.
 */
export async function personalTextsForLines(
  db: Db,
  ids: { ticketIds?: readonly string[]; entryIds?: readonly string[]; adjustmentIds?: readonly string[] },
): Promise<LineTexts> {
  const read = async (
    wanted: readonly string[] | undefined,
    query: (ids: string[]) => Promise<{ id: string; text: string }[]>,
  ) => {
    const texts = new Map<string, string>();
    const unique = [...new Set(wanted ?? [])];
    for (let i = 0; i < unique.length; i += TEXT_BATCH) {
      const rows = await query(unique.slice(i, i + TEXT_BATCH));
      const opened = await openPersonal(
        db,
        rows.map((row) => row.text),
      );
      rows.forEach((row, r) => texts.set(row.id, opened[r] ?? PURGED_TEXT));
    }
    return texts;
  };
  return {
    ticketSubjects: await read(ids.ticketIds, (chunk) =>
      db.selectFrom('tickets').select(['id', 'subject as text']).where('id', 'in', chunk).execute(),
    ),
    entryNotes: await read(ids.entryIds, (chunk) =>
      db.selectFrom('time_entries').select(['id', 'note as text']).where('id', 'in', chunk).execute(),
    ),
    adjustmentNotes: await read(ids.adjustmentIds, (chunk) =>
      db.selectFrom('billing_adjustments').select(['id', 'note as text']).where('id', 'in', chunk).execute(),
    ),
  };
}

/**
 * Stored lines' sealed texts, opened: `gallrad` where the ticket's data key has been destroyed (purged). A ticket's
 * subject and technician are one sealed value on all its lines (monthApproval), opened once.
 */
export async function openLineTexts(db: Db, sealed: readonly string[]): Promise<string[]> {
  const distinct = [...new Set(sealed)];
  const texts = await openPersonal(db, distinct);
  const opened = new Map(distinct.map((value, i) => [value, texts[i] ?? PURGED_TEXT]));
  return sealed.map((value) => opened.get(value)!);
}

/** A ticket's reference on an invoice: the helpdesk's, else the start of Lotsen's id. */
export const ticketReference = (externalRef: string, ticketId: string) =>
  externalRef.trim() !== '' ? externalRef.trim() : `#${ticketId.slice(0, 8)}`;

/**
 * Pages of a month's time entries that no batch has billed yet, in (start, id) order; one customer's, or everyone's.
 * An entry already in a batch is never billed again, whatever its ticket says now.
 */
export async function* monthEntryPages(
  db: Db,
  period: BillingPeriod,
  customerId: string | null,
  pageSize = ENTRY_PAGE_SIZE,
): AsyncGenerator<EntryRow[]> {
  let after: { startedAt: number; id: string } | null = null;
  for (;;) {
    const cursor = after;
    // CROSS JOIN keeps time_entries the outer loop in SQLite, so the (started_at, id) index both finds the page and
    // orders it; left to itself the planner starts from the customer's tickets and sorts every entry for every page.
    // The unary + keeps it off the batch_id index for the same reason (every open entry would be sorted).
    let query = db
      .selectFrom('time_entries as e')
      .crossJoin('tickets as t')
      .innerJoin('users as u', 'u.id', 'e.technician_id')
      .select([
        'e.id',
        'e.ticket_id',
        'e.started_at',
        'e.ended_at',
        'e.classification',
        'e.work_type',
        'u.name as technician',
        't.customer_id',
        't.external_ref',
        't.service_id',
      ])
      .whereRef('t.id', '=', 'e.ticket_id')
      .where('e.started_at', '<', period.end)
      .where(notIndexed(db, 'e.batch_id'), 'is', null);
    if (customerId !== null) query = query.where('t.customer_id', '=', customerId);
    // The first page starts at the month; later ones after the cursor, which the index seeks to directly.
    query =
      cursor === null
        ? query.where('e.started_at', '>=', period.start)
        : query.where((eb) =>
            eb(eb.refTuple('e.started_at', 'e.id'), '>', eb.tuple(cursor.startedAt, cursor.id)),
          );
    const rows = await query.orderBy('e.started_at').orderBy('e.id').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { startedAt: last.started_at, id: last.id };
  }
}

/**
 * The billing lines of a month, a day's worth at a time. `tallies` receives each customer's counts and problems as
 * the entries go by; with `customerId` null every customer's lines come (the month summary wants that).
 */
export async function* monthLines(
  db: Db,
  period: BillingPeriod,
  customerId: string | null,
  tallies: Map<string, MonthTally>,
): AsyncGenerator<LineDraft[]> {
  const agreements = new Map<string, PricedAgreement[]>();
  const agreementsOf = async (id: string) => {
    let list = agreements.get(id);
    if (!list) {
      list = (await listAgreements(db, [id])).map((view) => ({
        view,
        start: startOfDate(view.startsOn),
        end: view.endsOn === null ? Number.POSITIVE_INFINITY : endOfDate(view.endsOn),
      }));
      agreements.set(id, list);
    }
    return list;
  };
  const tallyOf = (id: string) => {
    let tally = tallies.get(id);
    if (!tally) tallies.set(id, (tally = emptyTally()));
    return tally;
  };
  const days = new SwedishDays();
  let day = '';
  let dayEntries: TextedEntry[] = [];

  for await (const rows of monthEntryPages(db, period, customerId)) {
    const texts = await personalTextsForLines(db, {
      ticketIds: rows.map((e) => e.ticket_id),
      entryIds: rows.map((e) => e.id),
    });
    const page = rows.map((e) => ({
      ...e,
      note: texts.entryNotes.get(e.id) ?? '',
      subject: texts.ticketSubjects.get(e.ticket_id) ?? '',
    }));
    for (const entry of page) {
      const entryDay = days.of(entry.started_at);
      if (entryDay !== day && dayEntries.length > 0) {
        yield await dayLines(day, dayEntries, agreementsOf, tallyOf);
        dayEntries = [];
      }
      day = entryDay;
      dayEntries.push(entry);
    }
  }
  if (dayEntries.length > 0) yield await dayLines(day, dayEntries, agreementsOf, tallyOf);

  const adjustments = await adjustmentLines(db, period, customerId);
  for (const line of adjustments) tallyOf(line.customerId).adjustments++;
  if (adjustments.length > 0) yield adjustments;

  const fees = await feeLines(db, period, customerId, agreementsOf);
  for (const line of fees) tallyOf(line.customerId).fees++;
  if (fees.length > 0) yield fees;
}

function agreementAt(list: readonly PricedAgreement[], at: number, serviceId: string | null) {
  const inForce = list.filter((a) => a.start <= at && at < a.end);
  if (serviceId !== null) {
    const owner = inForce.find((a) => a.view.services.some((s) => s.id === serviceId));
    if (owner) return owner;
  }
  // listAgreements sorts by start date, newest first: the most recent agreement in force wins.
  return inForce[0] ?? null;
}

async function dayLines(
  day: string,
  entries: readonly TextedEntry[],
  agreementsOf: (customerId: string) => Promise<PricedAgreement[]>,
  tallyOf: (customerId: string) => MonthTally,
): Promise<LineDraft[]> {
  const byTicket = new Map<string, TextedEntry[]>();
  for (const entry of entries) {
    const group = byTicket.get(entry.ticket_id);
    if (group) group.push(entry);
    else byTicket.set(entry.ticket_id, [entry]);
  }
  const lines: LineDraft[] = [];
  for (const ticketEntries of byTicket.values()) {
    const first = ticketEntries[0]!;
    const tally = tallyOf(first.customer_id);
    const list = await agreementsOf(first.customer_id);
    const ticketLines: { start: number; line: LineDraft }[] = [];
    const billable = new Map<string, { agreement: PricedAgreement | null; entries: BillableEntry[] }>();
    const byId = new Map<string, TextedEntry>();
    const base = {
      customerId: first.customer_id,
      ticketId: first.ticket_id,
      ticketRef: ticketReference(first.external_ref, first.ticket_id),
      ticketSubject: first.subject,
      day,
      adjustmentId: null,
    };
    for (const entry of ticketEntries) {
      tally.entries++;
      if (entry.ended_at === null) {
        tally.running++;
        continue;
      }
      if (entry.classification === 'unclassified') {
        // One under a minute bills nothing and need not be classified (common/time/zeroMinutes.ts).
        if (!isZeroMinutes({ startedAt: entry.started_at, endedAt: entry.ended_at })) tally.unclassified++;
        continue;
      }
      const agreement = agreementAt(list, entry.started_at, entry.service_id);
      const actualSeconds = Math.max(0, Math.round((entry.ended_at - entry.started_at) / 1000));
      if (entry.classification === 'billable' && entry.work_type !== null) {
        const workType = entry.work_type as BillableWorkType;
        if (agreement === null) tally.noAgreement++;
        else if (agreement.view.hourlyRatesOre[workType] === undefined) {
          const key = `${agreement.view.reference}|${workType}`;
          tally.missingRates.set(key, (tally.missingRates.get(key) ?? 0) + 1);
        }
        const key = agreement?.view.id ?? '';
        let bucket = billable.get(key);
        if (!bucket) billable.set(key, (bucket = { agreement, entries: [] }));
        bucket.entries.push({ entryId: entry.id, ticketId: entry.ticket_id, day, workType, actualSeconds });
        byId.set(entry.id, entry);
        continue;
      }
      ticketLines.push({
        start: entry.started_at,
        line: {
          ...base,
          kind: 'time',
          technician: entry.technician,
          agreementRef: agreement?.view.reference ?? '',
          classification: entry.classification as ChargeClassification,
          workType: null,
          actualSeconds,
          actualMinutes: Math.round(actualSeconds / 60),
          billedMinutes: 0,
          rateOre: 0,
          amountOre: 0,
          note: entry.note,
          entryIds: [entry.id],
          entryId: entry.id,
        },
      });
    }
    for (const { agreement, entries: bucket } of billable.values()) {
      const rules = agreement?.view ?? null;
      const billed = billLines(bucket, {
        incrementMinutes: rules?.rounding.incrementMinutes ?? 1,
        scope: rules?.rounding.scope ?? 'entry',
        minimumMinutes: rules?.rounding.minimumMinutes ?? 0,
        hourlyRatesOre: rules?.hourlyRatesOre ?? {},
      });
      for (const line of billed) {
        const billedEntries = line.entryIds.map((id) => byId.get(id)!);
        ticketLines.push({
          start: billedEntries[0]!.started_at,
          line: {
            ...base,
            kind: 'time',
            technician: distinct(billedEntries.map((e) => e.technician)).join(', '),
            agreementRef: agreement?.view.reference ?? '',
            classification: 'billable',
            workType: line.workType,
            actualSeconds: billedEntries.reduce(
              (sum, e) => sum + Math.max(0, Math.round((e.ended_at! - e.started_at) / 1000)),
              0,
            ),
            actualMinutes: line.actualMinutes,
            billedMinutes: line.billedMinutes,
            rateOre: line.rateOre,
            amountOre: line.amountOre,
            note: distinct(billedEntries.map((e) => e.note.trim()).filter((n) => n !== '')).join(' · '),
            entryIds: line.entryIds,
            entryId: line.entryIds.length === 1 ? line.entryIds[0]! : null,
          },
        });
      }
    }
    ticketLines.sort((a, b) => a.start - b.start);
    for (const { line } of ticketLines) lines.push(line);
  }
  return lines;
}

const distinct = (values: readonly string[]) => [...new Set(values)];

/**
 * Corrections billed in this month, priced as the line that billed the corrected entry. Each is priced as the
 * change it makes to that line's total (the price of the line's minutes with it, less without it, in the order the
 * corrections were made), not on its own: whole-öre rounding of each small correction would otherwise add up, and
 * corrections that take a line to zero minutes could bill a few öre less than nothing.
 */
async function adjustmentLines(
  db: Db,
  period: BillingPeriod,
  customerId: string | null,
): Promise<LineDraft[]> {
  let query = db
    .selectFrom('billing_adjustments as a')
    .innerJoin('time_entries as e', 'e.id', 'a.entry_id')
    .innerJoin('billing_lines as l', (join) =>
      join.onRef('l.batch_id', '=', 'e.batch_id').onRef('l.seq', '=', 'e.line_seq'),
    )
    .innerJoin('billing_batches as b', 'b.id', 'e.batch_id')
    .select([
      'a.id',
      'a.entry_id',
      'a.customer_id',
      'a.minutes',
      'l.ticket_id',
      'l.ticket_ref',
      'l.ticket_subject',
      'l.day',
      'l.technician',
      'l.agreement_ref',
      'l.classification',
      'l.work_type',
      'l.rate_ore',
      'l.billed_minutes as line_billed_minutes',
      'b.number as batch_number',
      // Every earlier correction of the same line, whichever month billed it.
      sql<number>`(SELECT coalesce(sum(a2.minutes), 0) FROM billing_adjustments a2
        JOIN time_entries e2 ON e2.id = a2.entry_id
        WHERE e2.batch_id = e.batch_id AND e2.line_seq = e.line_seq
          AND (a2.created_at < a.created_at OR (a2.created_at = a.created_at AND a2.id < a.id)))`.as(
        'earlier_minutes',
      ),
    ])
    .where('a.month', '=', period.month)
    .where('a.batch_id', 'is', null);
  if (customerId !== null) query = query.where('a.customer_id', '=', customerId);
  const rows = await query.orderBy('a.created_at').orderBy('a.id').execute();
  const texts = await personalTextsForLines(db, { adjustmentIds: rows.map((row) => row.id) });
  // The corrected line's subject and technician, as it stored them (sealed).
  const lineTexts = await openLineTexts(
    db,
    rows.flatMap((row) => [row.ticket_subject, row.technician]),
  );
  return rows.map((row, i) => {
    const billable = row.classification === 'billable';
    const billedMinutes = billable ? row.minutes : 0;
    const before = row.line_billed_minutes + row.earlier_minutes;
    const amountOre = billable
      ? amountFor(before + row.minutes, row.rate_ore) - amountFor(before, row.rate_ore)
      : 0;
    return {
      kind: 'adjustment',
      customerId: row.customer_id,
      ticketId: row.ticket_id,
      ticketRef: row.ticket_ref,
      ticketSubject: lineTexts[2 * i]!,
      day: row.day,
      technician: lineTexts[2 * i + 1]!,
      agreementRef: row.agreement_ref,
      classification: row.classification as ChargeClassification,
      workType: row.work_type as BillableWorkType | null,
      actualSeconds: row.minutes * 60,
      actualMinutes: row.minutes,
      billedMinutes,
      rateOre: billable ? row.rate_ore : 0,
      amountOre,
      note: `Correction of ${row.day} in batch ${row.batch_number}: ${texts.adjustmentNotes.get(row.id) ?? ''}`,
      entryIds: [],
      entryId: row.entry_id,
      adjustmentId: row.id,
    };
  });
}

/**
 * One fee line for each acute escalation in the month, of exactly the fee recorded with it (ticketEscalation.ts):
 * the agreement's under its acute option, the price list's for an exception. Billable even when the work itself is
 * included in the licence fee (DOMAIN: "Response times"). A ticket's escalation cannot leave or enter an approved
 * month (periodLocks), so each fee is billed once.
 */
async function feeLines(
  db: Db,
  period: BillingPeriod,
  customerId: string | null,
  agreementsOf: (customerId: string) => Promise<PricedAgreement[]>,
): Promise<LineDraft[]> {
  let query = db
    .selectFrom('tickets')
    .innerJoin('ticket_escalations as e', 'e.ticket_id', 'tickets.id')
    .select([
      'tickets.id',
      'tickets.customer_id',
      'tickets.external_ref',
      'tickets.escalated_at',
      'e.basis',
      'e.fee_ore',
      'e.agreement_id',
    ])
    .where('tickets.escalated_at', '>=', period.start)
    .where('tickets.escalated_at', '<', period.end)
    .where('e.fee_ore', '>', 0);
  if (customerId !== null) query = query.where('tickets.customer_id', '=', customerId);
  const tickets = await query.orderBy('tickets.escalated_at').orderBy('tickets.id').execute();
  const texts = await personalTextsForLines(db, { ticketIds: tickets.map((t) => t.id) });
  const days = new SwedishDays();
  const lines: LineDraft[] = [];
  for (const ticket of tickets) {
    const at = ticket.escalated_at!;
    const agreement = (await agreementsOf(ticket.customer_id)).find((a) => a.view.id === ticket.agreement_id);
    const day = days.of(at);
    lines.push({
      kind: 'fee',
      customerId: ticket.customer_id,
      ticketId: ticket.id,
      ticketRef: ticketReference(ticket.external_ref, ticket.id),
      ticketSubject: texts.ticketSubjects.get(ticket.id) ?? '',
      day,
      technician: '',
      agreementRef: agreement?.view.reference ?? '',
      classification: 'billable',
      workType: null,
      actualSeconds: 0,
      actualMinutes: 0,
      billedMinutes: 0,
      rateOre: 0,
      amountOre: ticket.fee_ore,
      note:
        ticket.basis === 'exception'
          ? `Acute escalation at ${formatInstant(at)}, by exception (price list)`
          : `Acute escalation at ${formatInstant(at)}`,
      entryIds: [],
      entryId: null,
      adjustmentId: null,
    });
  }
  return lines;
}
