import { keyedError } from '../../common/api/errors.ts';
import type { Db } from '../store/database.node.ts';
import { treeKey, type TreeKey } from './keyRing.ts';
import {
  dataKeyFor,
  deleteOwnedDataKeys,
  makeDataKey,
  newDataKey,
  openSealedValues,
  type DataKeyRow,
  type OwnedDataKeys,
} from './ownedDataKeys.ts';
import { sealedParts, sealText, sealTextAsBytes } from './sealedText.ts';

/**
 * The vault's access secrets (a support account's password or private key) and recordings: each owner (an account,
 * a recording) has its own data key in `secret_data_keys`, wrapped by the `secrets` tree key of a generation, and
 * its values are sealed under it as `sv1.<keyId>.<iv | ciphertext | tag>` (sealedText.ts, AAD `sv1.<keyId>`). The
 * data key's wrap is bound to its id and owner, so a sealed value or a wrapped key moved to another row does not
 * open. In a team database the tree key is unwrapped by the member's key ring (keyRing.ts): the server never holds
 * what opens a secret, and finance, who holds no wrap of this tree, cannot open one. The table of keys works as the
 * personal tree's does (ownedDataKeys.ts); what is the secrets' own is here: a new data key for each new secret, and
 * a destroyed key that is NOT_FOUND where the caller needs the secret.
 */
/**
 * `environment`: its pre-connect secret (0024). `accountTotp`: a support account's TOTP seed (0028).
 * `environmentTotp`: the TOTP seed of an environment's VPN (0030).
 */
export type SecretOwnerKind = 'account' | 'recording' | 'environment' | 'accountTotp' | 'environmentTotp';
export interface SecretOwner {
  kind: SecretOwnerKind;
  id: string;
}

/** The data keys a support account owns: its secret's and its TOTP seed's, destroyed together with it. */
export const accountKeyOwners = (id: string): SecretOwner[] => [
  { kind: 'account', id },
  { kind: 'accountTotp', id },
];

/** The data keys an environment owns: its pre-connect secret's and its VPN seed's, destroyed together with it. */
export const environmentKeyOwners = (id: string): SecretOwner[] => [
  { kind: 'environment', id },
  { kind: 'environmentTotp', id },
];

export const SECRETS_TREE = 'secrets';
const PREFIX = 'sv1';

export const secretKeyBinding = (keyId: string, owner: SecretOwner) =>
  `lotsen-sdk.${keyId}.${owner.kind}.${owner.id}`;

export const SECRET_DATA_KEYS: OwnedDataKeys = {
  table: 'secret_data_keys',
  tree: SECRETS_TREE,
  prefix: PREFIX,
  binding: secretKeyBinding,
  refused: {
    notSealed: 'A secret in the store is not sealed.',
    notOpening: 'A secret in the store does not open under its key.',
    dataKey: 'A secret data key in the store does not open under its tree key.',
  },
};

export type SecretDataKeyRow = DataKeyRow;

/** A new data key for an owner, wrapped by a tree key of `generation` (the migration seals old secrets with it). */
export function newSecretDataKey(owner: SecretOwner, tree: TreeKey): { row: SecretDataKeyRow; key: Buffer } {
  return newDataKey(SECRET_DATA_KEYS, owner, tree);
}

export const sealSecretText = (keyId: string, key: Buffer, text: string) =>
  sealText(keyId, key, text, PREFIX);

/** The same, as bytes (sealedText.ts): a recording's batches for the embedded store's recordings' file. */
export const sealSecretBytes = (keyId: string, key: Buffer, text: string) =>
  sealTextAsBytes(keyId, key, text, PREFIX);

export function isSealedSecret(value: unknown): value is string {
  return typeof value === 'string' && sealedParts(value, PREFIX) !== null;
}

/**
 * Seals an owner's one secret (an account's password or key) under a data key made for it now, replacing the key of
 * the secret it replaces: a new password never shares a data key with the old one, so whoever kept the old data key
 * (a member since removed, docs/team-leaving.md) opens nothing written afterwards. Inside the writing transaction.
 */
export async function sealSecret(db: Db, owner: SecretOwner, text: string): Promise<string> {
  await destroySecretKeys(db, [owner]);
  const { id, key } = await makeDataKey(db, SECRET_DATA_KEYS, owner);
  return sealSecretText(id, key, text);
}

/**
 * Seals secrets of owners made in the caller's transaction (an import's new accounts): one tree-key lookup for all,
 * and one insert of a data key per owner, without looking for a key a new owner cannot have.
 */
export function newOwnersSealer(db: Db): (owner: SecretOwner, text: string) => Promise<string> {
  let tree: Promise<TreeKey> | undefined;
  return async (owner, text) => {
    const { id, key } = await makeDataKey(
      db,
      SECRET_DATA_KEYS,
      owner,
      await (tree ??= treeKey(db, SECRETS_TREE)),
    );
    return sealSecretText(id, key, text);
  };
}

/** A sealer for many values of one owner (a recording's chunks) with one key lookup. */
export async function secretSealer(db: Db, owner: SecretOwner): Promise<(text: string) => string> {
  const { id, key } = await dataKeyFor(db, SECRET_DATA_KEYS, owner);
  return (text) => sealSecretText(id, key, text);
}

/**
 * Opens sealed secrets in one pass: null where the owner's key has been destroyed (a purged recording). A value that
 * is not sealed, or that does not open under its key, is an error: the store was tampered with.
 */
export async function openSecretsOrPurged(db: Db, values: readonly string[]): Promise<(string | null)[]> {
  return openSealedValues(db, SECRET_DATA_KEYS, values);
}

/** Opens sealed secrets the caller needs whole (an account's): a destroyed key is NOT_FOUND. */
export async function openSecrets(db: Db, values: readonly string[]): Promise<string[]> {
  return (await openSecretsOrPurged(db, values)).map((text) => {
    if (text === null) throw keyedError('NOT_FOUND', 'storage.secretKeyDestroyed');
    return text;
  });
}

export async function openSecret(db: Db, sealed: string): Promise<string> {
  return (await openSecrets(db, [sealed]))[0]!;
}

/** Destroys the owners' data keys: what was sealed under them can never be read again. Returns how many went. */
export async function destroySecretKeys(db: Db, owners: readonly SecretOwner[]): Promise<number> {
  return deleteOwnedDataKeys(db, SECRET_DATA_KEYS, owners);
}
