import { t } from '../../i18n/i18n.ts';

/** What audit events are recorded against, as main names them; a kind not listed here shows as main wrote it. */
export const subjectTypes = [
  'session',
  'ticket',
  'customer',
  'host',
  'environment',
  'support_account',
  'recording',
  'time_entry',
  'billing_batch',
  // A team's member (the vault's grants).
  'user',
] as const;

export function subjectTypeLabel(type: string): string {
  return (subjectTypes as readonly string[]).includes(type)
    ? t(`audit:subjects.${type as (typeof subjectTypes)[number]}`)
    : type;
}
