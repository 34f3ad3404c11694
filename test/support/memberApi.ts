import { randomUUID } from 'node:crypto';
import type { UserRole } from '../../common/registry/vocabulary.ts';
import { createApi } from '../../main/api/createApi.node.ts';
import { Backend } from '../../main/app/backend.node.ts';
import type { SessionManagerOptions } from '../../main/sessions/sessionManager.node.ts';
import type { Db } from '../../main/store/database.node.ts';
import { memberPrincipalSource } from '../../main/users/principalSource.ts';
import { apiCaller } from './apiCaller.ts';
import { TEST_PASSPHRASE } from './passphraseBackend.ts';

/*
 * A member of one role over an embedded store: the member is a row of `users` in a real encrypted store, and a second
 * Lotsen opens the same store with that member as its principal. Only the renderer's member stores test still acts
 * this way; the API's refusals act as real enrolled members of a team database (test/support/postgres/testTeam.ts
 * enrolLotsen), and so should it.
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
