import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { createStore, openStore } from '../../../main/store/database.node.ts';
import { RECORDING_FILE_SCHEMA } from '../../../main/store/recordingChunksFile.node.ts';
import { migrations } from '../../../main/store/migrations/index.ts';
import { LATEST_MIGRATION } from '../../../main/store/migrations/latestMigration.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const SECRET = 'Sommarlov-2026!hemligt';
const NAMES = [
  'Östersunds kommun',
  'Lärande Skolor AB',
  'wap01.ostersund.se',
  'adfs-intern.ostersund.se',
  'svc_lotsen_support',
];

async function storeWithSensitiveData() {
  const opened = await openPassphraseBackend();
  cleanups.push(opened.cleanup);
  const api = createApi(opened.backend);
  const call = async (method: string, input: unknown) => {
    const result = await api.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as { id: string };
  };
  const customer = await call('registry.createCustomer', {
    name: NAMES[0],
    orgNumber: orgNumber('212000', 241),
    kind: 'municipality',
  });
  await call('registry.createCustomer', {
    name: NAMES[1],
    orgNumber: orgNumber('556677', 881),
    kind: 'school_chain',
  });
  const env = await call('registry.saveEnvironment', {
    customerId: customer.id,
    environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh' } },
  });
  await call('registry.saveServer', { environmentId: env.id, server: { host: NAMES[2], role: 'wap' } });
  await call('registry.saveServer', { environmentId: env.id, server: { host: NAMES[3], role: 'adfs' } });
  await call('registry.saveSupportAccount', {
    environmentId: env.id,
    account: { username: NAMES[4] },
    secret: SECRET,
  });
  return opened;
}

describe('the encrypted store', () => {
  test('plain sqlite3 refuses the file: it is not a database without the key', async () => {
    const { dataDir } = await storeWithSensitiveData();
    const failure = await run('sqlite3', [
      dataFiles.database(dataDir),
      'SELECT name FROM sqlite_master;',
    ]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: expect.any(Number) });
    expect((failure as { stderr: string }).stderr).toMatch(/file is not a database/);
  });

  test('no customer name, host, username or secret appears in any file of the data folder', async () => {
    const { dataDir } = await storeWithSensitiveData();
    const files = await readdir(dataDir);
    expect(files).toContain('lotsen.db');
    const needles = [...NAMES, SECRET, 'Produktion', 'Tekla Tekniker', 'tekla@leverantor.se'];
    for (const file of files) {
      const bytes = await readFile(join(dataDir, file));
      for (const needle of needles) {
        for (const encoding of ['utf8', 'utf16le'] as const) {
          expect(bytes.includes(Buffer.from(needle, encoding)), `${needle} (${encoding}) in ${file}`).toBe(
            false,
          );
        }
      }
    }
  });

  test('the file opens with its key and with no other', async () => {
    const temp = await makeTempDataDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'x.db');
    const key = randomBytes(32);
    const store = await createStore(file, key);
    await store.db
      .insertInto('users')
      .values({ id: 'u', name: 'Åsa', email: 'a@b.se', role: 'finance', is_local: 1, created_at: 1 })
      .execute();
    await store.close();

    await expect(openStore(file, randomBytes(32))).rejects.toMatchObject({ code: 'KEY_MISMATCH' });

    const reopened = await openStore(file, key);
    cleanups.push(() => reopened.close());
    expect(await reopened.db.selectFrom('users').select('name').execute()).toEqual([{ name: 'Åsa' }]);
  });

  test('migrations are numbered, run once, and are recorded in the store', async () => {
    const temp = await makeTempDataDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'x.db');
    const key = randomBytes(32);
    for (const name of Object.keys(migrations)) expect(name).toMatch(/^\d{4}_[a-z_]+$/);
    await (await createStore(file, key)).close();
    const store = await openStore(file, key);
    cleanups.push(() => store.close());
    const applied = await store.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(applied.map((row) => (row as { name: string }).name)).toEqual(Object.keys(migrations).sort());
  });

  test('the newest migration named for opening an up-to-date store is the index’s last', () => {
    expect(LATEST_MIGRATION).toBe(Object.keys(migrations).sort().at(-1));
  });

  test('a store a migration behind this build gets it at open (only an up-to-date one skips the migrator)', async () => {
    const temp = await makeTempDataDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'x.db');
    const key = randomBytes(32);
    const created = await createStore(file, key);
    // As a store the build before this one left: its newest migration undone and unrecorded, a recording's batch in
    // lotsen.db's own table (0005's), none in the recordings' file.
    await sql`INSERT INTO recordings (id, started_at, width, height, header, bytes)
      VALUES ('r1', 0, 80, 24, '{}', 5)`.execute(created.db);
    await sql`CREATE TABLE main.recording_chunks (recording_id text NOT NULL REFERENCES recordings (id)
      ON DELETE CASCADE, seq integer NOT NULL, offset_ms integer NOT NULL, data text NOT NULL,
      CONSTRAINT recording_chunks_pk PRIMARY KEY (recording_id, seq))`.execute(created.db);
    await sql`INSERT INTO main.recording_chunks VALUES ('r1', 0, 7, 'sv1.k.sealed')`.execute(created.db);
    await sql`DELETE FROM kysely_migration WHERE name = ${LATEST_MIGRATION}`.execute(created.db);
    await created.close();

    const reopened = await openStore(file, key);
    cleanups.push(() => reopened.close());
    const newest = await sql<{ name: string }>`SELECT max(name) AS name FROM kysely_migration`.execute(
      reopened.db,
    );
    expect(newest.rows[0]?.name).toBe(LATEST_MIGRATION);
    const inStore = await sql`SELECT name FROM main.sqlite_schema WHERE name = 'recording_chunks'`.execute(
      reopened.db,
    );
    expect(inStore.rows).toEqual([]);
    const moved = await sql`SELECT * FROM ${sql.raw(RECORDING_FILE_SCHEMA)}.recording_chunks`.execute(
      reopened.db,
    );
    expect(moved.rows).toEqual([{ recording_id: 'r1', seq: 0, offset_ms: 7, data: 'sv1.k.sealed' }]);
  });

  test('the store runs in WAL mode with foreign keys enforced', async () => {
    const temp = await makeTempDataDir();
    cleanups.push(temp.cleanup);
    const store = await createStore(join(temp.dir, 'x.db'), randomBytes(32));
    cleanups.push(() => store.close());
    const { rows: journal } = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(store.db);
    expect(journal[0]?.journal_mode).toBe('wal');
    await expect(
      store.db
        .insertInto('servers')
        .values({
          id: 's',
          environment_id: 'missing',
          host: 'h',
          port: 22,
          role: 'wap',
          os: '',
          notes: '',
          created_at: 1,
          created_by: 'u',
          updated_at: 1,
          updated_by: 'u',
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
