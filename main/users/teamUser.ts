import { sql } from 'kysely';
import type { LocalUser } from '../../common/api/contract.ts';
import type { UserRole } from '../../common/registry/vocabulary.ts';
import type { Db } from '../store/database.node.ts';

/**
 * The person at this console on a team database: the `users` row of the login this connection is (`session_user`),
 * while a member. Null for a login that is no member, or one removed.
 */
export async function findTeamUser(db: Db): Promise<LocalUser | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin(
      sql<{ user_id: string; login: string; removed_at: number | null }>`team_members`.as('m'),
      (join) => join.onRef('m.user_id', '=', 'users.id'),
    )
    .select(['users.id', 'users.name', 'users.email', 'users.role'])
    .where(sql<string>`m.login`, '=', sql<string>`session_user`)
    .where(sql`m.removed_at`, 'is', null)
    .executeTakeFirst();
  return row ? { ...row, role: row.role as UserRole } : null;
}
