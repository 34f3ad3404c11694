import { adjustmentInputSchema } from '../../../common/billing/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';

export type AdjustmentValues = { minutes: string; note: string };

export function adjustmentSpec(entryId: string): FormSpec<AdjustmentValues> {
  return {
    fields: ['minutes', 'note'],
    schema: adjustmentInputSchema,
    toInput: (v) => ({
      entryId,
      // `+15` and `−15` (a typographic minus) as people type them; blank is not a number.
      minutes: v.minutes.trim() === '' ? Number.NaN : Number(v.minutes.trim().replace('−', '-')),
      note: v.note,
    }),
  };
}
