import { randomUUID } from 'node:crypto';
import type { LocalUser } from '../../common/api/contract.ts';
import type { UserRole } from '../../common/registry/vocabulary.ts';
import type { Db } from '../store/database.node.ts';

/**
 * The person at this console. Recorded at `lotsen init` and kept inside the encrypted store (a name and an e-mail are
 * personal data); every record, and later every audit event and time entry, names this user.
 */
export async function createLocalUser(
  db: Db,
  input: { name: string; email: string; role: UserRole },
  now: number,
): Promise<LocalUser> {
  const user: LocalUser = { id: randomUUID(), name: input.name, email: input.email, role: input.role };
  await db
    .insertInto('users')
    .values({ ...user, is_local: 1, created_at: now })
    .execute();
  return user;
}

export async function findLocalUser(db: Db): Promise<LocalUser | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role'])
    .where('is_local', '=', 1)
    .executeTakeFirst();
  return row ? { ...row, role: row.role as UserRole } : null;
}
