import type { PriceList, VersionedPriceList } from '../../common/settings/priceList.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import type { Db } from '../store/database.node.ts';
import { DEFAULT_ACUTE_LIST_PRICE_ORE } from '../store/migrations/0014_escalations.ts';
import { nextRowVersion } from '../store/rowVersion.ts';
import { staleSaveRefusal } from '../store/staleSave.ts';

/** The vendor's price list, one row per price in `vendor_settings`; a price never set reads as its default. */

const ACUTE_ESCALATION_KEY = 'price_list.acute_escalation_ore';

/** The list with its version: the row's, or 0 while the price was never saved (versionedPriceListSchema). */
export async function readPriceList(db: Db): Promise<VersionedPriceList> {
  const row = await db
    .selectFrom('vendor_settings')
    .select(['value', 'row_version'])
    .where('key', '=', ACUTE_ESCALATION_KEY)
    .executeTakeFirst();
  return row
    ? { acuteEscalationOre: Number(row.value), rowVersion: Number(row.row_version) }
    : { acuteEscalationOre: DEFAULT_ACUTE_LIST_PRICE_ORE, rowVersion: 0 };
}

/**
 * Saves the list against the version it was read at, compare-and-set as every versioned save is (docs/versions.md):
 * version 0 makes the row only if no one made it meanwhile, a later one changes it only if still at that version.
 * Otherwise CONFLICT with the list as stored now, and nothing is written. Inside the caller's transaction.
 */
export async function writePriceList(
  trx: Db,
  ctx: RegistryContext,
  prices: VersionedPriceList,
): Promise<VersionedPriceList> {
  const value = String(prices.acuteEscalationOre);
  const stamp = { updated_at: ctx.now(), updated_by: ctx.actorId };
  const written =
    prices.rowVersion === 0
      ? await trx
          .insertInto('vendor_settings')
          .values({ key: ACUTE_ESCALATION_KEY, value, ...stamp })
          .onConflict((oc) => oc.column('key').doNothing())
          .executeTakeFirst()
          .then((r) => r.numInsertedOrUpdatedRows ?? 0n)
      : await trx
          .updateTable('vendor_settings')
          .set({ value, ...stamp, ...nextRowVersion() })
          .where('key', '=', ACUTE_ESCALATION_KEY)
          .where('row_version', '=', prices.rowVersion)
          .executeTakeFirst()
          .then((r) => r.numUpdatedRows);
  if (written === 0n) {
    const { rowVersion: _version, ...submitted } = prices;
    throw await staleSaveRefusal(trx, ctx.actorId, {
      table: 'vendor_settings',
      key: { column: 'key', value: ACUTE_ESCALATION_KEY },
      record: 'price list',
      // Never deleted; a version that names no row was made up, not opened.
      notFound: 'records.noPriceListAtVersion',
      view: () => readPriceList(trx),
      submitted,
    });
  }
  return readPriceList(trx);
}

export type { PriceList };
