import { z } from 'zod';
import { escalationReasonSchema } from '../../../common/tickets/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';

export type ExceptionValues = { reason: string };

/** The written reason for escalating outside the agreement's acute option, checked with main's own rule. */
export const exceptionFormSpec: FormSpec<ExceptionValues> = {
  fields: ['reason'],
  schema: z.object({ reason: escalationReasonSchema }),
  toInput: (values) => ({ reason: values.reason }),
};

export const noExceptionReason: ExceptionValues = { reason: '' };

/** Why main refused an escalation, and what an exception would bill, from a NOT_ELIGIBLE error's details. */
export interface EscalationRefusal {
  message: string;
  exceptionPriceOre: number | null;
}
