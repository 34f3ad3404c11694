import * as pty from 'node-pty';
import { childEnvironment } from './childEnvironment.ts';
import { defaultShell } from './defaultShell.ts';
import type { TerminalSource } from './terminalSource.ts';

export { defaultShell };

export interface PtyOptions {
  /** The program; by default the user's shell. A pre-connect VPN command is given here with its args. */
  file?: string;
  args?: string[];
  cwd?: string;
  /** Lotsen's by default; Lotsen's own secrets are taken out of whichever is given. */
  env?: NodeJS.ProcessEnv;
  /**
   * Variables given to this program alone, set after Lotsen's own are taken out: the pre-connect secret
   * (`LOTSEN_PRE_CONNECT_SECRET`), which a `LOTSEN_` name would otherwise lose.
   */
  ownEnv?: Readonly<Record<string, string>>;
  cols: number;
  rows: number;
}

/**
 * node-pty reports an exit only once its output socket has closed, and destroys the socket 200 ms after the program
 * ended (its DESTROY_SOCKET_TIMEOUT_MS), dropping whatever the socket and the kernel's pty buffer still hold. A socket
 * paused by flow control at that moment would lose the program's last output, so while paused we watch for the
 * program's end and then resume: what is left is at most those buffers, some KiB, delivered past the watermark.
 *
 * Known limit (node-pty 1.1 on Linux): output a program wrote beyond the pty's 4 KiB line-discipline buffer just before
 * ending can still be lost if it has not been read by then, paused or not (a busy event loop does it too): the read
 * ends at the hangup before the kernel has handed over the rest.
 */
const EXIT_WATCH_INTERVAL_MS = 25;

/** A local terminal with node-pty, giving raw bytes (`encoding: null`: the client decodes, after flow control). */
export function spawnPty(options: PtyOptions): TerminalSource {
  const env = { ...childEnvironment(options.env ?? process.env), ...options.ownEnv };
  const child = pty.spawn(options.file ?? defaultShell(env), options.args ?? [], {
    name: 'xterm-256color',
    cols: options.cols,
    rows: options.rows,
    cwd: options.cwd ?? env.HOME ?? process.cwd(),
    env,
    encoding: null,
  });
  let exitWatch: ReturnType<typeof setInterval> | undefined;
  const stopWatching = () => {
    clearInterval(exitWatch);
    exitWatch = undefined;
  };
  child.onExit(stopWatching);

  return {
    onData: (listener) => {
      // The typings say string, but with `encoding: null` node-pty hands over the socket's Buffers.
      child.onData((data: string | Buffer) => listener(typeof data === 'string' ? Buffer.from(data) : data));
    },
    onExit: (listener) => {
      child.onExit(({ exitCode, signal }) => listener({ exitCode, signal: signal ? String(signal) : null }));
    },
    write: (data) => child.write(typeof data === 'string' ? data : Buffer.from(data)),
    resize: (cols, rows) => {
      try {
        child.resize(cols, rows);
      } catch (error) {
        // A window resized just as its shell ended reaches a pty already closed (node-pty: "ioctl(2) failed, EBADF"):
        // nothing is left to resize, and the session ends on its own.
        if (!hasEnded(child.pid)) throw error;
      }
    },
    pause: () => {
      child.pause();
      exitWatch ??= setInterval(() => {
        if (hasEnded(child.pid)) {
          stopWatching();
          child.resume();
        }
      }, EXIT_WATCH_INTERVAL_MS);
    },
    resume: () => {
      stopWatching();
      child.resume();
    },
    close: () => {
      stopWatching();
      child.kill();
    },
    coalesceOutput: true,
  };
}

/** node-pty reaps its child as soon as it ends, so a pid that no longer exists is a program that has ended. */
function hasEnded(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
