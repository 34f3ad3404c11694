import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Kysely, Migrator, sql, SqliteDialect } from 'kysely';
import { afterEach, expect, test } from 'vitest';
import { readSecret } from '../../../main/registry/environmentRepository.ts';
import { openEncryptedConnection, openStore, type Db } from '../../../main/store/database.node.ts';
import { migrations } from '../../../main/store/migrations/index.ts';
import { decryptedStorePages } from '../../support/decryptedStorePages.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const SECRET = 'Klartext-lösen-före-valvet-0022';

/** A store brought to 0021 only, with a support account's secret in the clear as the code before 0022 wrote it. */
async function storeAt0021(file: string, key: Buffer): Promise<void> {
  await writeFile(file, '', { mode: 0o600 });
  const db: Db = new Kysely({ dialect: new SqliteDialect({ database: openEncryptedConnection(file, key) }) });
  try {
    const { error } = await new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
    }).migrateTo('0021_secret_presence');
    if (error) throw error;
    const stamp = { created_at: 1, created_by: 'u1', updated_at: 1, updated_by: 'u1' };
    await db
      .insertInto('users')
      .values({ id: 'u1', name: 'Tekla', email: 't@l.se', role: 'technician', is_local: 1, created_at: 1 })
      .execute();
    await db
      .insertInto('customers')
      .values({
        id: 'c1',
        name: 'Alvesta kommun',
        org_number: '212000-0662',
        kind: 'municipality',
        notes: '',
        ...stamp,
      })
      .execute();
    await db
      .insertInto('environments')
      .values({
        id: 'e1',
        customer_id: 'c1',
        name: 'Prod',
        notes: '',
        vpn_type: 'none',
        vpn_gateway: '',
        teamviewer_id: '',
        access_method: 'ssh',
        supported_tools: '[]',
        access_notes: '',
        pre_connect_command: '',
        split_tunnel: 'unknown',
        access_tool: '',
        special_configuration_needed: 0,
        special_configuration: '',
        ...stamp,
      })
      .execute();
    await db
      .insertInto('support_accounts')
      .values([
        {
          id: 'a1',
          environment_id: 'e1',
          username: 'svc',
          notes: '',
          secret: SECRET,
          secret_updated_at: 1,
          ...stamp,
        },
        {
          id: 'a2',
          environment_id: 'e1',
          username: 'none',
          notes: '',
          secret: null,
          secret_updated_at: null,
          ...stamp,
        },
      ])
      .execute();
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  } finally {
    await db.destroy();
  }
}

test('migration 0022 seals the plain support-account secrets of an existing store under the new secrets tree', async () => {
  const { dir, cleanup } = await makeTempDataDir();
  cleanups.push(cleanup);
  const file = join(dir, 'lotsen.db');
  const key = randomBytes(32);
  await storeAt0021(file, key);
  const pages = async () => (await decryptedStorePages(file, key)).includes(Buffer.from(SECRET));
  // The control: before the migration the decrypted pages hold it.
  expect(await pages()).toBe(true);

  const store = await openStore(file, key);
  cleanups.push(() => store.close());
  const rows = await store.db
    .selectFrom('support_accounts')
    .select(['id', 'secret', 'has_secret'])
    .orderBy('id')
    .execute();
  expect(rows[0]).toMatchObject({ id: 'a1', has_secret: 1, secret: expect.stringMatching(/^sv1\./) });
  expect(rows[1]).toMatchObject({ id: 'a2', has_secret: 0, secret: null });
  expect(await store.db.selectFrom('key_trees').select('name').orderBy('name').execute()).toEqual([
    { name: 'personal' },
    { name: 'secrets' },
  ]);
  expect((await readSecret(store.db, 'a1')).secret).toBe(SECRET);
  await sql`VACUUM`.execute(store.db);
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
  expect(await pages()).toBe(false);
});
