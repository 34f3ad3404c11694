import type { VersionedRetentionPolicy } from '../../common/retention/model.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import type { Db } from '../store/database.node.ts';
import { nextRowVersion } from '../store/rowVersion.ts';
import { staleSaveRefusal } from '../store/staleSave.ts';

/** The store's retention policy (one row, made with its defaults by migration 0017). */
export async function readRetentionPolicy(db: Db): Promise<VersionedRetentionPolicy> {
  const row = await db
    .selectFrom('retention_policy')
    .select(['purge_month_day', 'keep_closed_days', 'row_version'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    purgeMonthDay: row.purge_month_day,
    keepClosedDays: row.keep_closed_days,
    rowVersion: Number(row.row_version),
  };
}

/**
 * Writes the policy inside the caller's transaction against the version it was read at, compare-and-set
 * (docs/versions.md): a save made meanwhile by someone else is never overwritten; CONFLICT instead, nothing written.
 * The caller has validated the policy against the contract.
 */
export async function writeRetentionPolicy(
  trx: Db,
  ctx: RegistryContext,
  policy: VersionedRetentionPolicy,
): Promise<VersionedRetentionPolicy> {
  const result = await trx
    .updateTable('retention_policy')
    .set({
      purge_month_day: policy.purgeMonthDay,
      keep_closed_days: policy.keepClosedDays,
      updated_at: ctx.now(),
      updated_by: ctx.actorId,
      ...nextRowVersion(),
    })
    .where('id', '=', 1)
    .where('row_version', '=', policy.rowVersion)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    const { rowVersion: _version, ...submitted } = policy;
    throw await staleSaveRefusal(trx, ctx.actorId, {
      table: 'retention_policy',
      key: { column: 'id', value: 1 },
      record: 'retention policy',
      notFound: 'storage.noRetentionPolicy',
      view: () => readRetentionPolicy(trx),
      submitted,
    });
  }
  return readRetentionPolicy(trx);
}
