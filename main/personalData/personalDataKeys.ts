import { randomBytes, randomUUID } from 'node:crypto';
import { LotsenError } from '../../common/api/errors.ts';
import type { Db } from '../store/database.node.ts';
import { treeKey } from '../vault/keyRing.ts';
import {
  DATA_KEY_BYTES,
  openSealed,
  sealedParts,
  sealText,
  unwrapDataKey,
  wrapDataKey,
} from '../vault/sealedText.ts';
import { deleteOwnedDataKeys } from '../vault/ownedDataKeys.ts';

/**
 * The personal-data key tree (ARCHITECTURE "Keys"): one data key per ticket, per contact, and per Stockholm month
 * for personal text that belongs to neither (a reveal's stated purpose), each wrapped by the tree key. Destroying an
 * owner's data key is how personal data is purged (crypto-shredding): every copy of its sealed text, in rows the
 * immutability triggers protect included, becomes unreadable without any of those rows changing.
 *
 * This tree is separate from whatever protects access secrets: finance reads ticket text until the purge, and must
 * never be able to read a password. In the embedded store the tree key sits in the encrypted file (`key_trees`);
 * a team database wraps it per member instead.
 */
export type DataKeyOwnerKind = 'ticket' | 'contact' | 'month';
export interface DataKeyOwner {
  kind: DataKeyOwnerKind;
  id: string;
}

/** What a purged text reads as, in the UI and in exports (the Swedish word users search for). */
export const PURGED_TEXT = 'gallrad';

export const PERSONAL_TREE = 'personal';

/** How many key ids one query asks for (SQLite's bound-parameter limit is far above it). */
const KEY_BATCH = 500;

const binding = (keyId: string, owner: DataKeyOwner) => `lotsen-pdk.${keyId}.${owner.kind}.${owner.id}`;
/** What a personal data key's wrap is bound to; a rotation re-wraps under it (main/vault/treeRotation.ts). */
export const personalKeyBinding = binding;

/**
 * The personal tree's key of one generation: the store's own (embedded), or unwrapped by the member's key ring (a
 * team database; main/vault/keyRing.ts). Looked up once per generation per call.
 */
function treeKeys(db: Db): (generation: number) => Promise<Buffer> {
  const found = new Map<number, Promise<Buffer>>();
  return (generation) => {
    let key = found.get(generation);
    if (!key) found.set(generation, (key = treeKey(db, PERSONAL_TREE, generation).then((t) => t.key)));
    return key;
  };
}

const generationOf = (row: { generation?: number | string }) => Number(row.generation ?? 1);

/** The owner's data key, made on first use. Call it inside the writing transaction so a failed write leaves none. */
async function dataKeyFor(db: Db, owner: DataKeyOwner): Promise<{ id: string; key: Buffer }> {
  // selectAll: the migrations that sealed old stores' fields (0012, 0013, 0019) ran before `generation` existed.
  const row = await db
    .selectFrom('personal_data_keys')
    .selectAll()
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .executeTakeFirst();
  if (row) {
    const tree = await treeKey(db, PERSONAL_TREE, generationOf(row));
    return { id: row.id, key: unwrapDataKey(tree.key, binding(row.id, owner), row.wrapped_key) };
  }
  const tree = await treeKey(db, PERSONAL_TREE);
  const id = randomUUID();
  const key = randomBytes(DATA_KEY_BYTES);
  await db
    .insertInto('personal_data_keys')
    .values({
      id,
      owner_kind: owner.kind,
      owner_id: owner.id,
      // Left to the column's default (1) when it is 1, for the same old migrations.
      ...(tree.generation === 1 ? {} : { generation: tree.generation }),
      wrapped_key: wrapDataKey(tree.key, binding(id, owner), key),
      created_at: Date.now(),
    })
    .execute();
  return { id, key };
}

/** Seals one text under the owner's data key. */
export async function sealPersonal(db: Db, owner: DataKeyOwner, text: string): Promise<string> {
  const { id, key } = await dataKeyFor(db, owner);
  return sealText(id, key, text);
}

/** Seals several fields of one owner with one key lookup. */
export async function sealPersonalFields<K extends string>(
  db: Db,
  owner: DataKeyOwner,
  fields: Record<K, string>,
): Promise<Record<K, string>> {
  const { id, key } = await dataKeyFor(db, owner);
  const sealed = {} as Record<K, string>;
  for (const name of Object.keys(fields) as K[]) sealed[name] = sealText(id, key, fields[name]);
  return sealed;
}

/**
 * Opens sealed texts in one pass: null where the value is null or its key has been destroyed (purged). A value that
 * is not sealed text, or that does not open under its key, is an error: it means the store was tampered with.
 */
export async function openPersonal(db: Db, values: readonly (string | null)[]): Promise<(string | null)[]> {
  const parts = values.map((value) => {
    if (value === null) return null;
    const found = sealedParts(value);
    if (!found) throw new LotsenError('INTERNAL', 'A personal field in the store is not sealed text.');
    return found;
  });
  const keyIds = [...new Set(parts.flatMap((p) => (p ? [p.keyId] : [])))];
  const keys = new Map<string, Buffer>();
  if (keyIds.length > 0) {
    const tree = treeKeys(db);
    for (let i = 0; i < keyIds.length; i += KEY_BATCH) {
      const rows = await db
        .selectFrom('personal_data_keys')
        .selectAll()
        .where('id', 'in', keyIds.slice(i, i + KEY_BATCH))
        .execute();
      for (const row of rows) {
        const owner = { kind: row.owner_kind as DataKeyOwnerKind, id: row.owner_id };
        const key = await tree(generationOf(row));
        keys.set(row.id, unwrapDataKey(key, binding(row.id, owner), row.wrapped_key));
      }
    }
  }
  return parts.map((p) => {
    if (p === null) return null;
    const key = keys.get(p.keyId);
    if (!key) return null;
    try {
      return openSealed(p, key);
    } catch {
      throw new LotsenError('INTERNAL', 'A personal field in the store does not open under its key.');
    }
  });
}

/** One sealed text, or null once purged. */
export async function openPersonalText(db: Db, value: string): Promise<string | null> {
  const [text] = await openPersonal(db, [value]);
  return text ?? null;
}

/**
 * Destroys the owners' data keys: what was sealed under them can never be read again, wherever it was copied.
 * With `secure_delete` on (openEncryptedConnection), SQLite overwrites the freed key bytes. Returns how many went.
 */
export async function destroyDataKeys(db: Db, owners: readonly DataKeyOwner[]): Promise<number> {
  return deleteOwnedDataKeys(db, 'personal_data_keys', owners);
}

/**
 * Seals many texts of many owners inside one transaction (an approval's billing lines): each owner's data key is
 * looked up, or made, once.
 */
export function personalSealer(db: Db): (owner: DataKeyOwner, text: string) => Promise<string> {
  const keys = new Map<string, Promise<{ id: string; key: Buffer }>>();
  return async (owner, text) => {
    const name = `${owner.kind}.${owner.id}`;
    let found = keys.get(name);
    if (!found) keys.set(name, (found = dataKeyFor(db, owner)));
    const { id, key } = await found;
    return sealText(id, key, text);
  };
}

/** What a data key's wrap is bound to (its id and owner): `team import-local` re-wraps keys under another tree. */
export { binding as personalDataKeyBinding };
