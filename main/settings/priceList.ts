import type { PriceList } from '../../common/settings/priceList.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import type { Db } from '../store/database.node.ts';
import { DEFAULT_ACUTE_LIST_PRICE_ORE } from '../store/migrations/0014_escalations.ts';
import { nextRowVersion } from '../store/rowVersion.ts';

/** The vendor's price list, one row per price in `vendor_settings`; a price never set reads as its default. */

const ACUTE_ESCALATION_KEY = 'price_list.acute_escalation_ore';

export async function readPriceList(db: Db): Promise<PriceList> {
  const row = await db
    .selectFrom('vendor_settings')
    .select('value')
    .where('key', '=', ACUTE_ESCALATION_KEY)
    .executeTakeFirst();
  return { acuteEscalationOre: row ? Number(row.value) : DEFAULT_ACUTE_LIST_PRICE_ORE };
}

export async function writePriceList(db: Db, ctx: RegistryContext, prices: PriceList): Promise<PriceList> {
  const value = String(prices.acuteEscalationOre);
  await db
    .insertInto('vendor_settings')
    .values({ key: ACUTE_ESCALATION_KEY, value, updated_at: ctx.now(), updated_by: ctx.actorId })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        value,
        updated_at: ctx.now(),
        updated_by: ctx.actorId,
        ...nextRowVersion('vendor_settings'),
      }),
    )
    .execute();
  return readPriceList(db);
}
