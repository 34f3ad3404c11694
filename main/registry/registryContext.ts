import { keyedError } from '../../common/api/errors.ts';
import type { Principal } from '../../common/team/principal.ts';
import type { Db } from '../store/database.node.ts';
import { nextRowVersion } from '../store/rowVersion.ts';

/** What every registry write needs: the store, who is acting (users.id) and the clock. */
export interface RegistryContext {
  db: Db;
  actorId: string;
  /** The acting person's rights, for the rules about whose rows they may see and write (common/team/principal.ts). */
  principal: Principal;
  now: () => number;
}

export function createdStamp(ctx: RegistryContext) {
  const at = ctx.now();
  return { created_at: at, created_by: ctx.actorId, updated_at: at, updated_by: ctx.actorId };
}

/** What every edit of an attributed row sets: who changed it, when, and its next version (store/rowVersion.ts). */
export function updatedStamp(ctx: RegistryContext) {
  return { updated_at: ctx.now(), updated_by: ctx.actorId, ...nextRowVersion() };
}

/**
 * A change anywhere in a customer's record moves the customer's "updated" stamp, so lists show recent work. Not its
 * version: the customer's own fields are unchanged, and a contact saved meanwhile must not make a save of the
 * customer's form (issue 14) a conflict.
 */
export async function touchCustomer(db: Db, ctx: RegistryContext, customerId: string): Promise<void> {
  await db
    .updateTable('customers')
    .set({ updated_at: ctx.now(), updated_by: ctx.actorId })
    .where('id', '=', customerId)
    .execute();
}

export async function assertCustomerExists(db: Db, customerId: string): Promise<void> {
  const row = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchCustomer');
}

/**
 * Runs `work` in the caller's transaction when `db` is one (the API's handlers write a change and its audit event in
 * one: main/audit/recordChanges.ts), in its own otherwise.
 */
export function transact<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
