import { createHash } from 'node:crypto';
import pg from 'pg';
import { asSuperuser } from './testDatabases.ts';

/**
 * Every row of every table in Lotsen's schema of a test database (the audit trail, its head and the member tables
 * included), hashed: equal before and after a call when the call wrote nothing. Read as the superuser, so no member's
 * rules hide a row from the comparison; it only reads.
 */
export async function databaseFingerprint(database: string): Promise<string> {
  return asSuperuser(database, async (client) => {
    const tables = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'lotsen'::regnamespace AND relkind = 'r'
        ORDER BY relname`,
    );
    const hash = createHash('sha256');
    for (const { name } of tables.rows) {
      // A row's text form orders the rows of any table, with or without a key.
      const rows = await client.query<{ row: string }>(
        `SELECT r::text AS row FROM lotsen.${pg.escapeIdentifier(name)} AS r ORDER BY 1`,
      );
      hash.update(`${name}\n`);
      for (const { row } of rows.rows) hash.update(`${row}\n`);
    }
    return hash.digest('hex');
  });
}
