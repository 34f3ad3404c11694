import { sql } from 'kysely';
import type { Db } from '../../store/database.node.ts';
import type { TableCopy } from './importPlan.ts';

/** Rows read from the local copy per query, and written per INSERT unless the table says fewer. */
const ROWS_PER_BATCH = 500;
/** Rows whose batch columns are set per UPDATE once the batches exist. */
const LINKS_PER_UPDATE = 500;

export type Row = Record<string, unknown>;

/**
 * Copies one table from the local store into the team's transaction, a batch at a time (bounded memory, however many
 * recordings), in key order. `transform` gives each row as the team stores it (null: not copied); user columns are
 * mapped to the importing member and the columns filled in after the batches are left null. Returns the rows written.
 */
export async function copyTable(
  local: Db,
  team: Db,
  copy: TableCopy,
  options: {
    users: ReadonlyMap<string, string>;
    transform?: (row: Row) => Promise<Row | null> | Row | null;
  },
): Promise<number> {
  const batch = copy.batch ?? ROWS_PER_BATCH;
  const order = sql.join(copy.key.map((column) => sql.ref(column)));
  let written = 0;
  for (let offset = 0; ; offset += batch) {
    const { rows } = await sql<Row>`SELECT * FROM ${sql.table(copy.table)} ORDER BY ${order}
      LIMIT ${batch} OFFSET ${offset}`.execute(local);
    const out: Row[] = [];
    const generated = new Set(copy.generated ?? []);
    for (const read of rows) {
      const row = Object.fromEntries(Object.entries(read).filter(([column]) => !generated.has(column)));
      for (const column of copy.afterBatches ?? []) row[column] = null;
      for (const column of copy.userColumns) {
        const value = row[column];
        if (typeof value === 'string') row[column] = options.users.get(value) ?? value;
      }
      const stored = options.transform ? await options.transform(row) : row;
      if (stored !== null) out.push(stored);
    }
    if (out.length > 0) {
      await team
        .insertInto(copy.table)
        .values(out as never)
        .execute();
      written += out.length;
    }
    if (rows.length < batch) return written;
  }
}

/**
 * Writes the columns `copyTable` left null (time entries' and adjustments' batch and line) once the batches exist:
 * the approved-month triggers accept linking a row into its batch, not inserting one into an approved month.
 */
export async function linkToBatches(local: Db, team: Db, copy: TableCopy): Promise<number> {
  if (!copy.afterBatches) return 0;
  const rows = await sql<{
    id: string;
    batch_id: string;
    line_seq: number | null;
  }>`SELECT id, batch_id, line_seq
    FROM ${sql.table(copy.table)} WHERE batch_id IS NOT NULL ORDER BY id`.execute(local);
  for (let i = 0; i < rows.rows.length; i += LINKS_PER_UPDATE) {
    const values = rows.rows
      .slice(i, i + LINKS_PER_UPDATE)
      .map((r) => sql`(${r.id}::text, ${r.batch_id}::text, ${r.line_seq}::bigint)`);
    await sql`UPDATE ${sql.table(copy.table)} AS t SET batch_id = v.batch_id, line_seq = v.line_seq
      FROM (VALUES ${sql.join(values)}) AS v (id, batch_id, line_seq) WHERE t.id = v.id`.execute(team);
  }
  return rows.rows.length;
}
