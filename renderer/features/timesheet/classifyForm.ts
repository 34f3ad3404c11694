import { classificationSchema, type ChargeClassification } from '../../../common/billing/model.ts';
import type { TimeEntryView } from '../../../common/time/model.ts';
import type { BillableWorkType } from '../../../common/agreements/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';
import { t } from '../../i18n/i18n.ts';
import { classificationLabel } from './timeLabels.ts';

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
  // An entry another member changed reads as the dialog would open it now: its classification, or the suggestion
  // while it has none. So a changed time alone collides with nothing, and another finance member's choice shows.
  stored: {
    values: (current) => classifyValues(current as TimeEntryView).values,
    get labels() {
      return {
        classification: t('timesheet:classifyDialog.howCharged'),
        workType: t('timesheet:classifyDialog.workType'),
      };
    },
    show: {
      classification: (value) => classificationLabel(value as ChargeClassification),
      workType: (value) =>
        value === '' ? t('forms:none') : t(`vocabulary:billableWorkType.${value as BillableWorkType}`),
    },
  },
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
