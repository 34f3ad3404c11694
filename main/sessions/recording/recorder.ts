import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import type { DataKeyOwner } from '../../personalData/personalDataKeys.ts';
import type { Db } from '../../store/database.node.ts';
import { sealedTextOf } from '../../vault/sealedText.ts';
import { secretSealer } from '../../vault/secretVault.ts';
import { encodeEvent, encodeHeader, type AsciicastEventType, type AsciicastHeader } from './asciicast.ts';

/** A batch is written when it holds this much text... */
export const RECORDING_BATCH_CHARS = 64 * 1024;
/** ...or when its first event is this old, so a crash loses at most a moment of a quiet session. */
export const RECORDING_BATCH_MS = 250;

export interface RecorderOptions {
  /**
   * Whose personal data the output is (the session's ticket). The batches are sealed under the recording's own data
   * key of the vault's secrets tree (terminal output holds what technicians saw of customers' systems); the purge
   * of this owner destroys that key (main/retention/ticketShredding.ts).
   */
  owner: DataKeyOwner;
  width: number;
  height: number;
  env?: AsciicastHeader['env'];
  /** Keystrokes are not recorded unless this is set: they carry passwords typed at prompts. */
  recordInput?: boolean;
  now?: () => number;
  /**
   * Where the sealed batches and the recording's end are written: the store at once unless told. A team member's
   * session hands them to its books, which queue them while the team database is out of reach (main/team/outbox/).
   */
  sink?: (db: Db) => RecordingSink;
}

/** A batch as the store keeps it: its place in the recording and its text sealed under the recording's data key. */
export interface RecordedChunk {
  recordingId: string;
  seq: number;
  offsetMs: number;
  /** The sealed form, as text or as bytes (sealedText.ts's sealTextAsBytes): a sink that keeps text converts it. */
  data: string | Uint8Array;
  /** The terminal output bytes it holds, added to the recording's size. */
  bytes: number;
}

export interface RecordingSink {
  chunk(chunk: RecordedChunk): Promise<void>;
  end(recordingId: string, endedAt: number): Promise<void>;
  /**
   * Set when the sink writes batches in the order they were handed over even while earlier ones are being written
   * (the recording writer, recordingWriter.node.ts): the recorder then hands each batch over as it is made, and what
   * waits is committed together. Otherwise it hands over the next batch once the one before has settled.
   */
  readonly ordered?: boolean;
}

/** Writes each batch and the end straight into the store. */
export function storeSink(db: Db): RecordingSink {
  return {
    chunk: (chunk) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('recording_chunks')
          .values({
            recording_id: chunk.recordingId,
            seq: chunk.seq,
            offset_ms: chunk.offsetMs,
            // Text on either engine: this sink is also the recording writer's fallback and a team database's.
            data: sealedTextOf(chunk.data),
          })
          .execute();
        await trx
          .updateTable('recordings')
          .set((eb) => ({ bytes: eb('bytes', '+', chunk.bytes) }))
          .where('id', '=', chunk.recordingId)
          .execute();
      }),
    end: async (recordingId, endedAt) => {
      await db.updateTable('recordings').set({ ended_at: endedAt }).where('id', '=', recordingId).execute();
    },
  };
}

export interface RecordingSummary {
  id: string;
  bytes: number;
  endedAt: number;
}

export interface Recorder {
  readonly id: string;
  /** Terminal output, in character-aligned chunks (as the terminal stream hands them to the client). */
  output(bytes: Uint8Array): void;
  /**
   * Called as each batch's write settles (written, or lost and reported by `finish`) with the output bytes it held:
   * the terminal stream pauses the source while too many are unwritten (flowControl.ts).
   */
  onWritten(listener: (bytes: number) => void): void;
  input(bytes: Uint8Array | string): void;
  resize(cols: number, rows: number): void;
  /** Flushes and marks the recording ended (once; later calls get the same answer); rejects if a batch was lost. */
  finish(): Promise<RecordingSummary>;
}

/** A recording's row as the store keeps it at its start, before any output. */
export interface RecordingRow {
  id: string;
  startedAt: number;
  width: number;
  height: number;
  /** The asciicast v2 header line (JSON). */
  header: string;
}

/** The row a new recording starts with: its id, its start now and its asciicast header. */
export function newRecordingRow(
  options: Pick<RecorderOptions, 'width' | 'height' | 'env' | 'now'>,
): RecordingRow {
  const startedAt = (options.now ?? Date.now)();
  return {
    id: randomUUID(),
    startedAt,
    width: options.width,
    height: options.height,
    header: encodeHeader({
      version: 2,
      width: options.width,
      height: options.height,
      timestamp: Math.floor(startedAt / 1000),
      env: options.env ?? {},
    }),
  };
}

/** Starts a recording in the store: its row and asciicast header now, its output in batches as it comes. */
export async function startRecording(db: Db, options: RecorderOptions): Promise<Recorder> {
  const row = newRecordingRow(options);
  const seal = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('recordings')
      .values({
        id: row.id,
        started_at: row.startedAt,
        width: row.width,
        height: row.height,
        header: row.header,
        bytes: 0,
      })
      .execute();
    // The recording's data key, made with its row: every batch is sealed under it (main/vault/secretVault.ts).
    return secretSealer(trx, { kind: 'recording', id: row.id });
  });
  return recorderOf(row.id, seal, (options.sink ?? storeSink)(db), options);
}

/**
 * The recorder of a recording whose row and data key are stored elsewhere (a session's opening writes them with its
 * books, main/sessions/sessionBookkeeping.ts): it seals each batch with `seal` and hands it to `sink`.
 */
export function recorderOf(
  id: string,
  seal: (text: string) => string | Uint8Array,
  sink: RecordingSink,
  options: Pick<RecorderOptions, 'recordInput' | 'now'>,
): Recorder {
  const now = options.now ?? Date.now;
  // Offsets come from a monotonic clock: a wall-clock step (NTP) must not make events go back in time.
  const origin = performance.now();
  const outputAsText = outputText();
  let lines: string[] = [];
  let chars = 0;
  let batchBytes = 0;
  let batchOffsetMs = 0;
  let seq = 0;
  let totalBytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writes: Promise<void> = Promise.resolve();
  let failure: unknown;
  let finished = false;
  let ending: Promise<RecordingSummary> | undefined;
  const written: ((bytes: number) => void)[] = [];

  const add = (type: AsciicastEventType, text: string, bytes: number) => {
    if (finished) return;
    batchBytes += bytes; // counted even when they only began a character, whose text comes with the next chunk
    if (text.length === 0) return;
    const elapsedMs = performance.now() - origin;
    if (lines.length === 0) {
      batchOffsetMs = Math.floor(elapsedMs);
      timer = setTimeout(flushNow, RECORDING_BATCH_MS);
      timer.unref?.();
    }
    const line = encodeEvent(elapsedMs / 1000, type, text);
    lines.push(line);
    chars += line.length;
    if (chars >= RECORDING_BATCH_CHARS) flushNow();
  };

  function flushNow(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (lines.length === 0) return writes;
    const row = { recordingId: id, seq: seq++, offsetMs: batchOffsetMs };
    const text = lines.join('');
    const bytes = batchBytes;
    lines = [];
    chars = 0;
    batchBytes = 0;
    totalBytes += bytes;
    const write = () =>
      Promise.resolve()
        // Sealed here, under the key the recording holds in memory, so a batch is sealed wherever it waits.
        .then(() => sink.chunk({ ...row, data: seal(text), bytes }))
        .catch((error: unknown) => {
          // The session goes on: a recording gap must not cut the technician off. `finish` reports it.
          failure ??= error;
        })
        .then(() => {
          for (const listener of written) listener(bytes);
        });
    if (sink.ordered) {
      const settled = write();
      writes = writes.then(() => settled);
    } else {
      writes = writes.then(write);
    }
    return writes;
  }

  async function end(): Promise<RecordingSummary> {
    add('o', outputAsText.end(), 0); // a character cut off at the very end, as U+FFFD
    finished = true;
    await flushNow();
    const endedAt = now();
    await sink.end(id, endedAt);
    if (failure !== undefined) throw failure instanceof Error ? failure : new Error(String(failure));
    return { id, bytes: totalBytes, endedAt };
  }

  return {
    id,
    output(bytes) {
      add('o', outputAsText.of(bytes), bytes.length);
    },
    onWritten(listener) {
      written.push(listener);
    },
    input(data) {
      if (!options.recordInput) return;
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
      add('i', text, 0);
    },
    resize(cols, rows) {
      add('r', `${cols}x${rows}`, 0);
    },
    finish() {
      ending ??= end();
      return ending;
    },
  };
}

/**
 * Terminal output as text, chunk by chunk: a character cut between two chunks is decoded whole, bytes that are not
 * UTF-8 become U+FFFD, and a byte order mark is text like any other (the terminal was sent it). A chunk that is whole
 * UTF-8 on its own, nearly every one (the terminal stream hands over whole characters), is decoded at once, without
 * the streaming decoder: a quarter of its CPU time on the session bench's 64 MiB of text (10 against 41 ms).
 */
function outputText(): { of(bytes: Uint8Array): string; end(): string } {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return {
    of(bytes) {
      if (!isUtf8(bytes)) return decoder.decode(bytes, { stream: true });
      // A character the decoder holds the start of cannot go on in a chunk that is whole UTF-8, which starts with
      // a character of its own: it ends here as U+FFFD, as the streaming decoder would have ended it.
      return (
        decoder.decode() + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
      );
    },
    end: () => decoder.decode(),
  };
}
