import { randomBytes } from 'node:crypto';
import type { Kysely, Migration } from 'kysely';

/**
 * The personal-data key tree (main/personalData/personalDataKeys.ts): its tree key, made here once per store, and
 * one wrapped data key per owner (a ticket, a contact, a month). A purge deletes rows of `personal_data_keys` and
 * nothing else. Plain columns and a composite unique key, so the same tables serve PostgreSQL.
 */
export const migration0011PersonalDataKeys: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('key_trees')
      .addColumn('name', 'text', (c) => c.primaryKey())
      /** Base64 of the 256-bit tree key. Only inside the encrypted file; a team database keeps wraps per member. */
      .addColumn('key_material', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .execute();
    await db
      .insertInto('key_trees' as never)
      .values({
        name: 'personal',
        key_material: randomBytes(32).toString('base64'),
        created_at: Date.now(),
      } as never)
      .execute();
    await db.schema
      .createTable('personal_data_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_kind', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      /** Base64 of iv | AES-256-GCM(tree key, data key) | tag, bound to the id and owner. */
      .addColumn('wrapped_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addUniqueConstraint('personal_data_keys_owner', ['owner_kind', 'owner_id'])
      .execute();
  },
};
