import { randomBytes, randomUUID } from 'node:crypto';
import { LotsenError } from '../../common/api/errors.ts';
import type { Db } from '../store/database.node.ts';
import type { SecretDataKeysTable } from '../store/schema.ts';
import { treeKey, type TreeKey } from './keyRing.ts';
import {
  DATA_KEY_BYTES,
  openSealed,
  sealedParts,
  unwrapDataKey,
  wrapDataKey,
  type SealedPrefix,
} from './sealedText.ts';
import type { VaultTree } from './treeKeyWraps.ts';

/**
 * A table of data keys, one per owner, each wrapped by a generation of a tree key, as both trees keep one:
 * `personal_data_keys` under `personal` (main/personalData/personalDataKeys.ts) and `secret_data_keys` under
 * `secrets` (secretVault.ts). Here is what the two do alike: an owner's key made on first use, keys unwrapped by id in
 * batches (each under its generation's tree key), sealed values opened under them, and keys destroyed by owner, which
 * is how both trees destroy what was sealed under them (crypto-shredding). What they do differently stays with them:
 * null values and a destroyed key read as purged (personal), a destroyed key as NOT_FOUND and a new key for each new
 * secret (secrets).
 */
export interface OwnedDataKeys {
  table: 'personal_data_keys' | 'secret_data_keys';
  tree: VaultTree;
  /** Of the values sealed under these keys (sealedText.ts). */
  prefix: SealedPrefix;
  /** What a data key's wrap is bound to (its id and owner), so a wrapped key moved to another row does not open. */
  binding(keyId: string, owner: DataKeyOwnerOf): string;
  /** The errors of a store that was tampered with, in the tree's own words. */
  refused: {
    notSealed: string;
    notOpening: string;
    /** A data key that does not unwrap; without it, the cipher's own error (as the personal tree always had). */
    dataKey?: string;
  };
  /**
   * The personal tree's old migrations (0012, 0013, 0019) seal before 0022 adds `generation`: its keys are read with
   * every column there is, and a key of generation 1 is written without the column, which defaults to 1.
   */
  generationMayBeMissing?: boolean;
}

export interface DataKeyOwnerOf {
  kind: string;
  id: string;
}

/** A data key's row, as both tables hold it. */
export type DataKeyRow = SecretDataKeysTable;

export interface DataKey {
  id: string;
  key: Buffer;
}

/** How many key or owner ids one query names (SQLite's bound-parameter limit is far above it). */
const ID_BATCH = 500;

const generationOf = (row: { generation?: number | string }) => Number(row.generation ?? 1);

/** A new data key for an owner, wrapped by the tree key of `tree.generation`; not yet stored. */
export function newDataKey(
  keys: OwnedDataKeys,
  owner: DataKeyOwnerOf,
  tree: TreeKey,
): { row: DataKeyRow; key: Buffer } {
  const id = randomUUID();
  const key = randomBytes(DATA_KEY_BYTES);
  return {
    key,
    row: {
      id,
      owner_kind: owner.kind,
      owner_id: owner.id,
      generation: tree.generation,
      wrapped_key: wrapDataKey(tree.key, keys.binding(id, owner), key),
      created_at: Date.now(),
    },
  };
}

/**
 * A new data key for the owner, stored, under `tree` or else the newest generation of the tree this store or member
 * holds. Inside the writing transaction, so a failed write leaves none.
 */
export async function makeDataKey(
  db: Db,
  keys: OwnedDataKeys,
  owner: DataKeyOwnerOf,
  tree?: TreeKey,
): Promise<DataKey> {
  const made = newDataKey(keys, owner, tree ?? (await treeKey(db, keys.tree)));
  await insertDataKeyRow(db, keys, made.row);
  return { id: made.row.id, key: made.key };
}

/** Stores a data key made earlier (newDataKey), e.g. one a session made while the team database was away. */
export async function insertDataKeyRow(db: Db, keys: OwnedDataKeys, made: DataKeyRow): Promise<void> {
  const { generation, ...row } = made;
  // Without `generation` only where the column has a default (generationMayBeMissing): Kysely types both tables' rows.
  const values = (keys.generationMayBeMissing && generation === 1 ? row : made) as DataKeyRow;
  await db.insertInto(keys.table).values(values).execute();
}

/** The owner's data key, made on first use. Call it inside the writing transaction so a failed write leaves none. */
export async function dataKeyFor(db: Db, keys: OwnedDataKeys, owner: DataKeyOwnerOf): Promise<DataKey> {
  const row = await db
    .selectFrom(keys.table)
    .selectAll()
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .executeTakeFirst();
  if (!row) return makeDataKey(db, keys, owner);
  const tree = await treeKey(db, keys.tree, generationOf(row));
  return { id: row.id, key: unwrapRow(keys, tree.key, row) };
}

function unwrapRow(
  keys: OwnedDataKeys,
  tree: Buffer,
  row: { id: string; owner_kind: string; owner_id: string; wrapped_key: string },
): Buffer {
  const binding = keys.binding(row.id, { kind: row.owner_kind, id: row.owner_id });
  if (!keys.refused.dataKey) return unwrapDataKey(tree, binding, row.wrapped_key);
  try {
    return unwrapDataKey(tree, binding, row.wrapped_key);
  } catch {
    throw new LotsenError('INTERNAL', keys.refused.dataKey);
  }
}

/**
 * The data keys of these ids that still exist, unwrapped: read in batches, each under its generation's tree key
 * (looked up once per generation).
 */
export async function unwrapDataKeys(
  db: Db,
  keys: OwnedDataKeys,
  keyIds: readonly string[],
): Promise<Map<string, Buffer>> {
  const trees = new Map<number, Promise<TreeKey>>();
  const treeOf = (generation: number) => {
    let tree = trees.get(generation);
    if (!tree) trees.set(generation, (tree = treeKey(db, keys.tree, generation)));
    return tree;
  };
  const unwrapped = new Map<string, Buffer>();
  for (let i = 0; i < keyIds.length; i += ID_BATCH) {
    const rows = await db
      .selectFrom(keys.table)
      .selectAll()
      .where('id', 'in', keyIds.slice(i, i + ID_BATCH))
      .execute();
    for (const row of rows) {
      const tree = await treeOf(generationOf(row));
      unwrapped.set(row.id, unwrapRow(keys, tree.key, row));
    }
  }
  return unwrapped;
}

/**
 * Opens sealed values in one pass: null where the value's key has been destroyed. A value that is not sealed text of
 * this tree, or that does not open under its key, is an error: it means the store was tampered with.
 */
export async function openSealedValues(
  db: Db,
  keys: OwnedDataKeys,
  values: readonly string[],
): Promise<(string | null)[]> {
  const parts = values.map((value) => {
    const found = sealedParts(value, keys.prefix);
    if (!found) throw new LotsenError('INTERNAL', keys.refused.notSealed);
    return found;
  });
  const unwrapped = await unwrapDataKeys(db, keys, [...new Set(parts.map((p) => p.keyId))]);
  return parts.map((p) => {
    const key = unwrapped.get(p.keyId);
    if (!key) return null;
    try {
      return openSealed(p, key);
    } catch {
      throw new LotsenError('INTERNAL', keys.refused.notOpening);
    }
  });
}

/**
 * Deletes the data keys of these owners: what was sealed under them can never be read again, wherever it was copied.
 * Returns how many keys went.
 */
export async function deleteOwnedDataKeys(
  db: Db,
  keys: Pick<OwnedDataKeys, 'table'>,
  owners: readonly DataKeyOwnerOf[],
): Promise<number> {
  let destroyed = 0;
  for (const kind of new Set(owners.map((o) => o.kind))) {
    const ids = owners.filter((o) => o.kind === kind).map((o) => o.id);
    for (let i = 0; i < ids.length; i += ID_BATCH) {
      const result = await db
        .deleteFrom(keys.table)
        .where('owner_kind', '=', kind)
        .where('owner_id', 'in', ids.slice(i, i + ID_BATCH))
        .executeTakeFirst();
      destroyed += Number(result.numDeletedRows);
    }
  }
  return destroyed;
}
