import type { CustomerMonth } from '../../../../../common/billing/model.ts';
import { t } from '../../../../i18n/i18n.ts';
import type { BillingMonthState } from './initialState.ts';

const noCustomers: CustomerMonth[] = [];

export function selectCustomerMonths(state: Pick<BillingMonthState, 'summary'>): CustomerMonth[] {
  return state.summary?.customers ?? noCustomers;
}

/** Why a customer's month cannot be approved now, in words; null when it can. */
export function approvalBlocker(
  summary: { ended: boolean } | null,
  customer: Pick<CustomerMonth, 'status' | 'problems'>,
): string | null {
  if (customer.status === 'approved') return t('billing:alreadyApproved');
  if (summary && !summary.ended) return t('billing:notEnded');
  if (customer.problems.length > 0) return customer.problems.join(' ');
  return null;
}

/** Customers whose month is still open and could be approved as it stands. */
export function selectReadyToApprove(state: Pick<BillingMonthState, 'summary'>): number {
  return selectCustomerMonths(state).filter((c) => approvalBlocker(state.summary, c) === null).length;
}
