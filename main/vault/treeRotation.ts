import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { LotsenError } from '../../common/api/errors.ts';
import type { UserRole } from '../../common/registry/vocabulary.ts';
import type { RotationProgress } from '../../common/team/vault.ts';
import type { AuditInput } from '../audit/auditTrail.node.ts';
import { personalKeyBinding, type DataKeyOwnerKind } from '../personalData/personalDataKeys.ts';
import { unwrapDataKey, wrapDataKey } from './sealedText.ts';
import type { Db } from '../store/database.node.ts';
import { storeDialect } from '../store/dialect.ts';
import { treesFor } from '../team/teamVault.node.ts';
import { treeKey, type TreeKey } from './keyRing.ts';
import { secretKeyBinding, type SecretOwnerKind } from './secretVault.ts';
import {
  memberRecipient,
  RECOVERY_RECIPIENT,
  TREE_KEY_BYTES,
  VAULT_TREES,
  wrapBinding,
  wrapForKey,
  type VaultTree,
} from './treeKeyWraps.ts';

/*
 * Rotating a tree of a team's vault (docs/team-leaving.md): after a member leaves it (removed, changed to finance, or
 * their key pair lost), the team database's member functions delete their wraps and mark the tree due
 * (`rotation_reason`, lotsen.team_vault_forget). Whoever holds the tree then moves it to a new generation whose key
 * the leaver never saw, re-wrapping the data keys (not the data), in steps that each commit on their own so a crash
 * anywhere leaves a state the next run finishes:
 *   1. one transaction: a new generation's key, wrapped for every current member entitled to the tree who has a
 *      public key and for the recovery kit; `rotating_to` = g + 1 (new data keys go under it from now on);
 *   2. batches of data keys re-wrapped from g to g + 1, each its own transaction, idempotent (`generation = g`);
 *   3. one transaction with its audit event (`vault.rotated`): the last stragglers, `generation` = g + 1,
 *      `rotating_to` and the reason cleared, every wrap of an older generation deleted.
 * `rotating_to` set means steps 2 and 3 are to be finished; `rotation_reason` set without it, that step 1 is due.
 */

export const ROTATION_BATCH = 500;

/** What a rotation needs of the audit log: the last step and its event in one transaction (AuditTrail). */
export interface RotationAudit {
  appendWith<T>(work: (trx: Db) => Promise<T>, describe: (result: T) => AuditInput | null): Promise<T>;
}

/** Test seams: a hook that throws stops the rotation there, as a crash would. */
export interface RotationHooks {
  afterBegin?: (tree: VaultTree) => Promise<void> | void;
  afterBatch?: (tree: VaultTree, rewrapped: number) => Promise<void> | void;
}

export interface RotationOptions {
  audit: RotationAudit;
  batchSize?: number;
  hooks?: RotationHooks;
  /** Told before the first batch, after each, and once finished: the Team page's progress bar. */
  onProgress?: (progress: RotationProgress) => void;
}

export interface Rotated {
  tree: VaultTree;
  from: number;
  to: number;
  /** Data keys under the new generation when it finished. */
  dataKeys: number;
}

export interface RotationsRun {
  rotated: Rotated[];
  /** Due or begun, but this member cannot do it: they hold no key of the tree (finance and secrets, for one). */
  leftDue: { tree: VaultTree; reason: string }[];
}

interface TreeState {
  generation: number;
  rotating_to: number | null;
  rotation_reason: string | null;
}

interface DataKeyTable {
  table: 'secret_data_keys' | 'personal_data_keys';
  binding: (row: { id: string; owner_kind: string; owner_id: string }) => string;
}

const DATA_KEYS: Record<VaultTree, DataKeyTable> = {
  secrets: {
    table: 'secret_data_keys',
    binding: (row) => secretKeyBinding(row.id, { kind: row.owner_kind as SecretOwnerKind, id: row.owner_id }),
  },
  personal: {
    table: 'personal_data_keys',
    binding: (row) =>
      personalKeyBinding(row.id, { kind: row.owner_kind as DataKeyOwnerKind, id: row.owner_id }),
  },
};

/**
 * Finishes every rotation begun and runs every one due, tree by tree, as far as this member's keys allow; what they
 * cannot do is left for a member who can, and said so. Safe to run at any time and by several members at once.
 */
export async function runDueRotations(db: Db, options: RotationOptions): Promise<RotationsRun> {
  if (storeDialect(db) !== 'postgres') return { rotated: [], leftDue: [] };
  const run: RotationsRun = { rotated: [], leftDue: [] };
  for (const tree of VAULT_TREES) {
    const state = await readState(db, tree);
    if (state === null || (state.rotating_to === null && state.rotation_reason === null)) continue;
    try {
      const rotated = await rotateTree(db, tree, options);
      if (rotated) run.rotated.push(rotated);
    } catch (error) {
      if (!(error instanceof LotsenError) || !['VAULT_LOCKED', 'FORBIDDEN'].includes(error.code)) throw error;
      run.leftDue.push({ tree, reason: state.rotation_reason ?? 'rotation_begun' });
    }
  }
  return run;
}

/** One tree: step 1 if it is due, then steps 2 and 3. Null when another member finished it meanwhile. */
async function rotateTree(db: Db, tree: VaultTree, options: RotationOptions): Promise<Rotated | null> {
  let state = await readState(db, tree);
  if (state === null) return null;
  if (state.rotating_to === null) {
    if (state.rotation_reason === null) return null;
    // Whether this member holds the tree at all, asked before begin's locking read: the database hides a row from a
    // member who may not update it (finance and the secrets tree), which would read as "nothing due".
    await treeKey(db, tree, state.generation);
    state = await begin(db, tree);
    if (state === null) return null;
    await options.hooks?.afterBegin?.(tree);
  }
  const from = state.generation;
  const to = state.rotating_to!;
  const oldKey = await treeKey(db, tree, from);
  const newKey = await treeKey(db, tree, to);
  const batchSize = options.batchSize ?? ROTATION_BATCH;
  const progress = await startingCounts(db, tree, from, to);
  const tell = (finished: boolean) => options.onProgress?.({ tree, from, to, ...progress, finished });
  tell(false);
  for (;;) {
    const rewrapped = await db
      .transaction()
      .execute((trx) => rewrapBatch(trx, tree, oldKey, newKey, batchSize));
    if (rewrapped === 0) break;
    // A data key made under the old generation meanwhile adds to both counts, so the bar never passes its end.
    progress.done += rewrapped;
    progress.total = Math.max(progress.total, progress.done);
    tell(false);
    await options.hooks?.afterBatch?.(tree, rewrapped);
  }
  const done = await options.audit.appendWith(
    (trx) => finish(trx, tree, oldKey, newKey),
    (done) =>
      done && {
        event: 'vault.rotated',
        details: { tree, from: done.from, to: done.to, dataKeys: done.dataKeys, reason: done.reason },
      },
  );
  if (done)
    options.onProgress?.({ tree, from, to, done: done.dataKeys, total: done.dataKeys, finished: true });
  return done && { tree, from: done.from, to: done.to, dataKeys: done.dataKeys };
}

/** Where a rotation stands before its batches: data keys already under `to` (a resumed one), of both generations'. */
async function startingCounts(
  db: Db,
  tree: VaultTree,
  from: number,
  to: number,
): Promise<{ done: number; total: number }> {
  const rows = await db
    .selectFrom(DATA_KEYS[tree].table)
    .select((eb) => ['generation', eb.fn.countAll<string>().as('n')])
    .where('generation', 'in', [from, to])
    .groupBy('generation')
    .execute();
  const count = (generation: number) =>
    Number(rows.find((row) => Number(row.generation) === generation)?.n ?? 0);
  return { done: count(to), total: count(from) + count(to) };
}

async function readState(db: Db, tree: VaultTree, lock = false): Promise<TreeState | null> {
  const query = db
    .selectFrom('vault_trees')
    .select(['generation', 'rotating_to', 'rotation_reason'])
    .where('tree', '=', tree);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (!row) return null;
  return {
    generation: Number(row.generation),
    rotating_to: row.rotating_to === null ? null : Number(row.rotating_to),
    rotation_reason: row.rotation_reason,
  };
}

/** Step 1. Null when another member began it first (they or the next run finish it). */
function begin(db: Db, tree: VaultTree): Promise<TreeState | null> {
  return db.transaction().execute(async (trx) => {
    const state = await readState(trx, tree, true);
    if (state === null || state.rotating_to !== null || state.rotation_reason === null) return null;
    // Only a holder of the current generation begins: they (or another holder) re-wrap its data keys next.
    await treeKey(trx, tree, state.generation);
    const next: TreeKey = { generation: state.generation + 1, key: randomBytes(TREE_KEY_BYTES) };
    const now = Date.now();
    // team_members is the team database's own table (no Kysely type): current, enrolled members with a public key.
    const { rows: members } = await sql<{ user_id: string; role: UserRole; public_key: string }>`
      SELECT m.user_id, u.role, k.public_key FROM lotsen.team_members m
        JOIN lotsen.users u ON u.id = m.user_id JOIN lotsen.member_keys k ON k.user_id = m.user_id
       WHERE m.removed_at IS NULL AND m.enrolled_at IS NOT NULL`.execute(trx);
    const recovery = await trx.selectFrom('vault_recovery').select('public_key').executeTakeFirst();
    const recipients = [
      ...members
        .filter((m) => treesFor(m.role).includes(tree))
        .map((m) => ({ recipient: memberRecipient(m.user_id), publicKey: m.public_key })),
      ...(recovery ? [{ recipient: RECOVERY_RECIPIENT, publicKey: recovery.public_key }] : []),
    ];
    const by = await actingMember(trx);
    for (const { recipient, publicKey } of recipients) {
      await trx
        .insertInto('vault_wraps')
        .values({
          tree,
          generation: next.generation,
          recipient,
          wrapped: wrapForKey(publicKey, wrapBinding(tree, next.generation, recipient), next.key),
          created_at: now,
          created_by: by,
        })
        .execute();
    }
    // Whoever is no longer entitled keeps no wrap of any generation (the member functions deleted the leaver's;
    // this catches a member changed by hand, or a wrap granted to them meanwhile).
    const keep = recipients.map((r) => r.recipient);
    await trx
      .deleteFrom('vault_wraps')
      .where('tree', '=', tree)
      .where('recipient', 'like', 'member:%')
      .where('recipient', 'not in', keep.length > 0 ? keep : [''])
      .execute();
    await trx
      .updateTable('vault_trees')
      .set({ rotating_to: next.generation, updated_at: now })
      .where('tree', '=', tree)
      .execute();
    next.key.fill(0);
    return { ...state, rotating_to: next.generation };
  });
}

/** Step 2: up to `limit` data keys of generation `from` re-wrapped under `to`; how many. */
async function rewrapBatch(
  trx: Db,
  tree: VaultTree,
  from: TreeKey,
  to: TreeKey,
  limit: number,
): Promise<number> {
  const { table, binding } = DATA_KEYS[tree];
  const rows = await trx
    .selectFrom(table)
    .select(['id', 'owner_kind', 'owner_id', 'wrapped_key'])
    .where('generation', '=', from.generation)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .execute();
  for (const row of rows) {
    const dataKey = unwrapDataKey(from.key, binding(row), row.wrapped_key);
    await trx
      .updateTable(table)
      .set({ generation: to.generation, wrapped_key: wrapDataKey(to.key, binding(row), dataKey) })
      .where('id', '=', row.id)
      .where('generation', '=', from.generation)
      .execute();
    dataKey.fill(0);
  }
  return rows.length;
}

/** Step 3, in the audit event's transaction. Null when another member finished it first. */
async function finish(
  trx: Db,
  tree: VaultTree,
  from: TreeKey,
  to: TreeKey,
): Promise<{ from: number; to: number; dataKeys: number; reason: string } | null> {
  const state = await readState(trx, tree, true);
  if (state === null || state.rotating_to !== to.generation || state.generation !== from.generation)
    return null;
  // A data key made under the old generation after the batches (by a member who held only it): re-wrapped here,
  // under the tree's lock, so none is left behind when its wraps go.
  while ((await rewrapBatch(trx, tree, from, to, ROTATION_BATCH)) > 0);
  const { table } = DATA_KEYS[tree];
  const counted = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('generation', '=', to.generation)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('vault_trees')
    .set({ generation: to.generation, rotating_to: null, rotation_reason: null, updated_at: Date.now() })
    .where('tree', '=', tree)
    .execute();
  await trx
    .deleteFrom('vault_wraps')
    .where('tree', '=', tree)
    .where('generation', '<', to.generation)
    .execute();
  return {
    from: from.generation,
    to: to.generation,
    dataKeys: Number(counted.n),
    reason: state.rotation_reason ?? 'rotation_begun',
  };
}

async function actingMember(trx: Db): Promise<string | null> {
  const { rows } = await sql<{ id: string | null }>`SELECT lotsen.team_member_id() AS id`.execute(trx);
  return rows[0]?.id ?? null;
}
