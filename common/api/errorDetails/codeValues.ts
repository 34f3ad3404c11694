import { describeRoles, workRoleLabels, type WorkRole } from '../../team/principal.ts';
import type { ErrorDetailValue } from './index.ts';

/**
 * Values that are codes, not words (work roles): main's English says them here, and the console words the same value
 * names from its own catalogue (renderer/store/errorMessage.ts), so no code reaches a reader as it is stored.
 */
export const englishCodeValues: Readonly<Record<string, (value: ErrorDetailValue) => string>> = {
  /** The roles that may do it: "technician or support lead". */
  roles: (value) => describeRoles(value as WorkRole[]),
  /** The refused person's role, as "you are …" ends: "a technician", "in finance". */
  yourRole: (value) => roleOfYouInEnglish(value as WorkRole),
};

export function roleOfYouInEnglish(role: WorkRole): string {
  return role === 'finance' ? 'in finance' : `a ${workRoleLabels[role].toLowerCase()}`;
}
