import { sql } from 'kysely';
import type { LotsenError } from '../../../common/api/errors.ts';
import { keyedError } from '../../../common/api/errors.ts';
import type { Db } from '../../store/database.node.ts';
import { tableCopies } from './importPlan.ts';

/** Ids per query: far below PostgreSQL's 65,535 bound parameters. */
const IDS_PER_QUERY = 1000;

export interface ImportConflict {
  /** The table, or the table and the unique column (`customers.org_number`). */
  kind: string;
  count: number;
}

/**
 * What of the local store the team database already holds: rows with the same ids (the store was imported before,
 * or the team holds a copy of it), and values the team's unique keys would refuse (an organisation number, a host
 * key trusted with another fingerprint; billing batch numbers are renumbered instead, batchRenumbering.ts). Run
 * inside the import's transaction, before anything is written, so a conflict leaves the team database as it was.
 */
export async function findImportConflicts(
  local: Db,
  team: Db,
  teamUserId: string,
): Promise<ImportConflict[]> {
  const conflicts: ImportConflict[] = [];
  const check = async (kind: string, table: string, column: string) => {
    const values = await sql<{ value: string | number }>`SELECT ${sql.ref(column)} AS value
      FROM ${sql.table(table)}`
      .execute(local)
      .then((r) => r.rows.map((row) => row.value));
    const found = await countHeld(team, table, column, values);
    if (found > 0) conflicts.push({ kind, count: found });
  };
  for (const copy of tableCopies) {
    if (copy.key.length === 1) await check(copy.table, copy.table, copy.key[0]!);
  }
  await check('customers.org_number', 'customers', 'org_number');

  // A host key the team trusts already is no conflict when it is the same key (it is then not copied again).
  let otherKeys = 0;
  for (const host of await local.selectFrom('known_hosts').selectAll().execute()) {
    const theirs = await team
      .selectFrom('known_hosts')
      .select('fingerprint')
      .where('host', '=', host.host)
      .where('port', '=', host.port)
      .where('key_type', '=', host.key_type)
      .executeTakeFirst();
    if (theirs && theirs.fingerprint !== host.fingerprint) otherKeys += 1;
  }
  if (otherKeys > 0) conflicts.push({ kind: 'known_hosts.fingerprint', count: otherKeys });

  // One running timer per person: the member's own running timer and a running one in the store cannot both stand.
  const running = await local.selectFrom('time_entries').select('id').where('ended_at', 'is', null).execute();
  if (running.length > 0) {
    const theirs = await team
      .selectFrom('time_entries')
      .select('id')
      .where('technician_id', '=', teamUserId)
      .where('ended_at', 'is', null)
      .execute();
    if (theirs.length > 0) conflicts.push({ kind: 'time_entries.running_timer', count: running.length });
  }
  return conflicts;
}

/** How many of `values` the team's `table` holds in `column`, asked in chunks. */
async function countHeld(
  team: Db,
  table: string,
  column: string,
  values: readonly (string | number)[],
): Promise<number> {
  let found = 0;
  for (let i = 0; i < values.length; i += IDS_PER_QUERY) {
    const chunk = values.slice(i, i + IDS_PER_QUERY);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}
      WHERE ${sql.ref(column)} IN (${sql.join(chunk)})`.execute(team);
    found += Number(rows[0]?.n ?? 0);
  }
  return found;
}

const KIND_WORDS: Record<string, string> = {
  'customers.org_number': 'customers with the same organisation number',
  'known_hosts.fingerprint': 'host keys trusted with another fingerprint',
  'time_entries.running_timer': 'running timers (stop the running timer first)',
};

/** CONFLICT naming each kind and count; the ids are the same UUIDs, so the store was most likely imported before. */
export function importConflictError(conflicts: readonly ImportConflict[]): LotsenError {
  const listed = conflicts.map(
    (c) => `${c.count} ${KIND_WORDS[c.kind] ?? `${c.kind.replaceAll('_', ' ')} (the same ids)`}`,
  );
  // Only `lotsen team import-local` meets this (no console page imports a store), so the kinds stay in English.
  return keyedError(
    'CONFLICT',
    'team.importedBefore',
    { conflicts: listed },
    {
      conflicts: conflicts.map((c) => ({ kind: c.kind, count: c.count })),
    },
  );
}
