import type Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { keyedError, LotsenError } from '../../../common/api/errors.ts';
import { openEncryptedConnection } from '../../store/database.node.ts';
import { outboxPayloadSchema, type OutboxItem } from './outboxItems.ts';

/**
 * The local queue of a team member's sessions' books while the team database is out of reach: one encrypted SQLite
 * file in the data folder (SQLCipher 4 format, as the embedded store; its key is outboxKey.node.ts's). Every call is
 * synchronous and every commit is fsync'd (WAL, synchronous = FULL), so an item the session has handed over is on
 * disk before the session goes on: killing Lotsen loses none. Items leave only once the database holds them.
 */
export class OutboxFile {
  private constructor(
    private readonly raw: Database.Database,
    readonly file: string,
  ) {}

  /** Opens the queue, making it on first use; OUTBOX_UNREADABLE for a file this key does not open or that is damaged. */
  static open(file: string, key: Buffer): OutboxFile {
    // Owner-only from the first byte; SQLite gives the -wal and -shm files the main file's mode.
    if (!existsSync(file)) writeFileSync(file, '', { flag: 'wx', mode: 0o600 });
    let raw: Database.Database | undefined;
    try {
      raw = openEncryptedConnection(file, key, { keyVerified: false });
      raw.pragma('synchronous = FULL');
      raw.exec(`CREATE TABLE IF NOT EXISTS items (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        session_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        happened_at INTEGER NOT NULL,
        payload TEXT NOT NULL
      ) STRICT`);
      raw.exec('CREATE INDEX IF NOT EXISTS items_session ON items (session_id)');
      // A damaged page further in would otherwise show only when the drain reaches it.
      const check = raw.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw Object.assign(new Error('quick_check failed'), { code: 'SQLITE_CORRUPT' });
      return new OutboxFile(raw, file);
    } catch (error) {
      raw?.close();
      throw unreadable(file, error);
    }
  }

  /** Queues an item at the end, on disk before this returns. */
  append(item: OutboxItem): void {
    this.guard(() =>
      this.raw
        .prepare('INSERT INTO items (id, session_id, kind, happened_at, payload) VALUES (?, ?, ?, ?, ?)')
        .run(item.id, item.sessionId, item.payload.kind, item.happenedAt, JSON.stringify(item.payload)),
    );
  }

  /** The oldest item, or null when nothing waits. */
  first(): OutboxItem | null {
    const row = this.guard(
      () =>
        this.raw
          .prepare('SELECT id, session_id, happened_at, payload FROM items ORDER BY position LIMIT 1')
          .get() as { id: string; session_id: string; happened_at: number; payload: string } | undefined,
    );
    if (row === undefined) return null;
    const parsed = parsePayload(row.payload);
    if (parsed === null) {
      const values = { file: this.file, itemId: row.id };
      throw keyedError('OUTBOX_UNREADABLE', 'team.outboxItemUnreadable', values, values);
    }
    return { id: row.id, sessionId: row.session_id, happenedAt: row.happened_at, payload: parsed };
  }

  /** Removes an item the team database now holds. */
  remove(id: string): void {
    this.guard(() => this.raw.prepare('DELETE FROM items WHERE id = ?').run(id));
  }

  /** How many items wait, of one session or of all. */
  count(sessionId?: string): number {
    return this.guard(() => {
      const row = (
        sessionId === undefined
          ? this.raw.prepare('SELECT count(*) AS n FROM items').get()
          : this.raw.prepare('SELECT count(*) AS n FROM items WHERE session_id = ?').get(sessionId)
      ) as { n: number };
      return row.n;
    });
  }

  close(): void {
    if (this.raw.open) this.raw.close();
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw isDamage(error) ? unreadable(this.file, error) : error;
    }
  }
}

function parsePayload(text: string) {
  try {
    const parsed = outboxPayloadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(code);
}

function unreadable(file: string, error: unknown): LotsenError {
  if (error instanceof LotsenError && error.code === 'OUTBOX_UNREADABLE') return error;
  const foreignKey = error instanceof LotsenError && error.code === 'KEY_MISMATCH';
  const key = foreignKey ? 'team.outboxForeignKey' : 'team.outboxDamaged';
  return keyedError('OUTBOX_UNREADABLE', key, { file }, { file });
}
