import {
  FLOW_HIGH_WATERMARK_BYTES,
  FLOW_LOW_WATERMARK_BYTES,
  FlowController,
  pauseHandles,
  RECORDING_HIGH_WATERMARK_BYTES,
  RECORDING_LOW_WATERMARK_BYTES,
} from './flowControl.ts';
import type { TerminalExit, TerminalSource } from './terminalSource.ts';
import { Utf8ChunkAligner } from './utf8Boundary.ts';

/**
 * A pty's output that follows the last sent within this long is held and sent on with what comes next, as VS Code's
 * TerminalDataBufferer holds a pty's output for 5 ms: Linux hands a pty's reader at most 4 KiB per read (the line
 * discipline's buffer), and each chunk sent alone costs the client a frame and an acknowledgement and the recording an
 * event line. Output after a quiet moment (typing's echo) goes at once.
 */
export const OUTPUT_COALESCE_MS = 5;
/**
 * Held output is sent once it would pass this size, so a chunk sent is no larger than one pty read can be (a source
 * whose chunks are smaller says so: TerminalSource.coalesceLimitBytes).
 */
export const OUTPUT_COALESCE_BYTES = 64 * 1024;

export interface TerminalSink {
  /** Whole UTF-8 characters only; the client acknowledges them with `ack` once its terminal has taken them. */
  output(bytes: Uint8Array): void;
  exit(info: TerminalExit): void;
}

/** The session recorder, as the stream sees it. */
export interface RecordingSink {
  /** Exactly what the client sees, in the same character-aligned chunks. */
  output(bytes: Uint8Array): void;
  /** Called as what it took is written to the store (or given up on), with that many bytes. */
  onWritten(listener: (bytes: number) => void): void;
}

export interface TerminalStreamOptions {
  recording?: RecordingSink;
  highWatermarkBytes?: number;
  lowWatermarkBytes?: number;
}

export interface TerminalStream {
  /** The client has drawn this many more bytes. */
  ack(bytes: number): void;
  input(data: Uint8Array | string): void;
  resize(cols: number, rows: number): void;
  close(): void;
  /** Bytes sent to the client and not yet acknowledged. */
  readonly pendingBytes: number;
}

/**
 * One terminal session's output path: source -> character-aligned chunks -> recorder and client, with flow control
 * for both: the source pauses while the client has too much undrawn or the recording too much unwritten.
 * Bytes never pass through any UI state; the transport hands them straight to the terminal widget.
 */
export function connectTerminal(
  source: TerminalSource,
  sink: TerminalSink,
  options: TerminalStreamOptions = {},
): TerminalStream {
  // While a reader holds the source paused, held output waits too and goes first when it runs again: nothing the
  // source handed over before a pause reaches the client or the recording during it.
  let paused = false;
  const handle = pauseHandles({
    pause() {
      paused = true;
      source.pause();
    },
    resume() {
      paused = false;
      release();
      // Sending what was held may have paused it again.
      if (!paused) source.resume();
    },
  });
  const flow = new FlowController(
    handle(),
    options.highWatermarkBytes ?? FLOW_HIGH_WATERMARK_BYTES,
    options.lowWatermarkBytes ?? FLOW_LOW_WATERMARK_BYTES,
  );
  const { recording } = options;
  const recordingFlow = recording
    ? new FlowController(handle(), RECORDING_HIGH_WATERMARK_BYTES, RECORDING_LOW_WATERMARK_BYTES)
    : null;
  recording?.onWritten((bytes) => recordingFlow!.acknowledged(bytes));
  const aligner = new Utf8ChunkAligner();
  let lastSentAt = Number.NEGATIVE_INFINITY;
  const send = (bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    lastSentAt = performance.now();
    recording?.output(bytes);
    recordingFlow?.sent(bytes.length);
    flow.sent(bytes.length);
    sink.output(bytes);
  };
  // Held output (coalesceOutput only): the chunks themselves, which such a source never reuses (terminalSource.ts).
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const coalesceLimit = source.coalesceLimitBytes ?? OUTPUT_COALESCE_BYTES;
  const release = () => {
    clearTimeout(timer);
    timer = undefined;
    if (heldBytes === 0) return;
    const bytes = held.length === 1 ? held[0]! : Buffer.concat(held, heldBytes);
    held = [];
    heldBytes = 0;
    send(bytes);
  };
  const releaseUnlessPaused = () => {
    timer = undefined;
    if (!paused) release();
  };
  const deliver = (bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    const sinceSent = performance.now() - lastSentAt;
    if (!source.coalesceOutput || (heldBytes === 0 && sinceSent >= OUTPUT_COALESCE_MS)) return send(bytes);
    if (heldBytes + bytes.length > coalesceLimit) release();
    held.push(bytes);
    heldBytes += bytes.length;
    timer ??= setTimeout(
      releaseUnlessPaused,
      Math.max(0, OUTPUT_COALESCE_MS - (performance.now() - lastSentAt)),
    );
  };
  source.onData((chunk) => deliver(aligner.push(chunk)));
  source.onExit((info) => {
    release();
    send(aligner.flush());
    sink.exit(info);
  });
  return {
    ack: (bytes) => flow.acknowledged(bytes),
    input: (data) => source.write(data),
    resize: (cols, rows) => source.resize(cols, rows),
    close: () => {
      release();
      source.close();
    },
    get pendingBytes() {
      return flow.pending;
    },
  };
}
