import { billableWorkTypeLabels } from '../../../common/agreements/model.ts';
import type { ChargeClassification } from '../../../common/billing/model.ts';
import type {
  ClassificationSuggestion,
  TimeClassification,
  TimeEntryView,
  TimeSource,
} from '../../../common/time/model.ts';
import type { BadgeTone } from '../../components/Badge.tsx';

export const timeSourceLabels: Record<TimeSource, string> = {
  session: 'Session',
  timer: 'Timer',
  manual: 'Manual',
};

export const classificationLabels: Record<TimeClassification, string> = {
  unclassified: 'Unclassified',
  included: 'Included',
  billable: 'Billable',
  no_charge: 'No charge',
};

export const classificationTones: Record<TimeClassification, BadgeTone> = {
  unclassified: 'warning',
  included: 'info',
  billable: 'success',
  no_charge: 'neutral',
};

/** The choices in the classify dialog, with what each means to finance. */
export const chargeChoices: { value: ChargeClassification; label: string; hint: string }[] = [
  {
    value: 'included',
    label: 'Included',
    hint: 'Troubleshooting and advice on the contracted services: covered by the support fee.',
  },
  {
    value: 'billable',
    label: 'Billable',
    hint: 'Billed on top at the agreement’s rate for the work type, rounded as the agreement says.',
  },
  { value: 'no_charge', label: 'No charge', hint: 'Not billed and not counted as included support.' },
];

/** `Billable · Configuration change`, `Included`. */
export function classificationText(entry: Pick<TimeEntryView, 'classification' | 'workType'>): string {
  const label = classificationLabels[entry.classification];
  return entry.classification === 'billable' && entry.workType
    ? `${label} · ${billableWorkTypeLabels[entry.workType]}`
    : label;
}

/** What Lotsen suggests, in the same words: `Billable · Non-standard access method (8.6)`. */
export function suggestionText(suggestion: ClassificationSuggestion): string {
  return classificationText(suggestion);
}
