import type { KeyObject } from 'node:crypto';
import { keyedError, LotsenError } from '../../common/api/errors.ts';
import { storeDialect } from '../store/dialect.ts';
import type { Db } from '../store/database.node.ts';
import { memberRecipient, unwrapWithKey, wrapBinding, WrapRefused, type VaultTree } from './treeKeyWraps.ts';

/**
 * Where a store's tree keys come from (docs/vault.md):
 * - the embedded store keeps them in its encrypted file (`key_trees`), generation 1;
 * - a team database holds only wraps (`vault_wraps`), one per member and generation; the member's Lotsen attaches a
 *   key ring at unlock (main/app/backend.node.ts) that unwraps them with the member's private key, lazily, caches
 *   them per tree and generation, and forgets them at lock.
 * A ring is found from any query layer of the store, a transaction's included, through the Kysely adapter they
 * share, so no key is handed through every service.
 */
export interface TreeKey {
  generation: number;
  key: Buffer;
}

export interface KeyRing {
  readonly userId: string;
  /** The tree key of `generation`, or of the newest generation this member holds a wrap of. */
  treeKey(db: Db, tree: VaultTree, generation?: number): Promise<TreeKey>;
  /** The member's private key, to open invitation conversions and recovery; gone after wipe. */
  privateKey(): KeyObject;
  /** Forgets every key it held (lock). */
  wipe(): void;
}

const rings = new WeakMap<object, KeyRing>();
const adapterOf = (db: Db) => db.getExecutor().adapter;

export function attachKeyRing(db: Db, ring: KeyRing): void {
  rings.get(adapterOf(db))?.wipe();
  rings.set(adapterOf(db), ring);
}

export function detachKeyRing(db: Db): void {
  rings.get(adapterOf(db))?.wipe();
  rings.delete(adapterOf(db));
}

export function keyRingOf(db: Db): KeyRing | null {
  return rings.get(adapterOf(db)) ?? null;
}

export async function treeKey(db: Db, tree: VaultTree, generation?: number): Promise<TreeKey> {
  const ring = rings.get(adapterOf(db));
  return ring ? ring.treeKey(db, tree, generation) : storedTreeKey(db, tree, generation);
}

/** The embedded store's tree key (and a part-1 team's plain `personal` key until `team upgrade` moves it). */
async function storedTreeKey(db: Db, tree: VaultTree, generation?: number): Promise<TreeKey> {
  if (generation !== undefined && generation !== 1) {
    throw new LotsenError('INTERNAL', `The store keeps only generation 1 of its ${tree} key.`);
  }
  const row = await db
    .selectFrom('key_trees')
    .select('key_material')
    .where('name', '=', tree)
    .executeTakeFirst();
  if (row) return { generation: 1, key: Buffer.from(row.key_material, 'base64') };
  if (storeDialect(db) === 'postgres') {
    throw new LotsenError(
      'VAULT_LOCKED',
      "This team database's keys are wrapped for each member: unlock Lotsen as a member to read or write them.",
    );
  }
  throw new LotsenError('INTERNAL', `The store has no ${tree} key tree.`);
}

/** No wrap for this member: finance may never hold the secrets tree; anyone else asks for access. */
async function noWrap(db: Db, userId: string, tree: VaultTree): Promise<never> {
  if (tree === 'secrets') {
    const user = await db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirst();
    if (user?.role === 'finance') {
      throw keyedError('FORBIDDEN', 'team.financeHoldsNoSecretsKey');
    }
  }
  throw new LotsenError(
    'VAULT_LOCKED',
    `You hold no key to the team's ${tree} yet: an admin gives access with \`lotsen team grant-keys\` ` +
      '(or restores it with the recovery kit: `lotsen team recover`).',
  );
}

/** A team member's ring: their user id and the private key derived from this machine's key (memberKeyPair). */
export function memberKeyRing(userId: string, privateKey: KeyObject): KeyRing {
  const cache = new Map<string, Buffer>();
  let key: KeyObject | null = privateKey;
  const recipient = memberRecipient(userId);

  async function held(db: Db, tree: VaultTree, generation: number): Promise<Buffer | null> {
    const name = `${tree}:${generation}`;
    const cached = cache.get(name);
    if (cached) return cached;
    if (!key) throw new LotsenError('VAULT_LOCKED', 'Lotsen is locked.');
    const row = await db
      .selectFrom('vault_wraps')
      .select('wrapped')
      .where('tree', '=', tree)
      .where('generation', '=', generation)
      .where('recipient', '=', recipient)
      .executeTakeFirst();
    if (!row) return null;
    let opened: Buffer;
    try {
      opened = unwrapWithKey(key, wrapBinding(tree, generation, recipient), row.wrapped);
    } catch (error) {
      if (!(error instanceof WrapRefused)) throw error;
      // A wrap made for another key of this member (a keychain since replaced): as good as none.
      return null;
    }
    cache.set(name, opened);
    return opened;
  }

  return {
    userId,
    async treeKey(db, tree, generation) {
      if (generation !== undefined) {
        const found = await held(db, tree, generation);
        return found ? { generation, key: found } : noWrap(db, userId, tree);
      }
      const state = await db
        .selectFrom('vault_trees')
        .select(['generation', 'rotating_to'])
        .where('tree', '=', tree)
        .executeTakeFirst();
      // A part-1 team that has not been upgraded has no vault yet: its plain personal key still serves.
      if (!state) return storedTreeKey(db, tree);
      // New data keys go under the newest generation held: the one a running rotation moves to, when held.
      for (const candidate of [state.rotating_to, state.generation]) {
        if (candidate === null) continue;
        const found = await held(db, tree, Number(candidate));
        if (found) return { generation: Number(candidate), key: found };
      }
      return noWrap(db, userId, tree);
    },
    privateKey() {
      if (!key) throw new LotsenError('VAULT_LOCKED', 'Lotsen is locked.');
      return key;
    },
    wipe() {
      for (const value of cache.values()) value.fill(0);
      cache.clear();
      key = null;
    },
  };
}
