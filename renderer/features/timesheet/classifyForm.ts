import { classificationSchema, type ChargeClassification } from '../../../common/billing/model.ts';
import type { TimeEntryView } from '../../../common/time/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';

export type ClassifyValues = {
  classification: ChargeClassification;
  /** A billable work type, or '' for none. */
  workType: string;
};

/** The choice alone: the dialog adds the entry and the version it was opened at when it saves. */
export const classifySpec: FormSpec<ClassifyValues> = {
  fields: ['classification', 'workType'],
  schema: classificationSchema,
  toInput: (v) => ({
    classification: v.classification,
    workType: v.classification === 'billable' && v.workType !== '' ? v.workType : null,
  }),
};

/** The entry's own classification when it has one; otherwise Lotsen's suggestion, chosen but not yet saved. */
export function classifyValues(entry: Pick<TimeEntryView, 'classification' | 'workType' | 'suggestion'>): {
  values: ClassifyValues;
  fromSuggestion: boolean;
} {
  if (entry.classification !== 'unclassified') {
    return {
      values: { classification: entry.classification, workType: entry.workType ?? '' },
      fromSuggestion: false,
    };
  }
  if (entry.suggestion) {
    return {
      values: { classification: entry.suggestion.classification, workType: entry.suggestion.workType ?? '' },
      fromSuggestion: true,
    };
  }
  return { values: { classification: 'included', workType: '' }, fromSuggestion: false };
}
