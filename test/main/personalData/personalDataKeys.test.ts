import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import {
  destroyDataKeys,
  openPersonal,
  sealPersonal,
  sealPersonalFields,
} from '../../../main/personalData/personalDataKeys.ts';
import { createStore, type EmbeddedStore } from '../../../main/store/database.node.ts';
import { decryptedStorePages } from '../../support/decryptedStorePages.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freshStore(): Promise<{ store: EmbeddedStore; key: Buffer }> {
  const { dir, cleanup } = await makeTempDataDir();
  const key = randomBytes(32);
  const store = await createStore(join(dir, 'lotsen.db'), key);
  cleanups.push(cleanup, () => store.close());
  return { store, key };
}

const ticket = (id: string) => ({ kind: 'ticket' as const, id });

describe('personal data key tree', () => {
  test('a sealed text opens under its owner key and holds none of its plaintext', async () => {
    const { store } = await freshStore();
    const sealed = await sealPersonal(store.db, ticket('t1'), 'Anna Lindqvist <anna@vaxjo.se>');
    expect(sealed).not.toContain('Anna');
    expect(await openPersonal(store.db, [sealed, null])).toEqual(['Anna Lindqvist <anna@vaxjo.se>', null]);
  });

  test('one data key per owner, made on first use', async () => {
    const { store } = await freshStore();
    const fields = await sealPersonalFields(store.db, ticket('t1'), { name: 'Anna', email: 'anna@vaxjo.se' });
    await sealPersonal(store.db, ticket('t1'), 'more text');
    await sealPersonal(store.db, { kind: 'contact', id: 'c1' }, 'Bo');
    const keys = await store.db.selectFrom('personal_data_keys').select(['owner_kind', 'owner_id']).execute();
    expect(keys).toHaveLength(2);
    expect(fields.name.split('.')[1]).toBe(fields.email.split('.')[1]);
  });

  test('destroying an owner key purges its texts and leaves other owners readable', async () => {
    const { store } = await freshStore();
    const gone = await sealPersonal(store.db, ticket('t1'), 'Anna Lindqvist');
    const kept = await sealPersonal(store.db, ticket('t2'), 'Bo Ek');
    expect(await destroyDataKeys(store.db, [ticket('t1'), ticket('missing')])).toBe(1);
    expect(await openPersonal(store.db, [gone, kept])).toEqual([null, 'Bo Ek']);
  });

  test('a changed sealed text is refused, not read as purged', async () => {
    const { store } = await freshStore();
    const sealed = await sealPersonal(store.db, ticket('t1'), 'Anna Lindqvist');
    const [prefix, keyId, payload] = sealed.split('.');
    const bytes = Buffer.from(payload!, 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    await expect(
      openPersonal(store.db, [`${prefix}.${keyId}.${bytes.toString('base64url')}`]),
    ).rejects.toThrow(/does not open/);
    await expect(openPersonal(store.db, ['Anna in the clear'])).rejects.toThrow(/not sealed/);
  });

  test('a destroyed data key leaves no copy of its bytes in the store file, free pages included', async () => {
    const { store, key } = await freshStore();
    await sealPersonal(store.db, ticket('t1'), 'Anna Lindqvist');
    const row = await store.db
      .selectFrom('personal_data_keys')
      .select('wrapped_key')
      .executeTakeFirstOrThrow();
    const wrapped = Buffer.from(row.wrapped_key);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
    expect((await decryptedStorePages(store.file, key)).includes(wrapped)).toBe(true);

    await destroyDataKeys(store.db, [ticket('t1')]);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
    expect((await decryptedStorePages(store.file, key)).includes(wrapped)).toBe(false);
  });
});
