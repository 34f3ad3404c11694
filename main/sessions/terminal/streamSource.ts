import type { Duplex } from 'node:stream';
import type { TerminalExit, TerminalSource } from './terminalSource.ts';

/** A byte stream that can also be told the terminal's size, as ssh2's shell channel can. */
export type ResizableDuplex = Duplex & {
  setWindow?(rows: number, cols: number, height: number, width: number): void;
};

/** The most one SSH channel packet carries: ssh2's PACKET_SIZE, the largest chunk its channel hands over. */
export const SSH_PACKET_BYTES = 32 * 1024;

export interface StreamSourceOptions {
  /**
   * Hold output arriving in quick succession and send it on together, up to one packet's worth (TerminalSource's
   * coalesceOutput): for an SSH shell, whose server sends each read of its pty as a packet of its own.
   */
  coalesceOutput?: boolean;
}

/**
 * Any byte Duplex as a terminal source: an SSH shell channel (ssh2's ClientChannel). Its `pause()` stops reading,
 * so ssh2 stops growing the SSH window and the server stops sending: flow control reaches the remote program.
 */
export function streamSource(stream: ResizableDuplex, options: StreamSourceOptions = {}): TerminalSource {
  const exit: TerminalExit = { exitCode: null, signal: null };
  // ssh2 reports the remote program's status before the channel closes; 'close' comes after 'end', so after all data.
  stream.once('exit', (code: unknown, signal: unknown) => {
    exit.exitCode = typeof code === 'number' ? code : null;
    exit.signal = typeof signal === 'string' ? signal : null;
  });
  // A broken transport ends the session (through 'close'); the session service learns why from the connection.
  stream.on('error', () => undefined);
  return {
    onData: (listener) => {
      stream.on('data', (chunk: Buffer | string) =>
        listener(typeof chunk === 'string' ? Buffer.from(chunk) : chunk),
      );
    },
    onExit: (listener) => {
      stream.once('close', () => listener(exit));
    },
    write: (data) => {
      stream.write(data);
    },
    resize: (cols, rows) => stream.setWindow?.(rows, cols, 0, 0),
    pause: () => stream.pause(),
    resume: () => stream.resume(),
    close: () => stream.destroy(),
    coalesceOutput: options.coalesceOutput ?? false,
    coalesceLimitBytes: SSH_PACKET_BYTES,
  };
}
