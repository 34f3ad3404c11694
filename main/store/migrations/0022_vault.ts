import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';
import { newSecretDataKey, sealSecretText, isSealedSecret } from '../../vault/secretVault.ts';
import { storeDialect } from '../dialect.ts';

/**
 * The vault (issue 13, docs/vault.md): access secrets and recordings sealed under per-owner data keys of
 * the `secrets` tree, and, in a team database, every tree key wrapped per recipient instead of kept in plain text.
 * - `vault_trees`: each tree's current generation; `rotating_to` while a rotation runs (so a crash resumes).
 * - `vault_wraps`: a tree key of one generation wrapped for one recipient (a member, the recovery kit, an invitation).
 * - `member_keys`: each member's X25519 public key (main/vault/memberKeyPair.node.ts).
 * - `vault_recovery`: the recovery kit's public key, one row.
 * - `secret_data_keys`: one data key per support account and per recording, wrapped by a `secrets` generation.
 * - `personal_data_keys.generation`: which generation of the personal tree wraps the key.
 * The embedded store keeps its tree keys in its encrypted file (`key_trees`, generation 1): this migration adds the
 * `secrets` tree there and seals the plain secrets it holds. A team database gets its generations from `team
 * create`/`team upgrade`, which wrap them per member (main/team/), never from here.
 */
export const migration0022Vault: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('vault_trees')
      .addColumn('tree', 'text', (c) => c.primaryKey())
      .addColumn('generation', 'integer', (c) => c.notNull())
      .addColumn('rotating_to', 'integer')
      .addColumn('rotation_reason', 'text')
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('vault_wraps')
      .addColumn('tree', 'text', (c) => c.notNull())
      .addColumn('generation', 'integer', (c) => c.notNull())
      /** `member:<userId>`, `recovery` or `invite:<userId>` (main/vault/treeKeyWraps.ts). */
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('wrapped', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addPrimaryKeyConstraint('vault_wraps_pk', ['tree', 'generation', 'recipient'])
      .execute();
    await db.schema
      .createTable('member_keys')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('vault_recovery')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();
    await db.schema
      .createTable('secret_data_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_kind', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('generation', 'integer', (c) => c.notNull())
      /** Base64 of iv | AES-256-GCM(tree key, data key) | tag, bound to the id and owner. */
      .addColumn('wrapped_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addUniqueConstraint('secret_data_keys_owner', ['owner_kind', 'owner_id'])
      .execute();
    await db.schema
      .alterTable('personal_data_keys')
      .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    if (storeDialect(db) === 'sqlite') await sealEmbeddedSecrets(db);
  },
};

/** The embedded store's `secrets` tree key, and its plain support-account secrets sealed under it. */
async function sealEmbeddedSecrets(db: Kysely<unknown>): Promise<void> {
  const tree = { generation: 1, key: randomBytes(32) };
  await db
    .insertInto('key_trees' as never)
    .values({ name: 'secrets', key_material: tree.key.toString('base64'), created_at: Date.now() } as never)
    .execute();
  const accounts = (await db
    .selectFrom('support_accounts' as never)
    .select(['id', 'secret'] as never)
    .where('secret' as never, 'is not', null)
    .execute()) as { id: string; secret: string }[];
  for (const account of accounts) {
    if (isSealedSecret(account.secret)) continue;
    const made = newSecretDataKey({ kind: 'account', id: account.id }, tree);
    await db
      .insertInto('secret_data_keys' as never)
      .values(made.row as never)
      .execute();
    await db
      .updateTable('support_accounts' as never)
      .set({ secret: sealSecretText(made.row.id, made.key, account.secret) } as never)
      .where('id' as never, '=', account.id as never)
      .execute();
  }
}
