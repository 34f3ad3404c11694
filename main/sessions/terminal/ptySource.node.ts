import * as pty from 'node-pty';
import type { TerminalSource } from './terminalSource.ts';

export interface PtyOptions {
  /** The program; by default the user's shell. A pre-connect VPN command is given here with its args. */
  file?: string;
  args?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  cols: number;
  rows: number;
}

/**
 * node-pty waits for its output socket to close before reporting an exit, but destroys the socket 200 ms after the
 * program ended (its DESTROY_SOCKET_TIMEOUT_MS). A socket paused by flow control at that moment would lose the last
 * output still in the kernel's pty buffer, so while paused we watch for the program's end and then drain: what is left
 * is at most that buffer, a few KiB.
 */
const EXIT_WATCH_INTERVAL_MS = 40;

export function defaultShell(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.COMSPEC || 'powershell.exe';
  return env.SHELL || '/bin/bash';
}

/** A local terminal with node-pty, giving raw bytes (`encoding: null`: the client decodes, after flow control). */
export function spawnPty(options: PtyOptions): TerminalSource {
  const env = options.env ?? process.env;
  const child = pty.spawn(options.file ?? defaultShell(env), options.args ?? [], {
    name: 'xterm-256color',
    cols: options.cols,
    rows: options.rows,
    cwd: options.cwd ?? env.HOME ?? process.cwd(),
    env,
    encoding: null,
  });
  let paused = false;
  let exitWatch: ReturnType<typeof setInterval> | undefined;
  const stopWatching = () => {
    clearInterval(exitWatch);
    exitWatch = undefined;
  };
  const resume = () => {
    paused = false;
    stopWatching();
    child.resume();
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
    resize: (cols, rows) => child.resize(cols, rows),
    pause: () => {
      if (paused) return;
      paused = true;
      child.pause();
      exitWatch = setInterval(() => {
        if (!isRunning(child.pid)) resume();
      }, EXIT_WATCH_INTERVAL_MS);
    },
    resume: () => {
      if (paused) resume();
    },
    close: () => {
      stopWatching();
      child.kill();
    },
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false; // ESRCH: gone (node-pty has reaped it)
  }
}
