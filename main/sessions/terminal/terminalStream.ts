import { FLOW_HIGH_WATERMARK_BYTES, FLOW_LOW_WATERMARK_BYTES, FlowController } from './flowControl.ts';
import type { TerminalExit, TerminalSource } from './terminalSource.ts';
import { Utf8ChunkAligner } from './utf8Boundary.ts';

export interface TerminalSink {
  /** Whole UTF-8 characters only; the client acknowledges them with `ack` once its terminal has taken them. */
  output(bytes: Uint8Array): void;
  exit(info: TerminalExit): void;
}

export interface TerminalStreamOptions {
  /** Sees exactly what the client sees, in the same character-aligned chunks (the session recorder). */
  record?: (bytes: Uint8Array) => void;
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
 * One terminal session's output path: source -> character-aligned chunks -> recorder and client, with flow control.
 * Bytes never pass through any UI state; the transport hands them straight to the terminal widget.
 */
export function connectTerminal(
  source: TerminalSource,
  sink: TerminalSink,
  options: TerminalStreamOptions = {},
): TerminalStream {
  const flow = new FlowController(
    source,
    options.highWatermarkBytes ?? FLOW_HIGH_WATERMARK_BYTES,
    options.lowWatermarkBytes ?? FLOW_LOW_WATERMARK_BYTES,
  );
  const aligner = new Utf8ChunkAligner();
  const deliver = (bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    options.record?.(bytes);
    flow.sent(bytes.length);
    sink.output(bytes);
  };
  source.onData((chunk) => deliver(aligner.push(chunk)));
  source.onExit((info) => {
    deliver(aligner.flush());
    sink.exit(info);
  });
  return {
    ack: (bytes) => flow.acknowledged(bytes),
    input: (data) => source.write(data),
    resize: (cols, rows) => source.resize(cols, rows),
    close: () => source.close(),
    get pendingBytes() {
      return flow.pending;
    },
  };
}
