import type { TeamMemberView } from '../../../common/team/members.ts';
import type { UserRole } from '../../../common/registry/vocabulary.ts';
import { t } from '../../i18n/i18n.ts';

/**
 * What a role change does, in one sentence for the confirmation, or null when nothing would change. The database
 * applies it at once; the member's Lotsen reads its role when it unlocks, so their screen follows at the next unlock.
 */
export function describeChange(
  member: Pick<TeamMemberView, 'name' | 'role' | 'isAdmin'>,
  next: { role: UserRole; isAdmin: boolean },
): string | null {
  const roleChanges = next.role !== member.role;
  const adminChanges = next.isAdmin !== member.isAdmin;
  if (!roleChanges && !adminChanges) return null;
  const values = {
    name: member.name,
    from: t(`vocabulary:userRole.${member.role}`),
    to: t(`vocabulary:userRole.${next.role}`),
  };
  // Whole sentences per case, so each language words them in its own order.
  const what = roleChanges
    ? adminChanges
      ? t(next.isAdmin ? 'team:role.changesRoleGains' : 'team:role.changesRoleLoses', values)
      : t('team:role.changesRole', values)
    : t(next.isAdmin ? 'team:role.gains' : 'team:role.loses', values);
  return `${what} ${t('team:role.applies')}`;
}
