import { spawnPty } from '../../../../main/sessions/terminal/ptySource.node.ts';
import {
  connectTerminal,
  type TerminalStream,
  type TerminalStreamOptions,
} from '../../../../main/sessions/terminal/terminalStream.ts';

/** Runs a shell script in a real pty through the terminal stream; resolves with everything it printed. */
export function runInPty(
  script: string,
  options: {
    cols?: number;
    rows?: number;
    flow?: TerminalStreamOptions;
    client?: (bytes: Uint8Array, stream: TerminalStream) => void;
  } = {},
): Promise<Buffer> {
  const source = spawnPty({
    file: '/bin/sh',
    args: ['-c', script],
    cols: options.cols ?? 80,
    rows: options.rows ?? 24,
    env: { ...process.env, LANG: 'C.UTF-8' },
  });
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    const stream = connectTerminal(
      source,
      {
        output: (bytes) => {
          chunks.push(Buffer.from(bytes));
          if (options.client) options.client(bytes, stream);
          else stream.ack(bytes.length);
        },
        exit: () => resolve(Buffer.concat(chunks)),
      },
      options.flow,
    );
  });
}
