export interface TerminalExit {
  /** The program's exit code, when the source knows it (an SSH server may not send one). */
  exitCode: number | null;
  signal: string | null;
}

/**
 * What a terminal session reads from and writes to: a local pty or an SSH shell channel. Output is bytes, never
 * decoded here: decoding belongs at the edges, after chunks have been cut on character boundaries.
 */
export interface TerminalSource {
  onData(listener: (bytes: Uint8Array) => void): void;
  /** Once, after the last output has been delivered. */
  onExit(listener: (info: TerminalExit) => void): void;
  write(data: Uint8Array | string): void;
  resize(cols: number, rows: number): void;
  /** Stop reading output: the program blocks once the kernel's (or the SSH window's) buffer is full. */
  pause(): void;
  resume(): void;
  close(): void;
  /**
   * Output arriving in quick succession is sent on together (terminalStream.ts): set by a local pty, which hands
   * over at most 4 KiB per read, and by an SSH shell, whose server sends each read of its own pty in a packet of its
   * own (2-3 KB on average for heavy output in the session bench, 25,000 chunks for 64 MiB). A source that sets it
   * never reuses a chunk once handed over (node-pty reads each into a Buffer of its own; ssh2 hands each packet's data
   * in memory of its own), so held output is kept as it came, not copied.
   */
  readonly coalesceOutput?: boolean;
  /**
   * The most output held together (OUTPUT_COALESCE_BYTES unless set): no more than the largest chunk the source can
   * hand over itself, so the flow-control bound (the high watermark plus one chunk) stays the source's own.
   */
  readonly coalesceLimitBytes?: number;
}
