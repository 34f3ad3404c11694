import { z } from 'zod';
import { lazily } from '../api/lazySchema.ts';

/**
 * The vendor's own price list: what work outside an agreement costs. Today one price, the acute-escalation fee an
 * exception bills (a customer whose agreement has no acute option, or who has no agreement in force).
 */
export const priceListSchema = lazily(() =>
  z
    .object({
      acuteEscalationOre: z
        .number({ error: 'The acute-escalation price must be a number of öre' })
        .int({ error: 'The acute-escalation price must be whole öre' })
        .min(0, { error: 'The acute-escalation price cannot be negative' })
        .max(100_000_000_00, { error: 'The acute-escalation price is implausibly large' }),
    })
    .strict(),
);
export type PriceList = z.infer<typeof priceListSchema>;

/**
 * The price list as read and as saved (docs/versions.md): with the version it is at, which a save names and is refused
 * with CONFLICT when another save came in between. 0 while no price was ever saved (each reads as its default): the
 * first save names 0 and makes the row, a second first save is stale.
 */
export const versionedPriceListSchema = lazily(() =>
  priceListSchema
    .unwrap()
    .extend({ rowVersion: z.number().int().min(0) })
    .strict(),
);
export type VersionedPriceList = z.infer<typeof versionedPriceListSchema>;
