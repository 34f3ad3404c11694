import { t } from '../../i18n/i18n.ts';
import type { RetentionState } from './initialState.ts';

/** One line on what the next purge takes, or null before the status is in. */
export function selectPurgeSummary(state: Pick<RetentionState, 'retention'>): string | null {
  const preview = state.retention?.preview;
  if (!preview) return null;
  return t('retention:summary', {
    tickets: t('retention:tickets', { count: preview.tickets.length }),
    customers: t('retention:customers', { count: preview.customers.length }),
    months: t('retention:monthKeys', { count: preview.months.length }),
    recordings: t('retention:recordings', { count: preview.recordings }),
  });
}
