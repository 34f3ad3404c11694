import { z } from 'zod';

/**
 * The vendor's own price list: what work outside an agreement costs. Today one price, the acute-escalation fee an
 * exception bills (a customer whose agreement has no acute option, or who has no agreement in force).
 */
export const priceListSchema = z
  .object({
    acuteEscalationOre: z
      .number({ error: 'The acute-escalation price must be a number of öre' })
      .int({ error: 'The acute-escalation price must be whole öre' })
      .min(0, { error: 'The acute-escalation price cannot be negative' })
      .max(100_000_000_00, { error: 'The acute-escalation price is implausibly large' }),
  })
  .strict();
export type PriceList = z.infer<typeof priceListSchema>;
