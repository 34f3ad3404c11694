import { sql } from 'kysely';
import { keyedError, LotsenError } from '../../common/api/errors.ts';
import type { UserRole } from '../../common/registry/vocabulary.ts';
import type { Db } from '../store/database.node.ts';
import { keyFingerprint, parseRecoveryKit, treesFor } from '../team/teamVault.node.ts';
import type { RotationAudit } from './treeRotation.ts';
import {
  memberRecipient,
  rawPublicKey,
  RECOVERY_RECIPIENT,
  unwrapWithKey,
  WrapRefused,
  wrapBinding,
  wrapForKey,
  x25519PrivateKey,
  type VaultTree,
} from './treeKeyWraps.ts';

/*
 * `lotsen team recover --kit FILE|-` (docs/team-leaving.md): an admin whose keychain is gone (every admin's, at
 * worst) has been given a new login (`team reissue-code`) and has unlocked Lotsen, which published their new public
 * key; the team's recovery kit, printed once by `team create`, opens the `recovery` wraps of every tree, and each
 * key they open is wrapped again for the admin. Audited (`vault.recovered`, with the kit's fingerprint). A kit that
 * is not this team's is refused before anything is written.
 */

export interface Recovered {
  trees: VaultTree[];
  kitFingerprint: string;
}

export async function recoverWithKit(
  db: Db,
  audit: RotationAudit,
  userId: string,
  kitText: string,
): Promise<Recovered> {
  const kit = parseRecoveryKit(kitText);
  const { rows } = await sql<{ database: string; admin: boolean; role: UserRole }>`
    SELECT current_database() AS database, lotsen.team_is_admin() AS admin,
           (SELECT role FROM lotsen.users WHERE id = ${userId}) AS role`.execute(db);
  const here = rows[0]!;
  if (!here.admin) {
    throw keyedError('FORBIDDEN', 'team.recoveryNeedsAdmin');
  }
  if (kit.database !== here.database) {
    throw keyedError('VALIDATION', 'team.recoveryKitOfOtherTeam', {
      kitDatabase: kit.database,
      database: here.database,
    });
  }
  const privateKey = x25519PrivateKey(kit.privateKey);
  kit.privateKey.fill(0);
  const kitPublicKey = rawPublicKey(privateKey).toString('base64url');
  const kitFingerprint = keyFingerprint(kitPublicKey);
  const team = await db.selectFrom('vault_recovery').select('public_key').executeTakeFirst();
  if (!team) {
    throw keyedError('VALIDATION', 'team.recoveryWithoutVault');
  }
  if (kitPublicKey !== team.public_key) {
    throw keyedError('VALIDATION', 'team.recoveryKitNotTheTeams', {
      kitFingerprint,
      teamFingerprint: keyFingerprint(team.public_key),
    });
  }
  const own = await db
    .selectFrom('member_keys')
    .select('public_key')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!own) {
    throw new LotsenError(
      'VAULT_LOCKED',
      'This login has no key of its own in the team yet: unlock Lotsen on this machine, then recover.',
    );
  }
  const recipient = memberRecipient(userId);
  return audit.appendWith(
    async (trx) => {
      const trees: VaultTree[] = [];
      for (const tree of treesFor(here.role)) {
        const state = await trx
          .selectFrom('vault_trees')
          .select(['generation', 'rotating_to'])
          .where('tree', '=', tree)
          .executeTakeFirst();
        if (!state) continue;
        // The current generation, and the one a rotation is moving to: new data keys may be under either.
        for (const generation of [state.generation, state.rotating_to]
          .filter((g) => g !== null)
          .map(Number)) {
          const wrap = await trx
            .selectFrom('vault_wraps')
            .select('wrapped')
            .where('tree', '=', tree)
            .where('generation', '=', generation)
            .where('recipient', '=', RECOVERY_RECIPIENT)
            .executeTakeFirst();
          if (!wrap) continue;
          let key: Buffer;
          try {
            key = unwrapWithKey(privateKey, wrapBinding(tree, generation, RECOVERY_RECIPIENT), wrap.wrapped);
          } catch (error) {
            if (!(error instanceof WrapRefused)) throw error;
            throw new LotsenError(
              'INTERNAL',
              `The kit's wrap of the ${tree} key (generation ${generation}) does not open with it; nothing was changed.`,
            );
          }
          await trx
            .insertInto('vault_wraps')
            .values({
              tree,
              generation,
              recipient,
              wrapped: wrapForKey(own.public_key, wrapBinding(tree, generation, recipient), key),
              created_at: Date.now(),
              created_by: userId,
            })
            .onConflict((oc) =>
              oc.columns(['tree', 'generation', 'recipient']).doUpdateSet((eb) => ({
                wrapped: eb.ref('excluded.wrapped'),
                created_at: eb.ref('excluded.created_at'),
                created_by: eb.ref('excluded.created_by'),
              })),
            )
            .execute();
          key.fill(0);
          if (!trees.includes(tree)) trees.push(tree);
        }
      }
      return { trees, kitFingerprint };
    },
    (recovered) => ({ event: 'vault.recovered', details: { trees: recovered.trees, kitFingerprint } }),
  );
}
