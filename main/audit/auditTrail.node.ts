import type { AuditEventCode, AuditEventView, AuditVerdict } from '../../common/audit/auditEvents.ts';
import { monthOf } from '../billing/billingPeriod.ts';
import { isSealed } from '../vault/sealedText.ts';
import { openPersonal, PURGED_TEXT, sealPersonal } from '../personalData/personalDataKeys.ts';
import type { Db } from '../store/database.node.ts';
import { appendChainedEvent, AuditHeadMoved, readAuditHead } from '../store/auditAppend.ts';
import { isStoreBusy } from '../store/storeBusy.ts';
import { serialiseWrites } from '../store/writeLocks.ts';
import type { AuditEventsTable } from '../store/schema.ts';
import type { AnchorPlace } from '../vault/auditAnchorPlaces.node.ts';
import { GENESIS_HASH } from './auditChain.ts';
import { chainBreak } from './auditChainWalk.ts';
import { importedSegmentBreak } from './importedSegments.ts';
import { assertAuditDetails, PersonalDetail, type AuditDetailValue } from './auditDetails.ts';
import type { AuditAnchors } from './auditAnchors.node.ts';

/** Appends racing on one team database each get through within a few tries; a bound keeps a fault from spinning. */
const HEAD_MOVED_ATTEMPTS = 50;

export interface AuditInput {
  event: AuditEventCode;
  subject?: { type: string; id: string } | null;
  /**
   * Never a secret: what was done and to what, not the value. Only what auditDetailKinds declares for the event;
   * personal text as personalDetail(...), which is sealed before the event is hashed.
   */
  details?: Record<string, AuditDetailValue>;
  /**
   * When it happened, if not now: an event of a session's books that waited in the local queue while the team
   * database was out of reach (main/team/outbox/) keeps its own time, which may be earlier than the event before it.
   */
  at?: number;
}

/**
 * The append-only, hash-chained audit log. Each event carries the previous event's hash; the newest (seq, hash) is
 * also kept by the anchors (beside the store, and in the keychain or the key file), so deleting events off the end
 * is caught as well as editing, deleting, inserting or reordering them.
 */
export class AuditTrail {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly anchors: AuditAnchors,
    private readonly actor: { id: string; name: string },
    private readonly now: () => number,
  ) {}

  append(input: AuditInput): Promise<AuditEventView> {
    // An event alone is safe to write again: its transaction did nothing else and was rolled back.
    return whileStoreBusy(() =>
      this.enqueue(
        async () => undefined,
        () => input,
      ),
    ).then(({ event }) => event!);
  }

  /**
   * Runs `work` and appends the event it describes in one transaction, so an act and its audit event stand or fall
   * together: if the event cannot be written, the act is rolled back. The anchors are written after the commit, so a
   * failure there rejects with both already stored. `work` must not append events itself. `describe` answers null
   * when the work turned out to do nothing worth an event (it found the act already done): then none is written.
   */
  appendWith<T>(work: (trx: Db) => Promise<T>, describe: (result: T) => AuditInput | null): Promise<T> {
    return this.enqueue(work, describe).then(({ result }) => result);
  }

  /** Verifies between appends, so this process never sees its own anchors ahead of the events it read. */
  verify(): Promise<AuditVerdict> {
    const next = this.queue.then(() => verifyAuditLog(this.db, this.anchors.places));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private enqueue<T>(
    work: (trx: Db) => Promise<T>,
    describe: (result: T) => AuditInput | null,
  ): Promise<{ result: T; event: AuditEventView | null }> {
    // One at a time, so the anchors are never written out of order.
    const next = this.queue.then(() => this.appendNow(work, describe));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async appendNow<T>(
    work: (trx: Db) => Promise<T>,
    describe: (result: T) => AuditInput | null,
  ): Promise<{ result: T; event: AuditEventView | null }> {
    // On a team database another process may append between this one reading the head and writing after it: the
    // whole transaction (work included, which it rolled back) runs again from the new head.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.appendOnce(work, describe);
      } catch (error) {
        if (!(error instanceof AuditHeadMoved || isDeadlock(error)) || attempt >= HEAD_MOVED_ATTEMPTS)
          throw error;
      }
    }
  }

  private async appendOnce<T>(
    work: (trx: Db) => Promise<T>,
    describe: (result: T) => AuditInput | null,
  ): Promise<{ result: T; event: AuditEventView | null }> {
    const { result, event } = await this.db.transaction().execute(async (trx) => {
      const result = await work(trx);
      const input = describe(result);
      if (input === null) return { result, event: null };
      assertAuditDetails(input.event, input.details ?? {});
      // On a team database the members' appends take turns from reading the head to the commit, so one waits for
      // another instead of building its event on a head that moves meanwhile and doing its act over (20 members at
      // once rolled back 276 of 426 acts before they took turns: test/bench/teamLoad.bench.ts). Taken after the work,
      // so a long act (an import) holds up nobody's appends while it runs.
      await serialiseWrites(trx, 'audit append');
      const last = await readAuditHead(trx);
      const at = input.at ?? this.now();
      const fields = {
        seq: last.seq + 1,
        at,
        actorId: this.actor.id,
        actorName: this.actor.name,
        event: input.event,
        subjectType: input.subject?.type ?? null,
        subjectId: input.subject?.id ?? null,
        details: await sealedDetails(trx, input.details ?? {}, at),
        prevHash: last.hash,
      };
      const hash = await appendChainedEvent(trx, fields);
      return { result, event: { ...fields, hash } };
    });
    if (event !== null) await this.anchors.advance({ seq: event.seq, hash: event.hash });
    return { result, event };
  }
}

/**
 * PostgreSQL broke a lock cycle by rolling this transaction back (40P01): the act and its event were rolled back
 * together and can be done again. Only possible on a team database: an append that waits for its turn may hold a row
 * (a new personal-data key) that the append before it needs for its details.
 */
function isDeadlock(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '40P01';
}

/** The details as stored: personal text sealed in the writing transaction, so a failed append leaves no data key. */
async function sealedDetails(
  trx: Db,
  details: Record<string, AuditDetailValue>,
  at: number,
): Promise<Record<string, unknown>> {
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    stored[key] =
      value instanceof PersonalDetail
        ? await sealPersonal(
            trx,
            value.ticketId === null
              ? { kind: 'month', id: monthOf(at) }
              : { kind: 'ticket', id: value.ticketId },
            value.text,
          )
        : value;
  }
  return stored;
}

/**
 * Events with their sealed details opened for people to read (the audit view, `lotsen audit list`); `gallrad` where
 * the data key is gone. Only for display: the chain is verified over the details as stored.
 */
export async function readableAuditEvents(db: Db, events: AuditEventView[]): Promise<AuditEventView[]> {
  const details = await openedDetails(
    db,
    events.map((e) => e.details),
  );
  return events.map((e, i) => ({ ...e, details: details[i]! }));
}

/**
 * Every event of these kinds written in [from, to), oldest first and readable as readableAuditEvents makes them: what
 * a report reads of the log (the access report's exports and reveals), however many there are.
 */
export async function readableEventsIn(
  db: Db,
  events: readonly AuditEventCode[],
  period: { from: number; to: number },
): Promise<AuditEventView[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('event', 'in', events)
    .where('at', '>=', period.from)
    .where('at', '<', period.to)
    .orderBy('seq')
    .execute();
  return readableAuditEvents(db, rows.map(eventView));
}

/** Details with their sealed values opened (`gallrad` where the data key is gone), one openPersonal call for all. */
async function openedDetails(
  db: Db,
  list: readonly Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const sealed = list.flatMap((details) => Object.values(details).filter(isSealed));
  const opened = new Map<string, string>();
  const texts = await openPersonal(db, sealed);
  sealed.forEach((value, i) => opened.set(value, texts[i] ?? PURGED_TEXT));
  return list.map((details) =>
    Object.fromEntries(
      Object.entries(details).map(([key, value]) => [key, isSealed(value) ? opened.get(value)! : value]),
    ),
  );
}

export interface AuditFilter {
  event?: AuditEventCode;
  actorId?: string;
  subjectType?: string;
  subjectId?: string;
  /** At or after this instant. */
  from?: number;
  /** Before this instant. */
  to?: number;
  limit?: number;
  beforeSeq?: number;
}

export async function listAuditEvents(db: Db, filter: AuditFilter = {}): Promise<AuditEventView[]> {
  let query = db
    .selectFrom('audit_events')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(filter.limit ?? 500);
  if (filter.event) query = query.where('event', '=', filter.event);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.subjectType) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  return (await query.execute()).map(eventView);
}

/** Everyone in the log once, under the name their latest event carries (a name may have changed). */
export async function listAuditActors(db: Db): Promise<{ actorId: string; actorName: string }[]> {
  const latest = db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .groupBy('actor_id');
  return db
    .selectFrom('audit_events')
    .select(['actor_id as actorId', 'actor_name as actorName'])
    .where('seq', 'in', latest)
    .orderBy('actor_name')
    .execute();
}

/**
 * Walks the whole chain from the first event, then holds it against each anchor; names the first sequence number that
 * is not as it was written, and why. The anchors are read first: one written after that can only be further on.
 */
export async function verifyAuditLog(db: Db, anchors: readonly AnchorPlace[]): Promise<AuditVerdict> {
  const readings = await Promise.all(anchors.map(async (place) => ({ place, reading: await place.read() })));
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  const broken = (seq: number, reason: string): AuditVerdict => ({
    intact: false,
    events: rows.length,
    firstBadSeq: seq,
    reason,
  });

  const walked = chainBreak(rows);
  if (walked) return broken(walked.seq, walked.reason);

  const last = rows.length;
  const hashAt = (seq: number) => (seq === 0 ? GENESIS_HASH : rows[seq - 1]?.hash);
  const problems: { seq: number; reason: string }[] = [];
  for (const { place, reading } of readings) {
    const where = place.description;
    if (reading.state === 'missing') {
      problems.push({
        seq: last + 1,
        reason: `${where} is missing, so the end of the log cannot be checked: events after ${last} may have been deleted`,
      });
    } else if (reading.state === 'unreadable') {
      problems.push({
        seq: last + 1,
        reason: `${where} cannot be read (${reading.why}), so the end of the log cannot be checked: events after ${last} may have been deleted`,
      });
    } else if (reading.head.seq > last) {
      problems.push({
        seq: last + 1,
        reason: `the log ends at event ${last} but ${where} records event ${reading.head.seq}: events were deleted from the end`,
      });
    } else if (hashAt(reading.head.seq) !== reading.head.hash) {
      problems.push({
        seq: reading.head.seq,
        reason: `event ${reading.head.seq} differs from the one ${where} records: the chain was rewritten`,
      });
    } else if (reading.head.seq < last - 1) {
      // A crash between a commit and its anchors leaves them one event behind; further back is an older copy.
      problems.push({
        seq: reading.head.seq + 1,
        reason: `${where} records event ${reading.head.seq} but the log goes on to ${last}: it was rolled back to an older copy`,
      });
    }
  }
  // Only a chain whose every link is intact vouches for the segments it links (importedSegments.ts).
  const segment = problems.length === 0 ? await importedSegmentBreak(db, rows) : null;
  if (segment) problems.push(segment);
  if (problems.length === 0) return { intact: true, events: last, firstBadSeq: null, reason: null };
  problems.sort((a, b) => a.seq - b.seq);
  return broken(problems[0]!.seq, problems.map((p) => p.reason).join('; '));
}

function eventView(row: AuditEventsTable): AuditEventView {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    event: row.event as AuditEventCode,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const BUSY_TRIES = 6;

/**
 * Another Lotsen on the same file (the app while `lotsen backup` runs, say) may commit between this transaction's
 * read of the last event and its insert; SQLite's WAL then answers BUSY at once instead of waiting. Tried again after
 * a short, growing, jittered pause.
 */
async function whileStoreBusy<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isStoreBusy(error) || tries === BUSY_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, (10 + Math.random() * 20) * 2 ** tries));
    }
  }
}
