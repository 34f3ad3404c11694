import type { LocalUser } from '../../common/api/contract.ts';
import { LotsenError } from '../../common/api/errors.ts';
import { userRoles, type UserRole } from '../../common/registry/vocabulary.ts';
import { localPrincipal, memberPrincipal, type Principal } from '../../common/team/principal.ts';
import type { Db } from '../store/database.node.ts';
import { findLocalUser } from './localUser.ts';

/** The person acting on an opened store: the user row their acts are recorded under, and their rights. */
export interface Acting {
  user: LocalUser;
  principal: Principal;
}

/**
 * The one seam that decides who is acting once a store is open. The embedded default finds its local user, who holds
 * every role and the admin right; a team database's backend gives one that reads the member's own row.
 */
export type PrincipalSource = (db: Db) => Promise<Acting | null>;

export const localPrincipalSource: PrincipalSource = async (db) => {
  const user = await findLocalUser(db);
  return user === null ? null : { user, principal: localPrincipal(user.id) };
};

/**
 * A member acting under their row of `users` (its `role` is their one work role) with or without the admin right.
 * The local user's row is never a member's: its holder has every role already.
 */
export function memberPrincipalSource(userId: string, admin: boolean): PrincipalSource {
  return async (db) => {
    const row = await db
      .selectFrom('users')
      .select(['id', 'name', 'email', 'role', 'is_local'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row || row.is_local === 1) return null;
    if (!isUserRole(row.role)) {
      throw new LotsenError(
        'INTERNAL',
        'This member has no work role Lotsen knows; ask a team admin to set it.',
      );
    }
    const user: LocalUser = { id: row.id, name: row.name, email: row.email, role: row.role };
    return { user, principal: memberPrincipal(row.id, row.role, admin) };
  };
}

function isUserRole(role: string): role is UserRole {
  return (userRoles as readonly string[]).includes(role);
}
