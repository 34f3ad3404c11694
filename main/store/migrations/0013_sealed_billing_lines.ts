import { sql, type Kysely, type Migration } from 'kysely';
import { personalSealer, type DataKeyOwner } from '../../personalData/personalDataKeys.ts';
import { isSealed } from '../../vault/sealedText.ts';
import type { Db } from '../database.node.ts';
import { storeDialect } from '../dialect.ts';
import type { BillingLinesTable } from '../schema.ts';

/** Lines converted per read (keyset on the primary key), so a large store's lines never sit in memory at once. */
const PAGE = 2_000;

/**
 * Approved billing lines hold their ticket's subject, technician and note sealed under the ticket's data key
 * (main/personalData), so the summer purge can make them unreadable without changing a line.
 *
 * Lines approved before this migration hold those texts in the clear, and the triggers of 0008 refuse any update or
 * delete of a line, rightly: no code path may change an approved batch. This schema migration therefore reshapes
 * the table instead of updating it: it builds `billing_lines_sealed` with the same columns and primary key, copies
 * every line into it with the three texts sealed and everything else as it was, drops the old table (SQLite drops a
 * table's triggers before the rows go, so none fires, and with `secure_delete` on the freed pages are zeroed),
 * renames the new one into its place and gives it the same two triggers. It runs once, inside the migration's
 * transaction, before any service can read or write; nothing at runtime ever drops, disables or bypasses a trigger.
 * The amounts, minutes and order of every line are copied as they were, so each batch's totals, and an export of it,
 * are byte for byte what they were (test/main/store/sealedBillingLinesMigration.test.ts).
 *
 * Audit events are not converted: they are hash-chained, and rewriting one would break the chain. Events written
 * before this release keep their details as written; every event after it has its free text sealed (docs/audit.md).
 */
export const migration0013SealedBillingLines: Migration = {
  async up(db: Kysely<unknown>) {
    // A team database (PostgreSQL) begins after this release: its lines are sealed from the first approval, and its
    // billing_lines is already the table this builds (0008's columns, primary key and guards). The rebuild below is
    // SQLite's (PostgreSQL would also refuse a second index named billing_lines_pk while the first exists).
    if (storeDialect(db) === 'postgres') return;
    // Kysely runs SQLite migrations outside a transaction: this one is all or nothing by itself.
    await db.transaction().execute(sealLines);
  },
};

async function sealLines(db: Kysely<unknown>): Promise<void> {
  // 0008's columns written out again: a released migration is never edited (so 0008 cannot be made to share its
  // table definition) and a migration never imports the live schema, which later releases change.
  await db.schema
    .createTable('billing_lines_sealed')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('billing_batches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('ticket_ref', 'text', (c) => c.notNull())
    // Sealed text (pd1.<key id>.<payload>) under the ticket's data key.
    .addColumn('ticket_subject', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    // Sealed, as ticket_subject.
    .addColumn('technician', 'text', (c) => c.notNull())
    .addColumn('agreement_ref', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('work_type', 'text')
    .addColumn('actual_seconds', 'integer', (c) => c.notNull())
    .addColumn('actual_minutes', 'integer', (c) => c.notNull())
    .addColumn('billed_minutes', 'integer', (c) => c.notNull())
    .addColumn('rate_ore', 'integer', (c) => c.notNull())
    .addColumn('amount_ore', 'integer', (c) => c.notNull())
    // Sealed, as ticket_subject.
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('entry_count', 'integer', (c) => c.notNull())
    .addColumn('entry_id', 'text')
    .addColumn('adjustment_id', 'text')
    .addPrimaryKeyConstraint('billing_lines_pk', ['batch_id', 'seq'])
    .execute();

  const store = db as unknown as Db;
  const sealer = personalSealer(store);
  // A line already sealed stays as it is: were the migration's record lost after its commit, a second run
  // would otherwise seal sealed text.
  const seal = async (owner: DataKeyOwner, text: string) => (isSealed(text) ? text : sealer(owner, text));
  let after: { batchId: string; seq: number } | null = null;
  for (;;) {
    const cursor: { batchId: string; seq: number } | null = after;
    let query = store.selectFrom('billing_lines').selectAll();
    if (cursor !== null) {
      query = query.where((eb) =>
        eb(eb.refTuple('batch_id', 'seq'), '>', eb.tuple(cursor.batchId, cursor.seq)),
      );
    }
    const lines: BillingLinesTable[] = await query.orderBy('batch_id').orderBy('seq').limit(PAGE).execute();
    if (lines.length === 0) break;
    const sealed: BillingLinesTable[] = [];
    for (const line of lines) {
      const ticket = { kind: 'ticket', id: line.ticket_id } as const;
      sealed.push({
        ...line,
        ticket_subject: await seal(ticket, line.ticket_subject),
        technician: await seal(ticket, line.technician),
        note: await seal(ticket, line.note),
      });
    }
    // 21 columns a row: 400 rows a statement stays under SQLite's bound-parameter limit.
    for (let i = 0; i < sealed.length; i += 400) {
      await (store as unknown as Kysely<{ billing_lines_sealed: BillingLinesTable }>)
        .insertInto('billing_lines_sealed')
        .values(sealed.slice(i, i + 400))
        .execute();
    }
    const last = lines[lines.length - 1]!;
    after = { batchId: last.batch_id, seq: last.seq };
  }

  // From here on SQLite's behaviour (dropping a table drops its triggers first) and trigger syntax, as in 0008. A team
  // database begins after this release, its lines sealed from the first approval: it never needs this rebuild.
  await sql`DROP TABLE billing_lines`.execute(db);
  await sql`ALTER TABLE billing_lines_sealed RENAME TO billing_lines`.execute(db);
  // The same triggers as 0008's: an approved line never changes and is never deleted.
  await sql`CREATE TRIGGER billing_lines_no_update BEFORE UPDATE ON billing_lines
      BEGIN SELECT RAISE(ABORT, 'LOTSEN_LOCKED: a billing line cannot change'); END`.execute(db);
  await sql`CREATE TRIGGER billing_lines_no_delete BEFORE DELETE ON billing_lines
      BEGIN SELECT RAISE(ABORT, 'LOTSEN_LOCKED: a billing line cannot be deleted'); END`.execute(db);
}
