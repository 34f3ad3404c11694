import type { Db } from '../store/database.node.ts';
import {
  dataKeyFor,
  deleteOwnedDataKeys,
  openSealedValues,
  type DataKey,
  type OwnedDataKeys,
} from '../vault/ownedDataKeys.ts';
import { sealText } from '../vault/sealedText.ts';

/**
 * The personal-data key tree (ARCHITECTURE "Keys"): one data key per ticket, per contact, and per Stockholm month
 * for personal text that belongs to neither (a reveal's stated purpose), each wrapped by the tree key. Destroying an
 * owner's data key is how personal data is purged (crypto-shredding): every copy of its sealed text, in rows the
 * immutability triggers protect included, becomes unreadable without any of those rows changing.
 *
 * This tree is separate from whatever protects access secrets: finance reads ticket text until the purge, and must
 * never be able to read a password. In the embedded store the tree key sits in the encrypted file (`key_trees`);
 * a team database wraps it per member instead. The table of keys works as the secrets tree's does
 * (main/vault/ownedDataKeys.ts); what is personal data's own is here: null values, and a destroyed key read as purged.
 */
export type DataKeyOwnerKind = 'ticket' | 'contact' | 'month';
export interface DataKeyOwner {
  kind: DataKeyOwnerKind;
  id: string;
}

/** What a purged text reads as, in the UI and in exports (the Swedish word users search for). */
export const PURGED_TEXT = 'gallrad';

export const PERSONAL_TREE = 'personal';

const binding = (keyId: string, owner: DataKeyOwner) => `lotsen-pdk.${keyId}.${owner.kind}.${owner.id}`;
/** What a personal data key's wrap is bound to; a rotation re-wraps under it (main/vault/treeRotation.ts). */
export const personalKeyBinding = binding;

export const PERSONAL_DATA_KEYS: OwnedDataKeys = {
  table: 'personal_data_keys',
  tree: PERSONAL_TREE,
  prefix: 'pd1',
  binding,
  refused: {
    notSealed: 'A personal field in the store is not sealed text.',
    notOpening: 'A personal field in the store does not open under its key.',
  },
  generationMayBeMissing: true,
};

/** Seals one text under the owner's data key. */
export async function sealPersonal(db: Db, owner: DataKeyOwner, text: string): Promise<string> {
  const { id, key } = await dataKeyFor(db, PERSONAL_DATA_KEYS, owner);
  return sealText(id, key, text);
}

/** Seals several fields of one owner with one key lookup. */
export async function sealPersonalFields<K extends string>(
  db: Db,
  owner: DataKeyOwner,
  fields: Record<K, string>,
): Promise<Record<K, string>> {
  const { id, key } = await dataKeyFor(db, PERSONAL_DATA_KEYS, owner);
  const sealed = {} as Record<K, string>;
  for (const name of Object.keys(fields) as K[]) sealed[name] = sealText(id, key, fields[name]);
  return sealed;
}

/**
 * Opens sealed texts in one pass: null where the value is null or its key has been destroyed (purged). A value that
 * is not sealed text, or that does not open under its key, is an error: it means the store was tampered with.
 */
export async function openPersonal(db: Db, values: readonly (string | null)[]): Promise<(string | null)[]> {
  const present = values.filter((value) => value !== null);
  const opened = await openSealedValues(db, PERSONAL_DATA_KEYS, present);
  let next = 0;
  return values.map((value) => (value === null ? null : (opened[next++] ?? null)));
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
  return deleteOwnedDataKeys(db, PERSONAL_DATA_KEYS, owners);
}

/**
 * Seals many texts of many owners inside one transaction (an approval's billing lines): each owner's data key is
 * looked up, or made, once.
 */
export function personalSealer(db: Db): (owner: DataKeyOwner, text: string) => Promise<string> {
  const keys = new Map<string, Promise<DataKey>>();
  return async (owner, text) => {
    const name = `${owner.kind}.${owner.id}`;
    let found = keys.get(name);
    if (!found) keys.set(name, (found = dataKeyFor(db, PERSONAL_DATA_KEYS, owner)));
    const { id, key } = await found;
    return sealText(id, key, text);
  };
}

/** What a data key's wrap is bound to (its id and owner): `team import-local` re-wraps keys under another tree. */
export { binding as personalDataKeyBinding };
