import type { MonthIssue } from '../../../common/billing/model.ts';
import { t } from '../../i18n/i18n.ts';

/** Why a customer's month cannot be approved yet, in the chosen language. Called while rendering. */
export function monthIssueText(issue: MonthIssue): string {
  return issue.code === 'missingRate'
    ? t('billing:issues.missingRate', {
        count: issue.count,
        reference: issue.reference,
        workType: t(`vocabulary:billableWorkType.${issue.workType}`),
      })
    : t(`billing:issues.${issue.code}`, { count: issue.count });
}
