import { sql } from 'kysely';
import type { UserRole } from '../../common/registry/vocabulary.ts';
import { memberPrincipal } from '../../common/team/principal.ts';
import type { Db } from '../store/database.node.ts';
import type { Acting } from './principalSource.ts';

/**
 * The person at this console on a team database: the `users` row of the login this connection is (`session_user`),
 * while a member, with their one work role and whether they hold the admin right. Null for a login that is no
 * member, or one removed.
 */
export async function findTeamMember(db: Db): Promise<Acting | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin(
      sql<{ user_id: string; login: string; is_admin: number; removed_at: number | null }>`team_members`.as(
        'm',
      ),
      (join) => join.onRef('m.user_id', '=', 'users.id'),
    )
    .select(['users.id', 'users.name', 'users.email', 'users.role', sql<number>`m.is_admin`.as('is_admin')])
    .where(sql<string>`m.login`, '=', sql<string>`session_user`)
    .where(sql`m.removed_at`, 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const role = row.role as UserRole;
  return {
    user: { id: row.id, name: row.name, email: row.email, role },
    principal: memberPrincipal(row.id, role, row.is_admin === 1),
  };
}
