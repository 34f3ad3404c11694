import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { AuditEventCode, AuditEventView, AuditVerdict } from '../../common/audit/auditEvents.ts';
import { writeFileAtomic } from '../app/atomicFile.node.ts';
import type { Db } from '../store/database.node.ts';
import type { AuditEventsTable } from '../store/schema.ts';
import { auditHash, canonicalDetails, GENESIS_HASH } from './auditChain.ts';

export interface AuditInput {
  event: AuditEventCode;
  subject?: { type: string; id: string } | null;
  /** Never a secret: what was done and to what, not the value. */
  details?: Record<string, unknown>;
}

const headSchema = z.object({ seq: z.number().int(), hash: z.string() });
type Head = z.infer<typeof headSchema>;

/**
 * The append-only, hash-chained audit log. Each event carries the previous event's hash; the newest (seq, hash) is
 * also written beside the store, so deleting events off the end is caught as well as editing, deleting, inserting
 * or reordering them.
 */
export class AuditTrail {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly headFile: string,
    private readonly actor: { id: string; name: string },
    private readonly now: () => number,
  ) {}

  append(input: AuditInput): Promise<AuditEventView> {
    return this.enqueue(
      async () => undefined,
      () => input,
    ).then(({ event }) => event);
  }

  /**
   * Runs `work` and appends the event it describes in one transaction, so an act and its audit event stand or fall
   * together: if the event cannot be written, the act is rolled back. The head file is written after the commit, so a
   * failure there rejects with both already stored. `work` must not append events itself.
   */
  appendWith<T>(work: (trx: Db) => Promise<T>, describe: (result: T) => AuditInput): Promise<T> {
    return this.enqueue(work, describe).then(({ result }) => result);
  }

  private enqueue<T>(
    work: (trx: Db) => Promise<T>,
    describe: (result: T) => AuditInput,
  ): Promise<{ result: T; event: AuditEventView }> {
    // One at a time, so the head file is never written out of order.
    const next = this.queue.then(() => this.appendNow(work, describe));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async appendNow<T>(
    work: (trx: Db) => Promise<T>,
    describe: (result: T) => AuditInput,
  ): Promise<{ result: T; event: AuditEventView }> {
    const { result, event } = await this.db.transaction().execute(async (trx) => {
      const result = await work(trx);
      const input = describe(result);
      const last = await trx
        .selectFrom('audit_events')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const fields = {
        seq: (last?.seq ?? 0) + 1,
        at: this.now(),
        actorId: this.actor.id,
        actorName: this.actor.name,
        event: input.event,
        subjectType: input.subject?.type ?? null,
        subjectId: input.subject?.id ?? null,
        details: input.details ?? {},
        prevHash: last?.hash ?? GENESIS_HASH,
      };
      const hash = auditHash(fields);
      await trx
        .insertInto('audit_events')
        .values({
          seq: fields.seq,
          at: fields.at,
          actor_id: fields.actorId,
          actor_name: fields.actorName,
          event: fields.event,
          subject_type: fields.subjectType,
          subject_id: fields.subjectId,
          details: canonicalDetails(fields.details),
          prev_hash: fields.prevHash,
          hash,
        })
        .execute();
      return { result, event: { ...fields, hash } };
    });
    await writeFileAtomic(this.headFile, JSON.stringify({ seq: event.seq, hash: event.hash }) + '\n', {
      mode: 0o600,
    });
    return { result, event };
  }
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

/** Walks the whole chain from the first event; names the first sequence number that is not as it was written. */
export async function verifyAuditLog(db: Db, headFile: string): Promise<AuditVerdict> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  const broken = (seq: number, reason: string): AuditVerdict => ({
    intact: false,
    events: rows.length,
    firstBadSeq: seq,
    reason,
  });

  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return broken(
        expectedSeq,
        `event ${expectedSeq} is missing (the next one found is ${row.seq}): events were deleted`,
      );
    }
    if (row.prev_hash !== previousHash) {
      return broken(
        row.seq,
        `event ${row.seq} does not follow event ${row.seq - 1}: events were inserted, deleted or reordered`,
      );
    }
    let view: AuditEventView;
    try {
      view = eventView(row);
    } catch {
      return broken(row.seq, `event ${row.seq} cannot be read: it was edited`);
    }
    const { hash, ...fields } = view;
    if (auditHash(fields) !== hash) {
      return broken(row.seq, `event ${row.seq} is not as it was written: it was edited`);
    }
    previousHash = hash;
    expectedSeq += 1;
  }

  const head = await readHead(headFile);
  if (head !== null) {
    const last = rows.at(-1);
    if (!last || last.seq < head.seq) {
      const first = (last?.seq ?? 0) + 1;
      return broken(
        first,
        `the log ends at event ${last?.seq ?? 0} but event ${head.seq} was written: events were deleted from the end`,
      );
    }
    const atHead = rows[head.seq - 1];
    if (atHead && atHead.hash !== head.hash) {
      return broken(
        head.seq,
        `event ${head.seq} differs from the one recorded when it was written: the chain was rewritten`,
      );
    }
  }
  return { intact: true, events: rows.length, firstBadSeq: null, reason: null };
}

async function readHead(headFile: string): Promise<Head | null> {
  try {
    return headSchema.parse(JSON.parse(await readFile(headFile, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // A head file that cannot be read is itself a sign of tampering; report it as a rewrite at event 1.
    return { seq: 1, hash: 'unreadable' };
  }
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
