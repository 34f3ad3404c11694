import { sessionReconnectInputSchema } from '../../../common/sessions/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';

export type OverrideReasonValues = { overrideReason: string };

/**
 * The written reason that lets a session (opened or reconnected) past eligibility blockers, checked with main's own
 * rule (at least 10 characters once trimmed, at most 1,000), so the form and main say the same thing.
 */
export const overrideReasonFormSpec: FormSpec<OverrideReasonValues> = {
  fields: ['overrideReason'],
  schema: sessionReconnectInputSchema.unwrap().pick({ overrideReason: true }),
  toInput: (values) => ({ overrideReason: values.overrideReason }),
};

export const noOverrideReason: OverrideReasonValues = { overrideReason: '' };
