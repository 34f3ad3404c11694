import { sql } from 'kysely';
import type { Db } from '../store/database.node.ts';
import { attachKeyRing, memberKeyRing } from './keyRing.ts';
import type { MemberKeyPair } from './memberKeyPair.node.ts';

/**
 * A team member's vault at unlock: the key ring that opens their wraps, attached to the store's query layer, and
 * their public key published if it is not yet (members enrolled before the vault, docs/vault.md), so an
 * admin's `lotsen team grant-keys` can wrap the trees for them. The backend detaches the ring at lock.
 */
export async function openMemberVault(db: Db, userId: string, keyPair: MemberKeyPair): Promise<void> {
  attachKeyRing(db, memberKeyRing(userId, keyPair.privateKey));
  await sql`SELECT lotsen.team_publish_key(${keyPair.publicKey})`.execute(db);
}
