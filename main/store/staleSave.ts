import { sql } from 'kysely';
import { keyedError, LotsenError } from '../../common/api/errors.ts';
import { changedFields, type StaleRecordKind, type StaleSaveDetails } from '../../common/api/staleSave.ts';
import type { VERSIONED_TABLES } from './migrations/0020_row_versions.ts';
import type { Db } from './database.node.ts';

/*
 * A save of a versioned record (migration 0020) names the version it was opened at, and its UPDATE is compare-and-set:
 * `WHERE id = ? AND row_version = ?`, in the save's own transaction. Zero rows updated means the record is gone, or
 * someone saved it meanwhile: this module tells which, and for the second builds the CONFLICT the form shows (issue
 * 14). Nothing is read before the write to decide; the read here only explains a refusal already made, so two saves
 * racing on PostgreSQL cannot both pass (the second's UPDATE waits on the first's row lock, then finds the version
 * moved), and on SQLite the write lock orders them the same way.
 */

type VersionedTable = (typeof VERSIONED_TABLES)[number];

export interface StaleSave<View> {
  table: VersionedTable;
  /** The row's key: `id` unless the table says otherwise (vendor_settings' `key`). */
  key?: { column: string; value: string | number };
  id?: string;
  /** Where the record must be found (a server within its environment); elsewhere it counts as not found. */
  within?: { column: string; value: string };
  /** In words, for the message and the details: `customer`, `support account`; the console words it by this. */
  record: StaleRecordKind;
  notFound: string;
  /** The record's view as stored now (read in the same transaction). */
  view(): Promise<View>;
  /** The submitted fields, as the API took them. */
  submitted: Record<string, unknown>;
  /** The same fields as stored now, from the view (where the input's names differ from the view's). */
  stored?(view: View): Record<string, unknown>;
}

interface Stamp {
  row_version: number | string;
  updated_at: number | string | null;
  updated_by: string | null;
}

/** Why an UPDATE guarded by a version changed no row: NOT_FOUND, or CONFLICT with the details a form needs. */
export async function staleSaveRefusal<View>(
  db: Db,
  actorId: string,
  stale: StaleSave<View>,
): Promise<LotsenError> {
  const key = stale.key ?? { column: 'id', value: stale.id ?? '' };
  const within = stale.within ? sql` AND ${sql.ref(stale.within.column)} = ${stale.within.value}` : sql``;
  const { rows } = await sql<Stamp>`
    SELECT row_version, updated_at, updated_by FROM ${sql.table(stale.table)}
    WHERE ${sql.ref(key.column)} = ${key.value}${within}`.execute(db);
  const stamp = rows[0];
  if (!stamp) return new LotsenError('NOT_FOUND', stale.notFound);
  const view = await stale.view();
  const stored = stale.stored ? stale.stored(view) : (view as Record<string, unknown>);
  const changedBy = await nameOf(db, stamp.updated_by);
  const byYou = stamp.updated_by === actorId;
  const details: StaleSaveDetails = {
    record: stale.record,
    byYou,
    rowVersion: Number(stamp.row_version),
    current: view,
    changedFields: changedFields(stale.submitted, stored),
    changedBy,
    changedAt: stamp.updated_at === null ? null : Number(stamp.updated_at),
  };
  return staleSaveError(details, byYou);
}

async function nameOf(db: Db, userId: string | null): Promise<string | null> {
  if (userId === null) return null;
  const row = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
  return row?.name ?? null;
}

/**
 * Made at the first message, not when the module loads: a time zone's first formatter starts ICU's date formatting,
 * tens of ms, which a CLI command that never words a stale save would pay at its start (issue 17).
 */
let formats: { clock: Intl.DateTimeFormat; day: Intl.DateTimeFormat } | undefined;
const stockholmFormats = () =>
  (formats ??= {
    clock: new Intl.DateTimeFormat('sv-SE', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Stockholm',
    }),
    day: new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeZone: 'Europe/Stockholm' }),
  });

/**
 * "Ada Admin changed this customer at 14:02 while you had it open", and what to do about it: CONFLICT with the
 * details a form needs, its detail keyed by who and when (the day as an ISO day, which sv-SE's short style is).
 */
export function staleSaveError(details: StaleSaveDetails, byYou: boolean, now = Date.now()): LotsenError {
  const who: 'ByYou' | 'By' | 'BySomeone' = byYou ? 'ByYou' : details.changedBy === null ? 'BySomeone' : 'By';
  const values: Record<string, string> = { staleRecord: details.record };
  if (who === 'By') values.who = details.changedBy!;
  const at = details.changedAt;
  const { clock, day } = stockholmFormats();
  let when: '' | 'Today' | 'OnDay' = '';
  if (at !== null) {
    values.time = clock.format(at);
    when = day.format(at) === day.format(now) ? 'Today' : 'OnDay';
    if (when === 'OnDay') values.changedOn = day.format(at);
  }
  const key: `storage.staleSave${typeof who}${typeof when}` = `storage.staleSave${who}${when}`;
  return keyedError('CONFLICT', key, values, details);
}

/** The version an update names; the contract requires it with an id (common/api/rowVersion.ts), so this is a guard. */
export function openedVersion(rowVersion: number | undefined): number {
  if (rowVersion === undefined) {
    throw keyedError(
      'VALIDATION',
      'storage.openedVersionNeeded',
      {},
      {
        issues: [{ path: 'rowVersion', message: 'Required when saving a record that exists' }],
      },
    );
  }
  return rowVersion;
}
