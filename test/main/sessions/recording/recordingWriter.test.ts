import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
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
} from '../../../../main/sessions/recording/recordingWriter.node.ts';
import { createStore, sqliteConnectionOf, type Store } from '../../../../main/store/database.node.ts';
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

async function tempStore(): Promise<Store> {
  const temp = await makeTempDataDir();
  cleanups.push(temp.cleanup);
  const store = await createStore(join(temp.dir, 'lotsen.db'), randomBytes(32));
  cleanups.push(() => store.close());
  return store;
}

function writerOf(store: Store): RecordingWriter {
  const writer = RecordingWriter.forStore(store.db)!;
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
