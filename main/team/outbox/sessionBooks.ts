import { randomUUID } from 'node:crypto';
import { sealedTextOf } from '../../vault/sealedText.ts';
import { LotsenError } from '../../../common/api/errors.ts';
import type { Backend } from '../../app/backend.node.ts';
import { PersonalDetail } from '../../audit/auditDetails.ts';
import type { AuditInput } from '../../audit/auditTrail.node.ts';
import type { RecordingSink } from '../../sessions/recording/recorder.ts';
import { applyItem } from './applyItem.ts';
import { isConnectionLoss } from './connectionLoss.ts';
import type { OutboxItem, OutboxPayload } from './outboxItems.ts';

/** The first retry of a queue the team database did not take comes after this; each failure doubles it... */
const FIRST_RETRY_MS = 500;
/** ...up to this. */
const LAST_RETRY_MS = 15_000;

export interface DrainReport {
  /** Items written to the team database by this drain. */
  written: number;
  ms: number;
}

/**
 * Where a running session's books go (its state, time entry, audit events and recording chunks). Each session's
 * writes happen one after another, in the order the session made them. A write the team database cannot take because
 * it cannot be reached (connectionLoss.ts) goes to the member's local queue instead (outboxFile.node.ts), and so does
 * every later write of that session while any of its items wait, so they reach the database in order. The queue
 * drains in order when the database is back: on a timer with backoff, after any of the session's books is written
 * directly again, and at unlock (before interrupted sessions are ended, which reads what the queue brings).
 * An embedded store has no queue: its books are written at once, as before.
 */
export class SessionBooks {
  private readonly chains = new Map<string, Promise<unknown>>();
  private draining: Promise<DrainReport | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = FIRST_RETRY_MS;
  private readonly drainedListeners = new Set<(report: DrainReport) => void>();
  private unfollowReachability: (() => void) | undefined;

  constructor(private readonly backend: Backend) {
    backend.afterUnlock(async () => {
      const store = backend.unlockedStore();
      // The database is back: what waits goes now, not at the retry timer's next turn.
      this.unfollowReachability =
        store?.kind === 'team'
          ? store.reachability.onChange(({ state }) => {
              if (state === 'reachable') {
                void this.drain().catch((error: unknown) => console.error(`lotsen: ${reasonOf(error)}`));
              }
            })
          : undefined;
      await this.drain().catch((error: unknown) => console.error(`lotsen: ${reasonOf(error)}`));
    });
    backend.beforeLock(() => {
      this.unfollowReachability?.();
      this.unfollowReachability = undefined;
      this.stopRetrying();
    });
  }

  /** Writes one item of the session's books after its earlier ones, or queues it; says which. */
  write(sessionId: string, payload: OutboxPayload): Promise<'written' | 'queued'> {
    const item: OutboxItem = { id: randomUUID(), sessionId, happenedAt: this.backend.now(), payload };
    const previous = this.chains.get(sessionId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.writeNow(item));
    this.chains.set(sessionId, next);
    void next
      .catch(() => undefined)
      .then(() => {
        if (this.chains.get(sessionId) === next) this.chains.delete(sessionId);
      });
    return next;
  }

  /** An audit event of the session's, as AuditTrail.append takes it, written (or queued) with its other books. */
  audit(sessionId: string, input: AuditInput): Promise<'written' | 'queued'> {
    const details = Object.fromEntries(
      Object.entries(input.details ?? {}).map(([key, value]) => [
        key,
        value instanceof PersonalDetail
          ? { personal: value.text, ticketId: value.ticketId }
          : Array.isArray(value)
            ? [...(value as readonly (string | number)[])]
            : (value as string | number | boolean | null),
      ]),
    );
    return this.write(sessionId, {
      kind: 'audit-event',
      event: input.event,
      subject: input.subject ?? null,
      details,
    });
  }

  /** How many of the session's items (or of all) wait in the queue. */
  waiting(sessionId?: string): number {
    return this.backend.outboxQueue()?.count(sessionId) ?? 0;
  }

  /** Runs after each drain that emptied the queue. */
  onDrained(listener: (report: DrainReport) => void): () => void {
    this.drainedListeners.add(listener);
    return () => this.drainedListeners.delete(listener);
  }

  /**
   * Writes the queued items to the team database in order, each once, until none is left (the answer says how many
   * and how long it took) or one cannot be written: then null, and it is tried again later. A drain under way is
   * joined, not started twice.
   */
  drain(): Promise<DrainReport | null> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.draining ??= this.drainAll().finally(() => (this.draining = null));
    return this.draining;
  }

  private async writeNow(item: OutboxItem): Promise<'written' | 'queued'> {
    const queue = this.backend.outboxQueue();
    if (queue !== null && queue.count(item.sessionId) > 0) {
      queue.append(item);
      this.retryLater();
      return 'queued';
    }
    try {
      await applyItem(this.backend, item, false);
    } catch (error) {
      if (queue === null || !isConnectionLoss(error)) throw error;
      queue.append(item);
      this.retryLater();
      return 'queued';
    }
    // The database answered: whatever else waits can go now.
    if (queue !== null && queue.count() > 0) void this.drain().catch(() => undefined);
    return 'written';
  }

  private async drainAll(): Promise<DrainReport | null> {
    const queue = this.backend.outboxQueue();
    if (queue === null || queue.count() === 0) return null;
    const started = performance.now();
    let written = 0;
    for (;;) {
      if (this.backend.outboxQueue() !== queue) return null; // locked meanwhile
      const item = queue.first();
      if (item === null) break;
      try {
        await applyItem(this.backend, item, true);
      } catch (error) {
        if (!isConnectionLoss(error)) {
          // Not the network: the item and those after it wait (nothing is skipped), and the log says why.
          console.error(
            `lotsen: a queued ${item.payload.kind} of session ${item.sessionId} was not written to the team database, so the queue waits: ${reasonOf(error)}`,
          );
        }
        this.retryLater();
        return null;
      }
      queue.remove(item.id);
      written += 1;
    }
    this.retryMs = FIRST_RETRY_MS;
    const report = { written, ms: Math.round(performance.now() - started) };
    for (const listener of this.drainedListeners) listener(report);
    return report;
  }

  private retryLater(): void {
    if (this.timer !== undefined || this.backend.outboxQueue() === null) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain().catch((error: unknown) => console.error(`lotsen: ${reasonOf(error)}`));
    }, this.retryMs);
    this.timer.unref?.();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }

  private stopRetrying(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof LotsenError) return error.message;
  // pg's and SQLite's messages name codes, tables and hosts, never values or passwords.
  return error instanceof Error ? error.message : 'unknown';
}

const books = new WeakMap<Backend, SessionBooks>();

/** The one SessionBooks of a backend: every session of it writes through the same chains and queue. */
export function booksOf(backend: Backend): SessionBooks {
  let made = books.get(backend);
  if (!made) books.set(backend, (made = new SessionBooks(backend)));
  return made;
}

/** A session's recording written with its other books: its sealed batches and its end queue with them. */
export function recordingSinkOf(books: SessionBooks, sessionId: string): RecordingSink {
  return {
    chunk: async (chunk) => {
      // The books and their queue keep text (a team database's column is text; the queue's items are JSON).
      const data = sealedTextOf(chunk.data);
      await books.write(sessionId, { kind: 'recording-chunk', op: 'write', ...chunk, data });
    },
    end: async (recordingId, endedAt) => {
      await books.write(sessionId, { kind: 'recording-chunk', op: 'end', recordingId, endedAt });
    },
  };
}
