import type { ChargeClassification } from '../../../common/billing/model.ts';
import type {
  ClassificationSuggestion,
  TimeClassification,
  TimeEntryView,
  TimeSource,
} from '../../../common/time/model.ts';
import type { BadgeTone } from '../../components/Badge.tsx';
import { reasonSentence } from '../../components/ReasonList.tsx';
import { t } from '../../i18n/i18n.ts';

/*
 * Words for time entries, from the `timesheet` catalogue. Functions, not constants: called while rendering, so a
 * language switch words them anew.
 */

export function timeSourceLabel(source: TimeSource): string {
  return t(`timesheet:source.${source}`);
}

export function classificationLabel(classification: TimeClassification): string {
  return t(`timesheet:classification.${classification}`);
}

export const classificationTones: Record<TimeClassification, BadgeTone> = {
  unclassified: 'warning',
  included: 'info',
  billable: 'success',
  no_charge: 'neutral',
};

const charges: readonly ChargeClassification[] = ['included', 'billable', 'no_charge'];

/** The choices in the classify dialog, with what each means to finance. */
export function chargeChoices(): { value: ChargeClassification; label: string; hint: string }[] {
  return charges.map((value) => ({
    value,
    label: classificationLabel(value),
    hint: t(`timesheet:chargeHint.${value}`),
  }));
}

/** `Billable · Configuration change`, `Included`. */
export function classificationText(entry: Pick<TimeEntryView, 'classification' | 'workType'>): string {
  const classification = classificationLabel(entry.classification);
  return entry.classification === 'billable' && entry.workType
    ? t('timesheet:withWorkType', {
        classification,
        workType: t(`vocabulary:billableWorkType.${entry.workType}`),
      })
    : classification;
}

/** What Lotsen suggests, in the same words: `Billable · Non-standard access method (8.6)`. */
export function suggestionText(suggestion: ClassificationSuggestion): string {
  return classificationText(suggestion);
}

/** Why Lotsen suggests what it does, in the chosen language; main's English for a suggestion without a basis. */
export function suggestionReason(suggestion: ClassificationSuggestion): string {
  if (!suggestion.basis) return suggestion.reason;
  const why = t(`timesheet:suggestionBasis.${suggestion.basis}`);
  return suggestion.because ? `${reasonSentence(suggestion.because)} ${why}` : why;
}
