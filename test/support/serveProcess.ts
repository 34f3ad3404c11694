import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WebSocket } from 'ws';
import { openBrowserSession, type BrowserSessionClient } from './browserSession.ts';

const bin = fileURLToPath(new URL('../../bin/lotsen.js', import.meta.url));
const STARTUP_TIMEOUT_MS = 30_000;

export interface ServeProcess {
  child: ChildProcess;
  /** The single-use link `lotsen serve` printed. */
  url: string;
  origin: string;
  /** Resolves with the exit code once the process has ended (for tests that it did not). */
  exited: Promise<number | null>;
  /** What it wrote to stderr so far (its log), for a failing test's message. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Runs the real `lotsen serve --port 0` on a data folder set up beforehand, until the test stops it. */
export async function startServeProcess(env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let logged = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('lotsen serve printed no address')), STARTUP_TIMEOUT_MS);
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /Lotsen is running at (\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (logged = (logged + chunk.toString()).slice(-20_000)));
    void exited.then((code) => reject(new Error(`lotsen serve exited ${code} before printing its address`)));
  });
  return {
    child,
    url,
    origin: new URL(url).origin,
    exited,
    stderr: () => logged,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const browserSessions = new WeakMap<ServeProcess, Promise<BrowserSessionClient>>();

/**
 * Opens the API WebSocket as the page would. The printed link works once, so it is exchanged for one browser session
 * per server (test/support/browserSession.ts), and every socket carries that session's cookie.
 */
export async function openApiSocket(server: ServeProcess): Promise<WebSocket> {
  let session = browserSessions.get(server);
  if (session === undefined) {
    session = openBrowserSession(server.url);
    browserSessions.set(server, session);
  }
  return (await session).connect();
}

/** A process's resident set now and at its peak, in bytes, from /proc (Linux). */
export function residentSet(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { now: kib('VmRSS') * 1024, peak: kib('VmHWM') * 1024 };
}
