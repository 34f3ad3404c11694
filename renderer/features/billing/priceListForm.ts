import { priceListSchema } from '../../../common/settings/priceList.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';
import { oreFromKronor } from '../contracts/agreementForm.ts';

export type PriceListValues = { acuteEscalationKr: string };

/** The price list in kronor as people type them; main keeps öre. */
export const priceListFormSpec: FormSpec<PriceListValues> = {
  fields: ['acuteEscalationKr'],
  schema: priceListSchema,
  toInput: (values) => ({ acuteEscalationOre: oreFromKronor(values.acuteEscalationKr) }),
};
