import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Backend } from '../../app/backend.node.ts';
import { AutocheckpointHold } from '../../store/autocheckpointHold.ts';
import { sqliteConnectionOf, storeFileKeyOf, type Db } from '../../store/database.node.ts';
import {
  ATTACH_RECORDING_FILE_SQL,
  recordingChunksFile,
  recordingFileSettings,
  RECORDING_CHUNKS_TABLE_SQL,
  RECORDING_FILE_SCHEMA,
} from '../../store/recordingChunksFile.node.ts';
import type { RecordedChunk, RecordingSink } from './recorder.ts';

/*
 * The recordings' writes off the event loop (issue 17). A session's terminal bytes and its recording's batches used to
 * share one thread: every batch's commit had SQLCipher encrypt its pages (some 90 MB for 64 MiB of output) on the
 * event loop that also carries the bytes to the client, 38% of a session's time in the profile. Here a worker thread
 * holds a second connection to the same store file (WAL: its commits do not stop the main connection's reads) and
 * writes the sealed batches and the recording's end there, in the order they were handed over; what was handed over
 * while it wrote one transaction goes in the next, so a backlog costs fewer commits, not more.
 *
 * Each batch's promise settles once its transaction has committed (or failed), so the recorder's flow control and
 * its `finish` (which a session's end awaits before `session.closed` is written) mean what they did: a closed
 * session's recording is complete in the store. Only an embedded store has the worker; a team database's writes go
 * through the session's books as before (network round trips, and the member's queue while it is out of reach).
 */

/**
 * Settings the worker's connection copies from the store's own connection (database.node.ts sets them). Not
 * `synchronous`: the worker sets its own (WORKER_SETTINGS).
 */
export const COPIED_SETTINGS = [
  'journal_mode',
  'foreign_keys',
  'busy_timeout',
  'temp_store',
  'secure_delete',
] as const;

/*
 * The worker's own settings, where it differs from the store's connection on purpose.
 *
 * `synchronous = NORMAL` (1; the store's connection runs FULL, 2), on lotsen.db and on the recordings' file: a commit
 * here does not wait for an fsync. Nothing the books claim is lost by it. A recording's end (which the recorder's
 * `finish` awaits before a session's `session.closed` is written) is answered once the recordings' file has been
 * checkpointed FULL: its log synced, copied into the file, the file synced. The end's own row, in lotsen.db's WAL, is
 * synced by the store connection's next FULL commit, `session.closed` (in WAL mode an fsync covers the whole log). So
 * once the store says a session closed, its recording is on disk. Each checkpoint syncs the logs too (before copying
 * them), the worker's own when the recording goes quiet or its log passes the bound. What a power cut can take is a
 * live session's output since the last of those, as it takes the session's end; a process crash takes nothing more
 * than before (the log is written, only not yet synced). At FULL each 90 KB batch waited for its own fsync.
 *
 * `wal_autocheckpoint = 0`: SQLite's automatic checkpoint (every 1,000 pages, in whichever connection commits) would
 * copy the recording into the file in the middle of the stream, 4 MB at a time, while the recording's batches wait
 * behind it (35-60 pauses of the session per 64 MiB in round 10, when that meant decrypting and encrypting each page
 * again). The worker has its checkpoints taken when the recording is quiet or its log past a bound (see `checkpoint`
 * below).
 */
const WORKER_SYNCHRONOUS = 1;
const WORKER_SETTINGS: [name: string, value: number][] = [
  ['synchronous', WORKER_SYNCHRONOUS],
  ['wal_autocheckpoint', 0],
];

/** A recording quiet this long (no batch handed over) has its log checkpointed into the file. */
export const RECORDING_QUIET_CHECKPOINT_MS = 100;
/**
 * ...and a recording that does not go quiet (a long `cat`) has it checkpointed once the worker has written this much
 * since the last checkpoint, so the log stays bounded (some 80 MB of WAL, and never more than twice that: past it the
 * writer waits for the checkpoint). The checkpoint runs in a thread of its own beside the writer (a tenth of a second
 * of CPU for this much in the recordings' file, which has no page cipher; half a second when the batches were in
 * lotsen.db); the writer then checkpoints the short tail written meanwhile itself.
 */
export const RECORDING_CHECKPOINT_BOUND_BYTES = 64 * 1024 * 1024;

interface WorkerSetup {
  /** Where better-sqlite3-multiple-ciphers is, resolved here: the worker's own `require` resolves from the cwd. */
  driver: string;
  file: string;
  key: Uint8Array;
  settings: [name: string, value: string | number][];
  own: [name: string, value: number][];
  /** The recordings' file, attached as the store's connection attaches it (recordingChunksFile.node.ts). */
  recordings: { file: string; attach: string; settings: string[]; table: string; schema: string };
  quietCheckpointMs: number;
  checkpointBoundBytes: number;
}

/** When the worker checkpoints (tests make them small); the product's are the exported constants. */
export interface CheckpointOptions {
  quietCheckpointMs?: number;
  checkpointBoundBytes?: number;
}

type Job =
  | {
      type: 'chunk';
      id: number;
      recordingId: string;
      seq: number;
      offsetMs: number;
      /** The sealed form's bytes, or its text. */
      data: string | Uint8Array;
      bytes: number;
    }
  | { type: 'end'; id: number; recordingId: string; endedAt: number };

type Reply =
  | { type: 'ready'; settings: Record<string, unknown>; own: Record<string, unknown> }
  /** The worker checkpointed the log; `complete` when every frame is in the file now. */
  | { type: 'checkpointed'; complete: boolean }
  | { type: 'done'; ids: number[]; failed: { id: number; message: string }[] }
  | { type: 'failed'; message: string };

/*
 * The workers' code, plain JavaScript run with `eval`: the same text works from the sources (vitest), from tsc's
 * output (the Electron app) and from the CLI's bundle, none of which could name a worker file the others have. It
 * uses only the driver and its setup; the statements are recorder.ts's storeSink's.
 */
/** Opens `db` on the store's file as database.node.ts's openEncryptedConnection does, with the given settings. */
const OPEN_CONNECTION = `
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  // SQLCipher 4 with the raw key, as database.node.ts's openEncryptedConnection opens the file.
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma('key="x\\'' + Buffer.from(workerData.key).toString('hex') + '\\'"');
  workerData.key.fill(0);
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  for (const [name, value] of workerData.settings) db.pragma(name + ' = ' + value);
  for (const [name, value] of workerData.own) db.pragma(name + ' = ' + value);
  db.prepare(workerData.recordings.attach).run(workerData.recordings.file);
  for (const setting of workerData.recordings.settings) db.pragma(setting);
  db.exec(workerData.recordings.table);
} catch (error) {
  parentPort.postMessage({ type: 'failed', message: String(error && error.message) });
  try { db && db.close(); } catch {}
  process.exit(1);
}
`;

/**
 * The writer's checkpointer, a thread of its own: a PASSIVE checkpoint takes no lock a writer needs, so while this one
 * copies the log into the file (decrypting and encrypting each page again, half a second for 64 MiB) the writer goes
 * on committing the recording's batches.
 */
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${OPEN_CONNECTION}
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    for (const schema of ['main', workerData.recordings.schema]) db.pragma(schema + '.wal_checkpoint(PASSIVE)');
  } catch {
    // The writer checkpoints what is left itself.
  }
  parentPort.postMessage('done');
});
`;

const WORKER_SOURCE = `
const { parentPort, workerData, Worker } = require('node:worker_threads');
// Started first, with its own copy of the key (opening the connection below wipes this one).
let helper = new Worker(${JSON.stringify(CHECKPOINTER_SOURCE)}, { eval: true, workerData });
${OPEN_CONNECTION}
const insert = db.prepare('INSERT INTO recording_chunks (recording_id, seq, offset_ms, data) VALUES (?, ?, ?, ?)');
const grow = db.prepare('UPDATE recordings SET bytes = bytes + ? WHERE id = ?');
const end = db.prepare('UPDATE recordings SET ended_at = ? WHERE id = ?');
const write = db.transaction((jobs) => {
  for (const job of jobs) {
    if (job.type === 'chunk') {
      insert.run(job.recordingId, job.seq, job.offsetMs, job.data);
      grow.run(job.bytes, job.recordingId);
    } else {
      end.run(job.endedAt, job.recordingId);
    }
  }
});
let queue = [];
let scheduled = false;
let closing = false;
// What this connection wrote since its last complete checkpoint, and since it last asked the checkpointer for one.
let unCheckpointed = 0;
let sinceAsked = 0;
let asked = false;
let quiet;
helper.on('message', (message) => {
  if (message !== 'done') return;
  asked = false;
  if (closing) return shutDown();
  // What was written while it ran is the log's tail: a short one is checkpointed here, so the log is complete and
  // this connection's next commit starts it over from its beginning; a long one goes to the checkpointer again.
  if (sinceAsked < workerData.checkpointBoundBytes / 16) checkpointHere();
  else checkpoint();
  flushSoon();
});
// A checkpointer that could not open or ended: this thread checkpoints alone.
helper.on('error', () => undefined);
helper.on('exit', () => {
  helper = null;
  const wasAsked = asked;
  asked = false;
  if (closing) return shutDown();
  if (wasAsked) checkpoint();
  flushSoon();
});
function checkpointWhenQuiet() {
  clearTimeout(quiet);
  quiet = setTimeout(checkpoint, workerData.quietCheckpointMs);
}
function checkpoint() {
  clearTimeout(quiet);
  if (unCheckpointed === 0 || asked) return;
  if (helper === null) return checkpointHere();
  asked = true;
  sinceAsked = 0;
  helper.postMessage('checkpoint');
}
// PASSIVE: it takes no lock that stops the store's connection writing (a checkpoint that did would hold its event
// loop in busy_timeout); frames a reader still needs are left for the next try.
function checkpointHere() {
  let complete = true;
  try {
    for (const schema of ['main', workerData.recordings.schema]) {
      const [{ busy, log, checkpointed }] = db.pragma(schema + '.wal_checkpoint(PASSIVE)');
      complete = complete && busy === 0 && checkpointed === log;
    }
  } catch {
    complete = false;
    // Tried again once quiet; the batches themselves are committed either way.
  }
  if (complete) unCheckpointed = 0;
  else if (!closing) checkpointWhenQuiet();
  parentPort.postMessage({ type: 'checkpointed', complete });
}
// A recording's end is answered once its batches are on disk (the argument is at WORKER_SETTINGS): TRUNCATE waits for a
// reader of the recordings' file (busy_timeout) instead of leaving frames behind it, and for a checkpointer thread's
// run, then empties the log, so a heavy session's 100 MB of it is not left on disk until the store closes.
function endedDurably() {
  try {
    db.pragma(workerData.recordings.schema + '.wal_checkpoint(TRUNCATE)');
  } catch {
    // Still in the log, synced by the next checkpoint; the batches themselves are committed.
  }
}
function flushSoon() {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  setImmediate(flush);
}
function flush() {
  scheduled = false;
  // A checkpointer slower than the recording: the batches wait for it (the recorder's flow control pauses the
  // session), so the log stays within twice the bound. Its answer flushes them.
  if (asked && unCheckpointed >= 2 * workerData.checkpointBoundBytes) return;
  const jobs = queue;
  queue = [];
  if (jobs.length === 0) return;
  const ids = [];
  const failed = [];
  try {
    write.immediate(jobs);
    for (const job of jobs) ids.push(job.id);
  } catch {
    // One job's failure must not lose the others': each is tried again alone.
    for (const job of jobs) {
      try {
        write.immediate([job]);
        ids.push(job.id);
      } catch (error) {
        failed.push({ id: job.id, message: String(error && error.message) });
      }
    }
  }
  if (jobs.some((job) => job.type === 'end')) endedDurably();
  parentPort.postMessage({ type: 'done', ids, failed });
  let bytes = 0;
  for (const job of jobs) bytes += job.type === 'chunk' ? job.data.length : 1;
  unCheckpointed += bytes;
  sinceAsked += bytes;
  if (unCheckpointed >= workerData.checkpointBoundBytes) checkpoint();
  else checkpointWhenQuiet();
}
// Once the checkpointer is idle: the rest checkpointed here (the store's connection takes its automatic checkpoints
// again once this closes: none is left to land on its loop), then the checkpointer and this connection closed.
let ended = false;
function shutDown() {
  if (ended || asked) return; // the checkpointer's answer calls it again
  flush();
  ended = true;
  if (unCheckpointed > 0) checkpointHere();
  const finish = () => {
    db.close();
    parentPort.close();
  };
  if (helper === null) return finish();
  helper.removeAllListeners('exit');
  helper.once('exit', finish);
  helper.postMessage('close');
}
parentPort.on('message', (message) => {
  if (message.type === 'close') {
    closing = true;
    clearTimeout(quiet);
    shutDown();
    return;
  }
  queue.push(message);
  // Messages that arrived together are written in one transaction.
  flushSoon();
});
const settings = {};
for (const [name] of workerData.settings) settings[name] = db.pragma(name, { simple: true });
const own = {};
for (const [name] of workerData.own) own[name] = db.pragma(name, { simple: true });
parentPort.postMessage({ type: 'ready', settings, own });
`;

interface Waiting {
  job: Job;
  /** Where the job goes if the worker cannot take it after all. */
  fallback: RecordingSink;
  resolve(): void;
  reject(error: Error): void;
}

/** One worker and its connection for one open embedded store; sessions hand it their batches through `sink`. */
export class RecordingWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** Set when the worker takes no more writes (closing, failed to open, ended): later ones go to the fallback. */
  private stopped: Error | null = null;
  private drained: (() => void) | null = null;
  private closing: Promise<void> | null = null;
  /** The worker's settings once it has opened the file (tests compare them with the store's own connection). */
  readonly ready: Promise<Record<string, unknown>>;
  /** Its own (WORKER_SETTINGS), as its connection reads them. */
  readonly ownSettings: Promise<Record<string, unknown>>;

  /**
   * `store` is the store's own connection: its automatic checkpoints are held off from the first write handed to the
   * worker until the worker has checkpointed everything with nothing handed over since, and while it lives after that
   * they run as before.
   */
  constructor(
    setup: WorkerSetup,
    private readonly store: AutocheckpointHold | null = null,
  ) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: setup });
    // Idle, it does not keep the process alive; while a write waits it does (see `post`).
    this.worker.unref();
    let opened: (settings: Record<string, unknown>) => void = () => undefined;
    let refused: (error: Error) => void = () => undefined;
    this.ready = new Promise((resolve, reject) => {
      opened = resolve;
      refused = reject;
    });
    this.ready.catch(() => undefined);
    let own: Record<string, unknown> = {};
    this.ownSettings = this.ready.then(() => own);
    this.worker.on('message', (reply: Reply) => {
      if (reply.type === 'ready') {
        own = reply.own;
        return opened(reply.settings);
      }
      if (reply.type === 'checkpointed') {
        // What was handed over since is in the log behind the checkpoint, for the worker's next one.
        if (reply.complete && this.waiting.size === 0) this.store?.release();
        return;
      }
      if (reply.type === 'failed') {
        const error = new Error(`The recording writer could not open the store: ${reply.message}`);
        refused(error);
        return this.giveUp(error);
      }
      for (const id of reply.ids) this.settle(id)?.resolve();
      for (const { id, message } of reply.failed) this.settle(id)?.reject(new Error(message));
    });
    this.worker.on('error', (error) => this.giveUp(error));
    this.worker.on('exit', () => {
      const error = new Error('The recording writer ended.');
      refused(error);
      this.giveUp(error);
    });
  }

  /** The writer of `db`'s store, with the store connection's own settings; null for a store not opened here. */
  static forStore(db: Db, checkpoints: CheckpointOptions = {}): RecordingWriter | null {
    const raw = sqliteConnectionOf(db);
    const opened = storeFileKeyOf(db);
    if (raw === null || opened === null) return null;
    const key = new Uint8Array(opened.key);
    try {
      return new RecordingWriter(
        {
          driver: createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers'),
          file: opened.file,
          key,
          settings: COPIED_SETTINGS.map((name) => [
            name,
            raw.pragma(name, { simple: true }) as string | number,
          ]),
          own: WORKER_SETTINGS,
          recordings: {
            file: recordingChunksFile(opened.file),
            attach: ATTACH_RECORDING_FILE_SQL,
            settings: recordingFileSettings(WORKER_SYNCHRONOUS),
            table: RECORDING_CHUNKS_TABLE_SQL,
            schema: RECORDING_FILE_SCHEMA,
          },
          quietCheckpointMs: checkpoints.quietCheckpointMs ?? RECORDING_QUIET_CHECKPOINT_MS,
          checkpointBoundBytes: checkpoints.checkpointBoundBytes ?? RECORDING_CHECKPOINT_BOUND_BYTES,
        },
        new AutocheckpointHold(raw),
      );
    } finally {
      key.fill(0); // the worker was given its own copy
    }
  }

  /**
   * A session's recording sink: through the worker while it writes, through `fallback` once it does not. It keeps the
   * order it is given (`ordered`): the worker writes its jobs in turn, and what goes to the fallback goes one write at
   * a time, in the order handed over.
   */
  sink(fallback: RecordingSink): RecordingSink {
    const inTurn = oneAtATime(fallback);
    return {
      ordered: true,
      chunk: (chunk: RecordedChunk) => this.post({ type: 'chunk', id: this.nextId++, ...chunk }, inTurn),
      end: (recordingId, endedAt) =>
        this.post({ type: 'end', id: this.nextId++, recordingId, endedAt }, inTurn),
    };
  }

  /**
   * Lets what it was given be written, then closes its connection and ends. Writes handed over meanwhile or later go
   * to their fallback (the store is still open while it locks).
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopped ??= new Error('The recording writer was closed.');
      if (this.waiting.size > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
      this.worker.ref();
      this.worker.postMessage({ type: 'close' });
      await exited;
      this.store?.release();
    })();
    return this.closing;
  }

  private post(job: Job, fallback: RecordingSink): Promise<void> {
    if (this.stopped) return viaFallback(job, fallback);
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(job.id, { job, fallback, resolve, reject });
      this.store?.hold();
      if (this.waiting.size === 1) this.worker.ref();
      // Copied, not transferred: a job the worker does not confirm goes to the fallback whole.
      this.worker.postMessage(job);
    });
  }

  private settle(id: number): Waiting | undefined {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) {
      this.worker.unref();
      this.drained?.();
      this.drained = null;
    }
    return waiting;
  }

  /**
   * The worker cannot write any more: what it had not confirmed goes to the fallback, in the order it was handed over
   * (a batch it did commit is not written twice: the books skip a chunk already there, applyItem.ts).
   */
  private giveUp(error: Error): void {
    this.stopped ??= error;
    const left = [...this.waiting.values()];
    this.waiting.clear();
    this.worker.unref();
    // The store's connection checkpoints what is left, in its own commits, as it did before the worker.
    this.store?.release();
    this.drained?.();
    this.drained = null;
    for (const { job, fallback, resolve, reject } of left) {
      viaFallback(job, fallback).then(resolve, (failure: unknown) =>
        reject(failure instanceof Error ? failure : new Error(String(failure))),
      );
    }
  }
}

/** `sink`, each write begun once the one before has settled. */
function oneAtATime(sink: RecordingSink): RecordingSink {
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = (write: () => Promise<void>) => {
    const next = last.then(write);
    last = next.catch(() => undefined);
    return next;
  };
  return {
    chunk: (chunk) => inTurn(() => sink.chunk(chunk)),
    end: (recordingId, endedAt) => inTurn(() => sink.end(recordingId, endedAt)),
  };
}

function viaFallback(job: Job, fallback: RecordingSink): Promise<void> {
  if (job.type === 'end') return fallback.end(job.recordingId, job.endedAt);
  const { recordingId, seq, offsetMs, data, bytes } = job;
  return fallback.chunk({ recordingId, seq, offsetMs, data, bytes });
}

const writers = new WeakMap<object, RecordingWriter>();

/**
 * The sink a session's recording is written through: the store's recording writer (made at its first session, closed
 * as the store locks, after the sessions have ended) for an embedded store, `fallback` (the session's books) for a
 * team database.
 */
export function sessionRecordingSink(backend: Backend, fallback: RecordingSink): RecordingSink {
  const store = backend.unlockedStore();
  if (store?.kind !== 'embedded') return fallback;
  let writer = writers.get(store);
  if (!writer) {
    const made = RecordingWriter.forStore(store.db);
    if (made === null) return fallback;
    writers.set(store, (writer = made));
    // Registered after the session manager's own hook, so it runs after every session has ended and flushed.
    const unhook = backend.beforeLock(async () => {
      unhook();
      await made.close();
    });
  }
  return writer.sink(fallback);
}
