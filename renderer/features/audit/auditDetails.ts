import { blockerCodes, warningCodes } from '../../../common/agreements/verdict.ts';
import { sessionKinds, type SessionKind } from '../../../common/sessions/model.ts';
import { i18n, t } from '../../i18n/i18n.ts';
import { formatDateTime, formatDuration, formatSek } from '../../i18n/format.ts';

const reasonCodes: ReadonlySet<string> = new Set([...blockerCodes, ...warningCodes]);
/** The team vault's trees, and why a rotation ran (`vault.rotated`'s reason), as the Team page words them. */
const vaultTrees: ReadonlySet<string> = new Set(['personal', 'secrets']);
const rotationReasons: ReadonlySet<string> = new Set(['member_removed', 'role_changed', 'code_reissued']);

/** Details whose value is an instant (epoch ms), an amount in öre, or a length of time. */
const instants = new Set(['firstResponseAt', 'escalatedAt', 'verdictFetchedAt']);

/**
 * An audit event's details as a person reads them: each name in words (the catalogue's, or main's own name for one it
 * does not know yet), amounts as money, instants as dates, reason codes in words, yes and no. Ids and codes stay as
 * recorded: they are what a person searches for.
 */
export function auditDetailsInWords(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${detailName(key)}: ${detailValue(key, value)}`)
    .join(' · ');
}

function detailName(key: string): string {
  const path = `audit:details.${key}`;
  return i18n.exists(path) ? t(path as 'audit:details.kind') : key;
}

export function detailValue(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? t('audit:yes') : t('audit:no');
  if (typeof value === 'number') {
    // Amounts are kept in öre and named so: `amountOre`, `feeOre`, `acuteEscalationOreBefore`.
    if (/Ore(Before|After)?$/.test(key)) return formatSek(value);
    if (instants.has(key)) return formatDateTime(value);
    if (key === 'durationMs') return formatDuration(value / 1000);
  }
  if (Array.isArray(value)) return value.map((item) => detailValue(key, item)).join(', ');
  if (key === 'changes' && isChanges(value)) {
    // A registry change: each field as it was and as it became (only fields whose values may be recorded).
    return Object.entries(value)
      .map(([field, [before, after]]) => `${field} ${String(before)} → ${String(after)}`)
      .join(', ');
  }
  if (key === 'kind' && typeof value === 'string' && (sessionKinds as readonly string[]).includes(value)) {
    return t(`audit:sessionKinds.${value as SessionKind}`);
  }
  if (key === 'record' && typeof value === 'string' && i18n.exists(`audit:records.${value}`)) {
    return t(`audit:records.${value as 'customer'}`);
  }
  if ((key === 'tree' || key === 'trees') && typeof value === 'string' && vaultTrees.has(value)) {
    return t(`team:tree.${value as 'personal' | 'secrets'}`);
  }
  if (key === 'reason' && typeof value === 'string' && rotationReasons.has(value)) {
    return t(`team:due.reason.${value as 'member_removed' | 'role_changed' | 'code_reissued'}`);
  }
  if (key === 'reason' && value === 'rotation_begun') return t('team:due.reason.other');
  if (typeof value === 'string' && reasonCodes.has(value)) {
    return t(`reasons:codes.${value as (typeof blockerCodes)[number]}`);
  }
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function isChanges(value: unknown): value is Record<string, [unknown, unknown]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((change) => Array.isArray(change) && change.length === 2)
  );
}
