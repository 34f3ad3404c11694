import { sql } from 'kysely';
import { sqliteConnectionOf, type Db } from './database.node.ts';

/**
 * Writes the write-ahead log back into the store file and empties it, so that what a purge or an erase just deleted
 * (a destroyed data key, a recording's output) leaves no copy in `lotsen.db-wal`; in the file itself `secure_delete`
 * (openEncryptedConnection) has already zeroed the freed pages. Call it after the deleting transaction has committed:
 * inside one, the log cannot be emptied.
 *
 * Only the embedded store has such a file beside it. A PostgreSQL team database keeps its write-ahead log on the
 * server, which recycles it and which the application can neither read nor empty: there, as for any query layer not
 * opened by openStore, this does nothing.
 */
export async function flushWriteAheadLog(db: Db): Promise<void> {
  if (db.isTransaction) throw new Error('flushWriteAheadLog runs after the transaction, not inside it');
  if (sqliteConnectionOf(db) === null) return;
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}
