import type { Kysely, Transaction } from 'kysely';

/**
 * One transaction for a migration's work. Kysely runs SQLite migrations outside a transaction, so a migration that
 * must be all or nothing opens its own; on PostgreSQL the Migrator already runs every migration in one (DDL is
 * transactional there), and a transaction cannot be opened inside another: the work joins it.
 */
export function inMigrationTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB> | Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
