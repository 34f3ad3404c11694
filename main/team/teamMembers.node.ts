import type { UserRole } from '../../common/registry/vocabulary.ts';
import type { TeamClient } from './teamClient.ts';
import { teamError } from './teamErrors.ts';
import type { Invitation } from './teamSetup.node.ts';
import { wrapForNewMember } from './teamVault.node.ts';

/*
 * Member management, run with the admin's own login: every change goes through the team's SECURITY DEFINER
 * functions, which check the admin right again in the database, so these are thin on purpose.
 */

export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  role: UserRole;
  isAdmin: boolean;
  login: string;
  /** `invited`: the code is not used yet (or expired, see `codeExpiresAt`); `enrolled`; `removed`. */
  state: 'invited' | 'enrolled' | 'removed';
  invitedAt: number;
  codeExpiresAt: number;
  enrolledAt: number | null;
  removedAt: number | null;
}

export async function listMembers(
  client: TeamClient,
  options: { removed?: boolean } = {},
): Promise<TeamMember[]> {
  try {
    const { rows } = await client.query<{
      user_id: string;
      name: string;
      email: string;
      role: UserRole;
      is_admin: number;
      login: string;
      invited_at: string;
      enrol_expires_at: string;
      enrolled_at: string | null;
      removed_at: string | null;
    }>(
      `SELECT m.user_id, u.name, u.email, u.role, m.is_admin, m.login, m.invited_at, m.enrol_expires_at,
              m.enrolled_at, m.removed_at
         FROM lotsen.team_members m JOIN lotsen.users u ON u.id = m.user_id
        WHERE $1 OR m.removed_at IS NULL
        ORDER BY lower(u.name), m.user_id`,
      [options.removed === true],
    );
    const time = (value: string | null) => (value === null ? null : Number(value));
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      email: r.email,
      role: r.role,
      isAdmin: Number(r.is_admin) === 1,
      login: r.login,
      state: r.removed_at !== null ? 'removed' : r.enrolled_at !== null ? 'enrolled' : 'invited',
      invitedAt: Number(r.invited_at),
      codeExpiresAt: Number(r.enrol_expires_at),
      enrolledAt: time(r.enrolled_at),
      removedAt: time(r.removed_at),
    }));
  } catch (error) {
    throw teamError(error);
  }
}

/**
 * Team set-up, with pg, loaded when a member is invited: listing members, and every API made for an embedded store,
 * does without it (issue 17, a CLI that starts at once).
 */
const teamSetup = () => import('./teamSetup.node.ts');

export async function addMember(
  client: TeamClient,
  member: { name: string; email: string; role: UserRole; isAdmin: boolean },
): Promise<Invitation> {
  try {
    const { invite } = await teamSetup();
    const invitation = await invite(client, 'lotsen.team_add_member($1, $2, $3, $4, $5, $6)', member);
    // The vault's trees the admin holds and the new role may have, wrapped for the code (teamVault.node.ts); a tree
    // the admin does not hold comes later with `lotsen team grant-keys`.
    if (client.vault) {
      await wrapForNewMember(
        client,
        client.vault.held,
        { userId: invitation.userId, code: invitation.code, role: member.role },
        client.vault.userId,
      );
    }
    return invitation;
  } catch (error) {
    throw teamError(error);
  }
}

export async function changeRole(
  client: TeamClient,
  change: { userId: string; role: UserRole; isAdmin: boolean },
): Promise<void> {
  try {
    await client.query('SELECT lotsen.team_change_role($1, $2, $3)', [
      change.userId,
      change.role,
      change.isAdmin,
    ]);
  } catch (error) {
    throw teamError(error);
  }
}

/** Drops the member's login and ends its open connections; answers how many were ended. */
export async function removeMember(client: TeamClient, userId: string): Promise<number> {
  try {
    const { rows } = await client.query<{ ended: number }>('SELECT lotsen.team_remove_member($1) AS ended', [
      userId,
    ]);
    return rows[0]!.ended;
  } catch (error) {
    throw teamError(error);
  }
}

/**
 * A new enrolment code for a current member (not the admin themselves): the same user id, a new login; the old login
 * is dropped with its connections, and the vault forgets the old key pair (a lost keychain's).
 */
export async function reissueCode(client: TeamClient, userId: string): Promise<Invitation> {
  try {
    const { reissue } = await teamSetup();
    return await reissue(client, 'lotsen.team_reissue_code($1, $2, $3)', userId);
  } catch (error) {
    throw teamError(error);
  }
}
