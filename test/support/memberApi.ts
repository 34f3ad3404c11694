import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { UserRole } from '../../common/registry/vocabulary.ts';
import { createApi } from '../../main/api/createApi.node.ts';
import { Backend } from '../../main/app/backend.node.ts';
import type { SessionManagerOptions } from '../../main/sessions/sessionManager.node.ts';
import type { Db } from '../../main/store/database.node.ts';
import { memberPrincipalSource } from '../../main/users/principalSource.ts';
import { apiCaller } from './apiCaller.ts';
import { TEST_PASSPHRASE } from './passphraseBackend.ts';

/*
 * Until team mode exists, a test acts as a member of one role like this: the member is a row of `users` in a real
 * encrypted store, and a second Lotsen opens the same store with that member as its principal (the seam a team
 * database's backend plugs into). When team mode lands, these tests move to real team members on PostgreSQL.
 */

export async function addMember(db: Db, member: { name: string; email: string; role: UserRole }) {
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({ id, ...member, is_local: 0, created_at: Date.now() })
    .execute();
  return id;
}

/** The API as the member `userId` (with the admin right or not), on the passphrase-keyed store in `dataDir`. */
export async function openAsMember(
  dataDir: string,
  userId: string,
  options: { admin?: boolean; sessions?: SessionManagerOptions } = {},
) {
  const backend = await Backend.open({
    dataDir,
    principalSource: memberPrincipalSource(userId, options.admin ?? false),
  });
  await backend.unlock(TEST_PASSPHRASE);
  const call = apiCaller(createApi(backend, () => undefined, options.sessions ?? {}));
  return { backend, call, close: () => backend.close() };
}

/**
 * Every row of every table (the audit trail and its chain included), hashed: equal before and after a call when the
 * call wrote nothing.
 */
export async function storeFingerprint(db: Db): Promise<string> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db);
  const hash = createHash('sha256');
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)} ORDER BY rowid`.execute(
      db,
    );
    hash.update(name);
    for (const row of rows.rows) {
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}
