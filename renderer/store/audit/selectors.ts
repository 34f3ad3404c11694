import type { AuditState } from './initialState.ts';

/** A sentence for the verification result, or null before anyone asked. */
export function selectVerdictText(state: Pick<AuditState, 'verdict'>): string | null {
  const verdict = state.verdict;
  if (verdict === null) return null;
  return verdict.intact
    ? `The audit log is intact: ${verdict.events} event${verdict.events === 1 ? '' : 's'}, every hash checked.`
    : `The audit log is broken at event ${verdict.firstBadSeq}: ${verdict.reason}`;
}
