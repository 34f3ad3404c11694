import { sql } from 'kysely';
import type { Db } from './database.node.ts';
import { storeDialect } from './dialect.ts';

/**
 * Serialises one kind of write across every process on the store, for the rest of the caller's transaction: what
 * reads then writes on what it read (the next batch number, "is this month approved yet?", the audit head) must not
 * interleave. SQLite has one writer at a time already. On PostgreSQL, two members' transactions run at once, so the
 * transaction takes a transaction-level advisory lock named for the kind of write (no table privilege needed,
 * released at commit or rollback), and reads after taking it see what the one before it committed.
 */
export async function serialiseWrites(trx: Db, kind: 'billing approval' | 'audit append'): Promise<void> {
  if (storeDialect(trx) !== 'postgres') return;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`lotsen:${kind}`}))`.execute(trx);
}
