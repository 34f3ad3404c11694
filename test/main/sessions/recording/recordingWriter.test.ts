import { randomBytes } from 'node:crypto';
import { copyFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, expect, test } from 'vitest';
import { encodeEvent } from '../../../../main/sessions/recording/asciicast.ts';
import {
  RECORDING_BATCH_CHARS,
  startRecording,
  storeSink,
} from '../../../../main/sessions/recording/recorder.ts';
import { getRecording, readRecording } from '../../../../main/sessions/recording/recordingRepository.ts';
import {
  COPIED_SETTINGS,
  RecordingWriter,
  type CheckpointOptions,
} from '../../../../main/sessions/recording/recordingWriter.node.ts';
import {
  createStore,
  sqliteConnectionOf,
  type EmbeddedStore,
  type Store,
} from '../../../../main/store/database.node.ts';
import { recordingChunksFile } from '../../../../main/store/recordingChunksFile.node.ts';
import { flushWriteAheadLog } from '../../../../main/store/writeAheadLog.ts';
import { makeTempDataDir } from '../../../support/tempDataDir.ts';

/*
 * The recording writer (issue 17): a worker thread with its own connection to the store file writes a session's
 * sealed batches, so their encrypted commits leave the event loop that carries the terminal's bytes. Real encrypted
 * stores, a real worker.
 */
const TICKET = { kind: 'ticket' as const, id: 'ticket-1' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function tempStore(): Promise<EmbeddedStore> {
  const temp = await makeTempDataDir();
  cleanups.push(temp.cleanup);
  const store = await createStore(join(temp.dir, 'lotsen.db'), randomBytes(32));
  cleanups.push(() => store.close());
  return store;
}

function writerOf(store: Store, checkpoints: CheckpointOptions = {}): RecordingWriter {
  const writer = RecordingWriter.forStore(store.db, checkpoints)!;
  cleanups.push(() => writer.close());
  return writer;
}

const chunkCount = (store: Store) =>
  sqliteConnectionOf(store.db)!.prepare('SELECT count(*) FROM recording_chunks').pluck().get() as number;

/** Node 20 has no Array.fromAsync. */
async function readAll(store: Store, id: string): Promise<string> {
  let text = '';
  for await (const piece of readRecording(store.db, id)) text += piece;
  return text;
}

test("the worker's connection has the store connection's settings, and commits a batch while the event loop is held", async () => {
  const store = await tempStore();
  const writer = writerOf(store);
  const raw = sqliteConnectionOf(store.db)!;
  expect(await writer.ready).toEqual(
    Object.fromEntries(COPIED_SETTINGS.map((name) => [name, raw.pragma(name, { simple: true })])),
  );
  const recorder = await startRecording(store.db, { owner: TICKET, width: 80, height: 24 });
  const written = writer.sink(storeSink(store.db)).chunk({
    recordingId: recorder.id,
    seq: 0,
    offsetMs: 0,
    data: 'a sealed batch',
    bytes: 14,
  });
  // From here the event loop is held: a write made on it could not happen until this loop ends.
  const until = Date.now() + 20_000;
  while (chunkCount(store) === 0 && Date.now() < until) {
    /* another thread commits, or nothing does */
  }
  expect(chunkCount(store)).toBe(1);
  await written;
  expect((await getRecording(store.db, recorder.id)).bytes).toBe(14);
});

test('a recording written through the worker reads back whole and in order, ended once finish resolves', async () => {
  const store = await tempStore();
  const writer = writerOf(store);
  const recorder = await startRecording(store.db, {
    owner: TICKET,
    width: 80,
    height: 24,
    sink: (db) => writer.sink(storeSink(db)),
  });
  const pieces = Array.from({ length: 40 }, (_, i) => `line ${i} ${'ö'.repeat(4000)}\r\n`);
  for (const piece of pieces) recorder.output(new TextEncoder().encode(piece));
  const summary = await recorder.finish();
  const info = await getRecording(store.db, recorder.id);
  expect(info.endedAt).toBe(summary.endedAt);
  expect(info.bytes).toBe(pieces.reduce((sum, piece) => sum + Buffer.byteLength(piece), 0));
  const events = (await readAll(store, recorder.id)).trimEnd().split('\n').slice(1);
  expect(events.map((line) => (JSON.parse(line) as [number, string, string])[2]).join('')).toBe(
    pieces.join(''),
  );
  // More than one batch, so the order across transactions is what was checked.
  expect(chunkCount(store)).toBeGreaterThan(1);
  expect(pieces.join('').length).toBeGreaterThan(2 * RECORDING_BATCH_CHARS);
});

test('once the writer has closed (the store locking), batches still reach the store through the fallback', async () => {
  const store = await tempStore();
  const writer = writerOf(store);
  const recorder = await startRecording(store.db, {
    owner: TICKET,
    width: 80,
    height: 24,
    sink: (db) => writer.sink(storeSink(db)),
  });
  recorder.output(new TextEncoder().encode('before the lock\r\n'));
  await writer.close();
  recorder.output(new TextEncoder().encode('after it\r\n'));
  await recorder.finish();
  const text = await readAll(store, recorder.id);
  expect(text).toContain('before the lock');
  expect(text).toContain('after it');
  expect((await getRecording(store.db, recorder.id)).endedAt).not.toBeNull();
});

test("a transaction that reads and then writes is not broken by the worker's commit in between (it begins IMMEDIATE)", async () => {
  const store = await tempStore();
  const writer = writerOf(store);
  await writer.ready;
  const recorder = await startRecording(store.db, { owner: TICKET, width: 80, height: 24 });
  let written: Promise<void> | undefined;
  await store.db.transaction().execute(async (trx) => {
    await trx.selectFrom('recordings').select('id').execute();
    written = writer.sink(storeSink(store.db)).chunk({
      recordingId: recorder.id,
      seq: 0,
      offsetMs: 0,
      data: encodeEvent(0, 'o', 'x'),
      bytes: 1,
    });
    // Time for the worker to commit, were it let: a deferred transaction's write below would then fail with
    // SQLITE_BUSY_SNAPSHOT.
    const until = Date.now() + 1_000;
    while (Date.now() < until) {
      /* hold */
    }
    await trx.updateTable('recordings').set({ width: 100 }).where('id', '=', recorder.id).execute();
  });
  await written;
  const info = await getRecording(store.db, recorder.id);
  expect(info.width).toBe(100);
  expect(info.bytes).toBe(1);
});

const FULL = 2;
const NORMAL = 1;
/** Random base64, as a sealed batch is: the cipher's pages cannot shrink it. */
const BATCH = randomBytes(48 * 1024).toString('base64');

/** `count` batches through the writer one after another, as a recorder hands them over; the bytes written. */
async function writeBatches(store: EmbeddedStore, writer: RecordingWriter, count: number): Promise<number> {
  const recorder = await startRecording(store.db, { owner: TICKET, width: 80, height: 24 });
  const sink = writer.sink(storeSink(store.db));
  for (let seq = 0; seq < count; seq++) {
    await sink.chunk({ recordingId: recorder.id, seq, offsetMs: seq, data: BATCH, bytes: BATCH.length });
  }
  return count * BATCH.length;
}

const autocheckpoint = (store: EmbeddedStore) =>
  sqliteConnectionOf(store.db)!.pragma('wal_autocheckpoint', { simple: true }) as number;
const fileBytes = async (file: string) => (await stat(file)).size;
/** Where the batches go: the recordings' file beside the store's (recordingChunksFile.node.ts). */
const recordings = (store: EmbeddedStore) => recordingChunksFile(store.file);

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test("the worker's connection differs from the store's on purpose: its commits wait for no fsync, and it takes no automatic checkpoint", async () => {
  const store = await tempStore();
  const writer = writerOf(store);
  // NORMAL: the store connection's next FULL commit (a session's `session.closed`, after the recorder's `finish`)
  // fsyncs the WAL and every frame the worker wrote before it (the argument is at WORKER_SETTINGS).
  expect(await writer.ownSettings).toEqual({ synchronous: NORMAL, wal_autocheckpoint: 0 });
  expect(sqliteConnectionOf(store.db)!.pragma('synchronous', { simple: true })).toBe(FULL);
});

test("once the recording is quiet the worker checkpoints its log into the store's file; the store's own automatic checkpoints are held off until then", async () => {
  const store = await tempStore();
  const before = autocheckpoint(store);
  expect(before).toBeGreaterThan(0);
  const writer = writerOf(store, { quietCheckpointMs: 300, checkpointBoundBytes: 1024 ** 3 });
  const emptyFile = await fileBytes(recordings(store));
  const written = await writeBatches(store, writer, 40);
  // Written and answered, not yet quiet: the recording is in the log only, and a commit of the store's connection
  // would not copy it into the file on the event loop.
  expect(autocheckpoint(store)).toBe(0);
  expect(await fileBytes(recordings(store))).toBeLessThan(emptyFile + written);
  await until(async () => autocheckpoint(store) === before, "the store connection's setting back");
  expect(await fileBytes(recordings(store))).toBeGreaterThan(emptyFile + written);
});

test('a recording that does not go quiet has its log checkpointed each time it passes the bound, and the rest as the writer closes', async () => {
  const store = await tempStore();
  const before = autocheckpoint(store);
  const bound = 1024 * 1024;
  const writer = writerOf(store, { quietCheckpointMs: 60_000, checkpointBoundBytes: bound });
  const emptyFile = await fileBytes(recordings(store));
  const written = await writeBatches(store, writer, 60);
  // Never quiet for a minute: what reaches the file came through the bound's checkpoints (a thread of their own, so
  // the last may still be copying as the last batch is answered), all but under one bound.
  await until(
    async () => (await fileBytes(recordings(store))) > emptyFile + written - bound,
    "the bound's checkpoints",
  );
  await writer.close();
  expect(await fileBytes(recordings(store))).toBeGreaterThan(emptyFile + written);
  expect(autocheckpoint(store)).toBe(before);
});

test("a recording's end is answered once its batches are in the recordings' file itself, not only in its log, and the log emptied", async () => {
  const store = await tempStore();
  const writer = writerOf(store, { quietCheckpointMs: 60_000, checkpointBoundBytes: 1024 ** 3 });
  const recorder = await startRecording(store.db, { owner: TICKET, width: 80, height: 24 });
  // The file as a new store leaves it, its table in it: what follows is the batches' alone.
  await flushWriteAheadLog(store.db);
  const sink = writer.sink(storeSink(store.db));
  for (let seq = 0; seq < 8; seq++) {
    await sink.chunk({ recordingId: recorder.id, seq, offsetMs: seq, data: BATCH, bytes: BATCH.length });
  }
  // What a power cut would leave if the log had not been synced: the file alone, without its -wal.
  const fileAlone = async () => {
    const temp = await makeTempDataDir();
    cleanups.push(temp.cleanup);
    const copy = join(temp.dir, 'recordings');
    await copyFile(recordings(store), copy);
    const plain = new Database(copy);
    try {
      return plain.prepare('SELECT count(*) FROM recording_chunks').pluck().get() as number;
    } finally {
      plain.close();
    }
  };
  expect(await fileAlone()).toBe(0);
  expect(await fileBytes(`${recordings(store)}-wal`)).toBeGreaterThan(8 * BATCH.length);
  await sink.end(recorder.id, Date.now());
  expect(await fileAlone()).toBe(8);
  // And its log emptied: a heavy session's is not left on disk until the store closes.
  expect(await fileBytes(`${recordings(store)}-wal`)).toBe(0);
});

test("a purge's flush still empties the log while the writer has frames it has not checkpointed", async () => {
  const store = await tempStore();
  const writer = writerOf(store, { quietCheckpointMs: 60_000, checkpointBoundBytes: 1024 ** 3 });
  await writeBatches(store, writer, 20);
  expect(await fileBytes(`${recordings(store)}-wal`)).toBeGreaterThan(20 * BATCH.length);
  expect(await fileBytes(`${store.file}-wal`)).toBeGreaterThan(0);
  await flushWriteAheadLog(store.db);
  expect(await fileBytes(`${recordings(store)}-wal`)).toBe(0);
  expect(await fileBytes(`${store.file}-wal`)).toBe(0);
  // The writer goes on writing after it.
  await writeBatches(store, writer, 2);
  expect(chunkCount(store)).toBe(22);
});

test('a recorder hands the writer each batch as it is made, while the one before waits, and they are written in order', async () => {
  const store = await tempStore();
  const writer = writerOf(store);
  await writer.ready;
  let handedOver = 0;
  const recorder = await startRecording(store.db, {
    owner: TICKET,
    width: 80,
    height: 24,
    sink: (db) => {
      const sink = writer.sink(storeSink(db));
      return { ...sink, chunk: (chunk) => (handedOver++, sink.chunk(chunk)) };
    },
  });
  // The store's connection holds the write lock: the worker's first transaction waits for it (busy_timeout).
  const raw = sqliteConnectionOf(store.db)!;
  raw.prepare('BEGIN IMMEDIATE').run();
  const pieces = Array.from({ length: 5 }, (_, i) => `${i}${'x'.repeat(RECORDING_BATCH_CHARS)}\r\n`);
  for (const piece of pieces) recorder.output(new TextEncoder().encode(piece));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(handedOver).toBe(5);
  expect(chunkCount(store)).toBe(0);
  raw.prepare('COMMIT').run();
  await recorder.finish();
  const events = (await readAll(store, recorder.id)).trimEnd().split('\n').slice(1);
  expect(events.map((line) => (JSON.parse(line) as [number, string, string])[2]).join('')).toBe(
    pieces.join(''),
  );
});
