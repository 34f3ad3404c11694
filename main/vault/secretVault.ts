import { randomBytes, randomUUID } from 'node:crypto';
import { LotsenError } from '../../common/api/errors.ts';
import {
  DATA_KEY_BYTES,
  openSealed,
  sealedParts,
  sealText,
  unwrapDataKey,
  wrapDataKey,
} from './sealedText.ts';
import type { Db } from '../store/database.node.ts';
import { treeKey } from './keyRing.ts';
import { deleteOwnedDataKeys } from './ownedDataKeys.ts';

/**
 * The vault's access secrets (a support account's password or private key) and recordings: each owner (an account,
 * a recording) has its own data key in `secret_data_keys`, wrapped by the `secrets` tree key of a generation, and
 * its values are sealed under it as `sv1.<keyId>.<iv | ciphertext | tag>` (sealedText.ts, AAD `sv1.<keyId>`). The
 * data key's wrap is bound to its id and owner, so a sealed value or a wrapped key moved to another row does not
 * open. In a team database the tree key is unwrapped by the member's key ring (keyRing.ts): the server never holds
 * what opens a secret, and finance, who holds no wrap of this tree, cannot open one.
 */
/** `environment`: its pre-connect secret (0024). */
export type SecretOwnerKind = 'account' | 'recording' | 'environment';
export interface SecretOwner {
  kind: SecretOwnerKind;
  id: string;
}

export const SECRETS_TREE = 'secrets';
const PREFIX = 'sv1';
const KEY_BATCH = 500;

export const secretKeyBinding = (keyId: string, owner: SecretOwner) =>
  `lotsen-sdk.${keyId}.${owner.kind}.${owner.id}`;

/** A new data key for an owner, wrapped by a tree key of `generation` (the migration seals old secrets with it). */
export function newSecretDataKey(
  owner: SecretOwner,
  tree: { generation: number; key: Buffer },
): { row: SecretDataKeyRow; key: Buffer } {
  const id = randomUUID();
  const key = randomBytes(DATA_KEY_BYTES);
  return {
    key,
    row: {
      id,
      owner_kind: owner.kind,
      owner_id: owner.id,
      generation: tree.generation,
      wrapped_key: wrapDataKey(tree.key, secretKeyBinding(id, owner), key),
      created_at: Date.now(),
    },
  };
}

export interface SecretDataKeyRow {
  id: string;
  owner_kind: string;
  owner_id: string;
  generation: number;
  wrapped_key: string;
  created_at: number;
}

export const sealSecretText = (keyId: string, key: Buffer, text: string) =>
  sealText(keyId, key, text, PREFIX);

export function isSealedSecret(value: unknown): value is string {
  return typeof value === 'string' && sealedParts(value, PREFIX) !== null;
}

async function unwrapRow(db: Db, row: Omit<SecretDataKeyRow, 'created_at'>): Promise<Buffer> {
  const tree = await treeKey(db, SECRETS_TREE, Number(row.generation));
  const owner = { kind: row.owner_kind as SecretOwnerKind, id: row.owner_id };
  try {
    return unwrapDataKey(tree.key, secretKeyBinding(row.id, owner), row.wrapped_key);
  } catch {
    throw new LotsenError('INTERNAL', 'A secret data key in the store does not open under its tree key.');
  }
}

/** The owner's data key, made on first use: call it inside the writing transaction so a failed write leaves none. */
async function dataKeyFor(db: Db, owner: SecretOwner): Promise<{ id: string; key: Buffer }> {
  const row = await db
    .selectFrom('secret_data_keys')
    .select(['id', 'owner_kind', 'owner_id', 'generation', 'wrapped_key'])
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .executeTakeFirst();
  if (row) return { id: row.id, key: await unwrapRow(db, row) };
  const made = newSecretDataKey(owner, await treeKey(db, SECRETS_TREE));
  await db.insertInto('secret_data_keys').values(made.row).execute();
  return { id: made.row.id, key: made.key };
}

/**
 * Seals an owner's one secret (an account's password or key) under a data key made for it now, replacing the key of
 * the secret it replaces: a new password never shares a data key with the old one, so whoever kept the old data key
 * (a member since removed, docs/team-leaving.md) opens nothing written afterwards. Inside the writing transaction.
 */
export async function sealSecret(db: Db, owner: SecretOwner, text: string): Promise<string> {
  await destroySecretKeys(db, [owner]);
  const made = newSecretDataKey(owner, await treeKey(db, SECRETS_TREE));
  await db.insertInto('secret_data_keys').values(made.row).execute();
  return sealSecretText(made.row.id, made.key, text);
}

/**
 * Seals secrets of owners made in the caller's transaction (an import's new accounts): one tree-key lookup for all,
 * and one insert of a data key per owner, without looking for a key a new owner cannot have.
 */
export function newOwnersSealer(db: Db): (owner: SecretOwner, text: string) => Promise<string> {
  let tree: Promise<{ generation: number; key: Buffer }> | undefined;
  return async (owner, text) => {
    const made = newSecretDataKey(owner, await (tree ??= treeKey(db, SECRETS_TREE)));
    await db.insertInto('secret_data_keys').values(made.row).execute();
    return sealSecretText(made.row.id, made.key, text);
  };
}

/** A sealer for many values of one owner (a recording's chunks) with one key lookup. */
export async function secretSealer(db: Db, owner: SecretOwner): Promise<(text: string) => string> {
  const { id, key } = await dataKeyFor(db, owner);
  return (text) => sealSecretText(id, key, text);
}

/**
 * Opens sealed secrets in one pass: null where the owner's key has been destroyed (a purged recording). A value that
 * is not sealed, or that does not open under its key, is an error: the store was tampered with.
 */
export async function openSecretsOrPurged(db: Db, values: readonly string[]): Promise<(string | null)[]> {
  const parts = values.map((value) => {
    const found = sealedParts(value, PREFIX);
    if (!found) throw new LotsenError('INTERNAL', 'A secret in the store is not sealed.');
    return found;
  });
  const keyIds = [...new Set(parts.map((p) => p.keyId))];
  const keys = new Map<string, Buffer>();
  for (let i = 0; i < keyIds.length; i += KEY_BATCH) {
    const rows = await db
      .selectFrom('secret_data_keys')
      .select(['id', 'owner_kind', 'owner_id', 'generation', 'wrapped_key'])
      .where('id', 'in', keyIds.slice(i, i + KEY_BATCH))
      .execute();
    for (const row of rows) keys.set(row.id, await unwrapRow(db, row));
  }
  return parts.map((p) => {
    const key = keys.get(p.keyId);
    if (!key) return null;
    try {
      return openSealed(p, key);
    } catch {
      throw new LotsenError('INTERNAL', 'A secret in the store does not open under its key.');
    }
  });
}

/** Opens sealed secrets the caller needs whole (an account's): a destroyed key is NOT_FOUND. */
export async function openSecrets(db: Db, values: readonly string[]): Promise<string[]> {
  return (await openSecretsOrPurged(db, values)).map((text) => {
    if (text === null) throw new LotsenError('NOT_FOUND', 'The key of this secret has been destroyed.');
    return text;
  });
}

export async function openSecret(db: Db, sealed: string): Promise<string> {
  return (await openSecrets(db, [sealed]))[0]!;
}

/** Destroys the owners' data keys: what was sealed under them can never be read again. Returns how many went. */
export async function destroySecretKeys(db: Db, owners: readonly SecretOwner[]): Promise<number> {
  return deleteOwnedDataKeys(db, 'secret_data_keys', owners);
}
