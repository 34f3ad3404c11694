import type { ErrorDetailKey } from '../../common/api/errorDetails/index.ts';
import { keyedError, keyedIssue, type LotsenError } from '../../common/api/errors.ts';
import type { Db } from '../store/database.node.ts';
import { openPersonal, PURGED_TEXT, sealPersonalFields, type DataKeyOwner } from './personalDataKeys.ts';

/*
 * Rows whose personal columns are stored sealed (personalDataKeys.ts), read and written as a whole. Lists open every
 * sealed value of every row with one openPersonal call, so a list costs one key lookup per owner, not per value.
 */

type Sealable<K extends string> = { [C in K]: string | null };

/**
 * The rows with their sealed columns opened in memory. A purged value (its key destroyed) reads PURGED_TEXT; a null
 * stays null.
 */
export async function openColumns<R extends Sealable<K>, K extends string>(
  db: Db,
  rows: readonly R[],
  columns: readonly K[],
): Promise<R[]> {
  const values = rows.flatMap((row) => columns.map((column) => row[column]));
  const opened = await openPersonal(db, values);
  return rows.map((row, r) => {
    const copy = { ...row };
    columns.forEach((column, c) => {
      if (row[column] === null) return;
      (copy as Sealable<K>)[column] = opened[r * columns.length + c] ?? PURGED_TEXT;
    });
    return copy;
  });
}

/** The refusal of a new text for a purged field: its owner's key is gone, and a new one would bring purged data back. */
export function purgedFieldError(name: SealedFieldName): LotsenError {
  return keyedError(
    'CONFLICT',
    name.purged,
    {},
    { issues: [keyedIssue(name.path, 'records.purgedCannotEdit')] },
  );
}

/** A sealed column's refusal once purged (a `records.purged…` detail key) and its path in the API's input. */
export interface SealedFieldName {
  purged: ErrorDetailKey;
  path: string;
}

/**
 * What an update writes for the owner's sealed columns: an unchanged text keeps its stored sealed value, a changed one
 * is sealed afresh. A purged column may be written back only as it reads (PURGED_TEXT, so the rest of the row can still
 * change); any other text for it is refused (purgedFieldError). `names` give each column's name for people and its
 * path in the API's input.
 */
export async function resealChanged<K extends string>(
  db: Db,
  owner: DataKeyOwner,
  stored: Record<K, string>,
  texts: Record<K, string>,
  names: Record<K, SealedFieldName>,
): Promise<Record<K, string>> {
  const columns = Object.keys(texts) as K[];
  const opened = await openPersonal(
    db,
    columns.map((column) => stored[column]),
  );
  const result = {} as Record<K, string>;
  const changed = {} as Record<K, string>;
  columns.forEach((column, i) => {
    const current = opened[i] ?? null;
    if (current === texts[column] || (current === null && texts[column] === PURGED_TEXT)) {
      result[column] = stored[column];
    } else if (current === null) {
      throw purgedFieldError(names[column]);
    } else {
      changed[column] = texts[column];
    }
  });
  return Object.keys(changed).length === 0
    ? result
    : { ...result, ...(await sealPersonalFields(db, owner, changed)) };
}
