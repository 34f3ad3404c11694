import type { RetentionPolicy } from '../../common/retention/model.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import type { Db } from '../store/database.node.ts';
import { nextRowVersion } from '../store/rowVersion.ts';

/** The store's retention policy (one row, made with its defaults by migration 0017). */
export async function readRetentionPolicy(db: Db): Promise<RetentionPolicy> {
  const row = await db
    .selectFrom('retention_policy')
    .select(['purge_month_day', 'keep_closed_days'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { purgeMonthDay: row.purge_month_day, keepClosedDays: row.keep_closed_days };
}

/** Writes the policy inside the caller's transaction; the caller has validated it against the contract. */
export async function writeRetentionPolicy(
  trx: Db,
  ctx: RegistryContext,
  policy: RetentionPolicy,
): Promise<RetentionPolicy> {
  await trx
    .updateTable('retention_policy')
    .set({
      purge_month_day: policy.purgeMonthDay,
      keep_closed_days: policy.keepClosedDays,
      updated_at: ctx.now(),
      updated_by: ctx.actorId,
      ...nextRowVersion(),
    })
    .where('id', '=', 1)
    .execute();
  return readRetentionPolicy(trx);
}
