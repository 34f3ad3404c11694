import type { TeamMemberView } from '../../../common/team/members.ts';
import { userRoleLabels, type UserRole } from '../../../common/registry/vocabulary.ts';

/**
 * What a role change does, in one sentence for the confirmation, or null when nothing would change. The database
 * applies it at once; the member's Lotsen reads its role when it unlocks, so their screen follows at the next unlock.
 */
export function describeChange(
  member: Pick<TeamMemberView, 'name' | 'role' | 'isAdmin'>,
  next: { role: UserRole; isAdmin: boolean },
): string | null {
  const parts: string[] = [];
  if (next.role !== member.role) {
    parts.push(`from ${userRoleLabels[member.role]} to ${userRoleLabels[next.role]}`);
  }
  if (next.isAdmin !== member.isAdmin) {
    parts.push(next.isAdmin ? 'gains the admin right' : 'loses the admin right');
  }
  if (parts.length === 0) return null;
  const what =
    next.role !== member.role
      ? `${member.name} changes ${parts.join(' and ')}.`
      : `${member.name} ${parts.join(' and ')}.`;
  return `${what} The team database applies it at once; their Lotsen shows it after they next unlock.`;
}
