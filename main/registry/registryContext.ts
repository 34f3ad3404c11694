import { LotsenError } from '../../common/api/errors.ts';
import type { Principal } from '../../common/team/principal.ts';
import type { Db } from '../store/database.node.ts';

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

export function updatedStamp(ctx: RegistryContext) {
  return { updated_at: ctx.now(), updated_by: ctx.actorId };
}

/** A change anywhere in a customer's record moves the customer's "updated" stamp, so lists show recent work. */
export async function touchCustomer(db: Db, ctx: RegistryContext, customerId: string): Promise<void> {
  await db.updateTable('customers').set(updatedStamp(ctx)).where('id', '=', customerId).execute();
}

export async function assertCustomerExists(db: Db, customerId: string): Promise<void> {
  const row = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
  if (!row) throw new LotsenError('NOT_FOUND', 'No such customer; it may have been deleted.');
}
