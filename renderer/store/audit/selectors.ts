import { t } from '../../i18n/i18n.ts';
import type { AuditState } from './initialState.ts';

/** A sentence for the verification result, or null before anyone asked. */
export function selectVerdictText(state: Pick<AuditState, 'verdict'>): string | null {
  const verdict = state.verdict;
  if (verdict === null) return null;
  return verdict.intact
    ? t('audit:intact', { count: verdict.events })
    : t('audit:broken', { seq: String(verdict.firstBadSeq ?? ''), reason: verdict.reason ?? '' });
}
