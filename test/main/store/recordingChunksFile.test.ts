import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { startRecording } from '../../../main/sessions/recording/recorder.ts';
import {
  readRecording,
  recordingsWithoutOutput,
} from '../../../main/sessions/recording/recordingRepository.ts';
import {
  createStore,
  openStore,
  sqliteConnectionOf,
  storeFiles,
  type Db,
  type EmbeddedStore,
} from '../../../main/store/database.node.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { sealedTextOf } from '../../../main/vault/sealedText.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { nextEvent } from '../../support/backendEvents.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { localOpenInput, prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import {
  RECORDING_FILE_SCHEMA,
  recordingChunksFile,
  recordingChunksFiles,
} from '../../../main/store/recordingChunksFile.node.ts';
import { destroySecretKeys } from '../../../main/vault/secretVault.ts';
import { flushWriteAheadLog } from '../../../main/store/writeAheadLog.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * The recordings' sealed batches live in a file beside lotsen.db, attached without a page cipher (issue 17): each
 * batch is sealed under its recording's own data key, which lives only in the encrypted store. Real files, a plain
 * SQLite reader for what someone without the key would see.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const TICKET = { kind: 'ticket' as const, id: 'ticket-1' };
/** What a technician saw on a customer's server: it must be nowhere in the data folder's bytes. */
const SCREEN = 'Get-ADUser elev.svensson@ostersund.se -Properties PasswordLastSet\r\n';

async function tempStore(): Promise<{ store: EmbeddedStore; dir: string; key: Buffer }> {
  const temp = await makeTempDataDir();
  cleanups.push(temp.cleanup);
  const key = randomBytes(32);
  const store = await createStore(join(temp.dir, 'lotsen.db'), key);
  cleanups.push(() => store.close());
  return { store, dir: temp.dir, key };
}

async function recorded(store: EmbeddedStore, text: string): Promise<string> {
  const recorder = await startRecording(store.db, { owner: TICKET, width: 80, height: 24 });
  recorder.output(new TextEncoder().encode(text));
  await recorder.finish();
  return recorder.id;
}

async function castOf(store: EmbeddedStore | Db, id: string): Promise<string> {
  const db = 'db' in store ? store.db : store;
  let cast = '';
  for await (const piece of readRecording(db, id)) cast += piece;
  return cast;
}

/** The recordings' file as plain SQLite reads it, with no key: what someone holding the folder sees. */
function readWithoutKey(file: string): { recording_id: string; seq: number; data: string }[] {
  const plain = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return plain.prepare('SELECT recording_id, seq, data FROM recording_chunks ORDER BY seq').all() as {
      recording_id: string;
      seq: number;
      data: string;
    }[];
  } finally {
    plain.close();
  }
}

describe("the recordings' file", () => {
  test('a new store has it beside lotsen.db, owner-only, with the table lotsen.db no longer holds', async () => {
    const { store } = await tempStore();
    const file = recordingChunksFile(store.file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(storeFiles(store.file)).toEqual(expect.arrayContaining([file, `${file}-wal`, `${file}-shm`]));
    const tables = await sql<{ name: string; schema: string }>`
      SELECT 'main' AS schema, name FROM main.sqlite_schema WHERE name = 'recording_chunks'
      UNION ALL SELECT ${RECORDING_FILE_SCHEMA}, name FROM ${sql.raw(RECORDING_FILE_SCHEMA)}.sqlite_schema
        WHERE name = 'recording_chunks'`.execute(store.db);
    expect(tables.rows).toEqual([{ schema: RECORDING_FILE_SCHEMA, name: 'recording_chunks' }]);
    // Larger pages than lotsen.db's: a batch spans fewer of them.
    const pageSize = (schema: string) =>
      sqliteConnectionOf(store.db)!.pragma(`${schema}.page_size`, { simple: true }) as number;
    expect(pageSize(RECORDING_FILE_SCHEMA)).toBe(16 * 1024);
    expect(pageSize('main')).toBe(4096);
    // A smaller page cache than lotsen.db's: the batches only pass through it.
    const cacheSize = (schema: string) =>
      sqliteConnectionOf(store.db)!.pragma(`${schema}.cache_size`, { simple: true }) as number;
    expect(cacheSize(RECORDING_FILE_SCHEMA)).toBe(-2000);
    expect(cacheSize('main')).toBeLessThan(-2000);
  });

  test('holds only sealed batches: the screen is in no byte of the folder, and plays back whole with the key', async () => {
    const { store, dir } = await tempStore();
    const id = await recorded(store, SCREEN);
    await store.db.updateTable('recordings').set({ ended_at: 1 }).where('id', '=', id).execute();

    const rows = readWithoutKey(recordingChunksFile(store.file));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recording_id: id, seq: 0 });
    expect(rows[0]!.data).toMatch(/^sv1\.[^.]+\.[A-Za-z0-9_-]+$/);
    for (const file of await readdir(dir)) {
      const bytes = await readFile(join(dir, file));
      for (const needle of [SCREEN.trim(), 'elev.svensson', 'PasswordLastSet']) {
        expect(bytes.includes(Buffer.from(needle)), `${needle} in ${file}`).toBe(false);
      }
    }
    expect(await castOf(store, id)).toContain(JSON.stringify(SCREEN));
  });

  test('is attached again when the store opens, and a store whose recordings file was lost still opens', async () => {
    const { store, key } = await tempStore();
    const id = await recorded(store, SCREEN);
    await store.close();

    const reopened = await openStore(store.file, key);
    cleanups.push(() => reopened.close());
    expect(await castOf(reopened, id)).toContain(JSON.stringify(SCREEN));
    await reopened.close();

    for (const file of recordingChunksFiles(store.file)) await rm(file, { force: true });
    const withoutRecordings = await openStore(store.file, key);
    cleanups.push(() => withoutRecordings.close());
    // The recording's row is in lotsen.db; its output went with the file: the header only, and `lotsen doctor`'s
    // question names it.
    expect((await castOf(withoutRecordings, id)).trimEnd().split('\n')).toHaveLength(1);
    expect(await recordingsWithoutOutput(withoutRecordings.db)).toEqual([id]);
  });

  test('one overwritten with something else is refused as damaged, by name, and left as it was', async () => {
    const { store, key } = await tempStore();
    await store.close();
    const file = recordingChunksFile(store.file);
    const junk = Buffer.alloc(64 * 1024, 'not a database ');
    await writeFile(file, junk);
    await expect(openStore(store.file, key)).rejects.toMatchObject({
      code: 'STORE_DAMAGED',
      message: expect.stringContaining(file),
    });
    expect((await readFile(file)).equals(junk)).toBe(true);
  });

  test("a purged recording's batches are deleted, its key destroyed and both logs emptied", async () => {
    const { store } = await tempStore();
    const id = await recorded(store, SCREEN);
    const sealed = readWithoutKey(recordingChunksFile(store.file))[0]!.data;
    await store.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('recording_chunks').where('recording_id', '=', id).execute();
      await destroySecretKeys(trx, [{ kind: 'recording', id }]);
    });
    await flushWriteAheadLog(store.db);
    const file = recordingChunksFile(store.file);
    expect((await stat(`${file}-wal`)).size).toBe(0);
    expect(readWithoutKey(file)).toEqual([]);
    // `secure_delete`: the freed page keeps no copy of the sealed batch.
    expect((await readFile(file)).includes(Buffer.from(sealed.slice(-40)))).toBe(false);
  });

  test("a session's batches are kept as the sealed form's bytes, a quarter smaller than its text, and play back whole", async () => {
    const opened = await openPassphraseBackend();
    cleanups.push(opened.cleanup);
    const call = apiCaller(createApi(opened.backend, () => undefined, { shell: '/bin/sh' }));
    const stop = opened.backend.on('terminal.output', ({ sessionId, data }) => {
      void call.ok('sessions.ack', { sessionId, bytes: data.length });
    });
    cleanups.push(async () => stop());
    const prepared = await prepareSessionCustomer(call, {
      host: 'adfs01.ostersund.se',
      port: 22,
      username: 'svc_lotsen',
      secret: 'x',
    });
    const isOpen = nextEvent(opened.backend, 'sessions.changed', (view) => view.state === 'open');
    const session = await call.ok('sessions.open', localOpenInput(prepared));
    await isOpen;
    const closed = nextEvent(
      opened.backend,
      'sessions.changed',
      (view) => view.id === session.id && view.state === 'closed',
    );
    // The screen's text comes only from the shell's printf: the typed command holds it in octal escapes.
    const escaped = [...SCREEN].map((c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`).join('');
    await call.ok('sessions.input', { sessionId: session.id, data: `printf '${escaped}'; exit\n` });
    await closed;

    const file = recordingChunksFile(dataFiles.database(opened.dataDir));
    const rows = readWithoutKey(file) as unknown as { data: unknown }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const { data } of rows) {
      expect(Buffer.isBuffer(data)).toBe(true);
      expect((data as Buffer).toString('latin1')).toMatch(/^sv1\.[^.]+\./);
      // The text form is the same bytes in base64: a third longer than the payload it carries.
      const text = sealedTextOf(data as Buffer);
      expect(text.length).toBeGreaterThan((data as Buffer).length);
    }
    for (const name of await readdir(opened.dataDir)) {
      const bytes = await readFile(join(opened.dataDir, name));
      expect(bytes.includes(Buffer.from('elev.svensson')), name).toBe(false);
    }
    const db = opened.backend.registryContext().db;
    const recordingId = session.recordingId!;
    expect(await castOf(db, recordingId)).toContain(SCREEN.trim());
  }, 60_000);
});
