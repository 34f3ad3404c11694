import type { ErrorDetailValue } from '../../common/api/errorDetails/index.ts';
import { workRoles, type WorkRole } from '../../common/team/principal.ts';
import { staleRecordInWords } from '../components/conflictSentence.ts';
import { t } from '../i18n/i18n.ts';

/**
 * Detail values that are codes, by their name, in the chosen language (main's English says the same through
 * common/api/errorDetails/codeValues.ts); undefined for a value that is data, shown as it is.
 */
export function codeValueInWords(name: string, value: ErrorDetailValue): string | undefined {
  if (name === 'roles' && Array.isArray(value)) return rolesEither(value.filter(isWorkRole));
  if (name === 'yourRole' && isWorkRole(value)) return t(`errors:detailValues.yourRole.${value}`);
  if (name === 'staleRecord' && typeof value === 'string') return staleRecordInWords(value);
  return undefined;
}

/** "technician or support lead", in the chosen language's role names. */
function rolesEither(roles: readonly WorkRole[]): string {
  const words = roles.map((role) => t(`vocabulary:userRole.${role}`).toLocaleLowerCase());
  if (words.length <= 1) return words.join('');
  return t('errors:detailValues.rolesEither', { first: words.slice(0, -1).join(', '), last: words.at(-1)! });
}

function isWorkRole(value: unknown): value is WorkRole {
  return (workRoles as readonly unknown[]).includes(value);
}
