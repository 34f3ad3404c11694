import type { UserRole } from '../../../common/registry/vocabulary.ts';
import type { TeamMemberView } from '../../../common/team/members.ts';
import type { RotationsRunView, VaultStatusView } from '../../../common/team/vault.ts';
import type { BadgeTone } from '../../components/Badge.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import type { TeamState } from './initialState.ts';

type VaultTree = VaultStatusView['trees'][number]['tree'];

/** Where a member stands, as the status column shows it: a word, its colour, and the detail on hover. */
export function memberStanding(
  member: Pick<TeamMemberView, 'state' | 'codeExpiresAt' | 'enrolledAt' | 'removedAt'>,
  now: number,
): { label: string; tone: BadgeTone; detail: string } {
  switch (member.state) {
    case 'enrolled':
      return {
        label: t('team:standing.enrolled'),
        tone: 'success',
        detail: t('team:standing.enrolledAt', { at: formatDateTime(member.enrolledAt ?? 0) }),
      };
    case 'removed':
      return {
        label: t('team:standing.removed'),
        tone: 'neutral',
        detail: t('team:standing.removedAt', { at: formatDateTime(member.removedAt ?? 0) }),
      };
    case 'invited':
      return member.codeExpiresAt <= now
        ? {
            label: t('team:standing.codeExpired'),
            tone: 'warning',
            detail: t('team:standing.codeExpiredDetail', { at: formatDateTime(member.codeExpiresAt) }),
          }
        : {
            label: t('team:standing.invited'),
            tone: 'info',
            detail: t('team:standing.invitedDetail', { at: formatDateTime(member.codeExpiresAt) }),
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

/** "3 members, 1 invited": the line under the list's title (current members; the removed are listed apart). */
export const selectMemberSummary = (s: Pick<TeamState, 'members'>) => {
  const current = s.members.filter((m) => m.state !== 'removed');
  const invited = current.filter((m) => m.state === 'invited').length;
  const count = t('team:members.summary', { count: current.length });
  return invited === 0 ? count : t('team:members.summaryInvited', { members: count, invited });
};

/** Members who can still log in or enrol, and those removed (kept for their departing lists), in the list's order. */
export const currentMembers = (members: TeamMemberView[]) => members.filter((m) => m.state !== 'removed');
export const removedMembers = (members: TeamMemberView[]) => members.filter((m) => m.state === 'removed');

/** A tree's name as sentences say it ("customers’ secrets"), in the language shown now. */
export const treeName = (tree: VaultTree): string => t(`team:tree.${tree}`);

/** Why a tree is due, as the banner says it (the reasons the team database's member functions give). */
export function dueReason(reason: string | null): string {
  switch (reason) {
    case 'member_removed':
    case 'role_changed':
    case 'code_reissued':
      return t(`team:due.reason.${reason}`);
    default:
      return t('team:due.reason.other');
  }
}

/** Trees due for rotation or with one under way: the banner's lines. Empty before the vault status is loaded. */
export function dueTrees(vault: VaultStatusView | null) {
  return (vault?.trees ?? []).filter((t) => t.reason !== null || t.rotatingTo !== null);
}

/**
 * The vault's trees a member leaves by a removal (every tree their role holds) or a role change (the secrets tree,
 * when they become finance): what the confirmation says rotates.
 */
export function treesLeft(member: { role: UserRole }, next: { role: UserRole } | 'removed'): VaultTree[] {
  const held: VaultTree[] = member.role === 'finance' ? ['personal'] : ['personal', 'secrets'];
  if (next === 'removed') return held;
  return next.role === 'finance' ? held.filter((tree) => tree === 'secrets') : [];
}

/** "customers’ secrets and personal data". */
export const treeList = (trees: VaultTree[]) =>
  trees
    .map(treeName)
    .reduce((list, name) => (list === '' ? name : t('team:treeList', { first: list, second: name })), '');

/** How far one tree's rotation has come, 0 to 1 (1 once finished; an empty tree is done at once). */
export function rotationFraction(progress: { done: number; total: number; finished: boolean }): number {
  if (progress.finished || progress.total === 0) return 1;
  return Math.min(1, progress.done / progress.total);
}

/** What a rotation did and what it left, one sentence per tree, as `lotsen team rotate` prints it. */
export function describeRotations(run: RotationsRunView): string[] {
  return [
    ...run.rotated.map((r) =>
      t('team:rotated', {
        tree: treeName(r.tree),
        from: r.from,
        to: r.to,
        keys: t('team:dataKeys', { count: r.dataKeys }),
      }),
    ),
    ...run.leftDue.map((due) => t('team:stillDue', { tree: treeName(due.tree) })),
  ];
}

/** Whether the rotation this page asked for is still running (no other change is offered meanwhile). */
export const selectRotationRunning = (s: Pick<TeamState, 'rotation'>) => s.rotation?.state === 'running';

/** Members who lack a key they are entitled to, named; those with no public key yet cannot be given one. */
export function lackingKeys(vault: VaultStatusView | null, members: TeamMemberView[]) {
  return (vault?.lacking ?? []).map((entry) => ({
    ...entry,
    name: members.find((m) => m.userId === entry.userId)?.name ?? entry.userId,
  }));
}

/** Whether the admin can grant anything now: someone lacks a tree this admin holds, and has a key to wrap it for. */
export function canGrant(vault: VaultStatusView | null): boolean {
  if (!vault) return false;
  const held = new Set(vault.trees.filter((t) => t.held).map((t) => t.tree));
  return vault.lacking.some((l) => l.hasPublicKey && l.trees.some((tree) => held.has(tree)));
}
