import type { TeamMemberView } from '../../../common/team/members.ts';
import type { BadgeTone } from '../../components/Badge.tsx';
import { formatDateTime } from '../../components/format.ts';
import type { TeamState } from './initialState.ts';

/** Where a member stands, as the status column shows it: a word, its colour, and the detail on hover. */
export function memberStanding(
  member: Pick<TeamMemberView, 'state' | 'codeExpiresAt' | 'enrolledAt' | 'removedAt'>,
  now: number,
): { label: string; tone: BadgeTone; detail: string } {
  switch (member.state) {
    case 'enrolled':
      return {
        label: 'Enrolled',
        tone: 'success',
        detail: `Enrolled ${formatDateTime(member.enrolledAt ?? 0)}`,
      };
    case 'removed':
      return {
        label: 'Removed',
        tone: 'neutral',
        detail: `Removed ${formatDateTime(member.removedAt ?? 0)}`,
      };
    case 'invited':
      return member.codeExpiresAt <= now
        ? {
            label: 'Code expired',
            tone: 'warning',
            detail: `The enrolment code expired ${formatDateTime(member.codeExpiresAt)}: remove the invitation and add the member again.`,
          }
        : {
            label: 'Invited',
            tone: 'info',
            detail: `Not enrolled yet; the code works until ${formatDateTime(member.codeExpiresAt)}`,
          };
  }
}

/**
 * Whether taking `userId`'s admin right away would leave the team with no enrolled admin, which the team database
 * refuses (an invited admin who never enrols cannot manage anyone).
 */
export const selectIsLastAdmin = (userId: string) => (s: Pick<TeamState, 'members'>) => {
  const member = s.members.find((m) => m.userId === userId);
  if (!member?.isAdmin) return false;
  return !s.members.some((m) => m.userId !== userId && m.isAdmin && m.state === 'enrolled');
};

/** "3 members, 1 invited": the line under the list's title. */
export const selectMemberSummary = (s: Pick<TeamState, 'members'>) => {
  const invited = s.members.filter((m) => m.state === 'invited').length;
  const count = `${s.members.length} ${s.members.length === 1 ? 'member' : 'members'}`;
  return invited === 0 ? count : `${count}, ${invited} not enrolled yet`;
};
