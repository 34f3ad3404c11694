import { z } from 'zod';
import { escalationReasonSchema } from '../../../common/tickets/model.ts';
import type { LotsenError } from '../../../common/api/errors.ts';
import { dayToText } from '../../components/form/dateText.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';
import { t } from '../../i18n/i18n.ts';

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

/**
 * A NOT_ELIGIBLE escalation refusal in the chosen language, from its details (`reason` and its data: the day asked
 * about, or the agreements without the option); main's English only for a refusal it words nowhere else. Read while
 * rendering, so a language switch words it anew.
 */
export function escalationRefusal(error: LotsenError): EscalationRefusal {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const price = details.exceptionPriceOre;
  const exceptionPriceOre = typeof price === 'number' ? price : null;
  if (details.reason === 'NO_AGREEMENT' && typeof details.on === 'string') {
    return {
      message: t('tickets:escalate.refused.noAgreement', { on: dayToText(details.on) }),
      exceptionPriceOre,
    };
  }
  if (details.reason === 'NO_ACUTE_OPTION' && Array.isArray(details.agreements)) {
    return {
      message: t('tickets:escalate.refused.noAcuteOption', { agreements: details.agreements.join(', ') }),
      exceptionPriceOre,
    };
  }
  return { message: error.message, exceptionPriceOre };
}
