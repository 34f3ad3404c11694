import { test as base } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { MethodInput, MethodName, MethodOutput } from '../../../common/api/contract.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { shiftedClockEnv } from '../../support/shiftedClock.ts';

export const PASSPHRASE = 'Lösenfras för e2e – åäö';
export const USER = { name: 'Tekla Tekniker', email: 'tekla@leverantor.se' };

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const STARTUP_TIMEOUT_MS = 60_000;

export interface LotsenServer {
  /** The first link `lotsen serve` printed. It works once: open it in one page, then reload or navigate within it. */
  url: string;
  origin: string;
  /** Presses Enter in `lotsen serve`'s terminal, as a person does for another browser or a session that ended. */
  newLink(): Promise<string>;
  home: string;
  /** The server's clock now: the real one, or with `clockStart` the shifted one it runs on. */
  now(): number;
}

export interface LotsenOptions {
  /**
   * Where `lotsen serve`'s clock stands when it starts (epoch ms); from there it runs at real speed. Null, the
   * default, leaves the real clock. Only the server is shifted: `lotsen init`, `importRegistry` and `callStore` keep
   * the real one. Set it with `test.use({ clockStart })` and give the page the same time with
   * `page.clock.install({ time: lotsen.now() })`.
   */
  clockStart: number | null;
  /**
   * The LOTSEN_PASSPHRASE `freshLotsen`'s `lotsen serve` runs with; null, the default, runs it with none, so the
   * set-up screen must be given one.
   */
  freshPassphrase: string | null;
}

/**
 * A real `lotsen` on a fresh temporary LOTSEN_HOME per test: `lotsen init` with a passphrase key store, then
 * `lotsen serve --port 0`, whose printed address the test opens. Stopped and removed afterwards.
 */
export const test = base.extend<{ lotsen: LotsenServer; freshLotsen: LotsenServer } & LotsenOptions>({
  clockStart: [null, { option: true }],
  freshPassphrase: [null, { option: true }],
  /** `lotsen serve` on an empty LOTSEN_HOME: the app's own first-run set-up, with no `lotsen init` before it. */
  freshLotsen: async ({ freshPassphrase }, use) => {
    const home = await mkdtemp(join(tmpdir(), 'lotsen-e2e-fresh-'));
    const log: string[] = [];
    const env = lotsenEnv(home);
    // No passphrase in the environment unless the test gives one: the person types one in the set-up screen.
    if (freshPassphrase === null) delete env.LOTSEN_PASSPHRASE;
    else env.LOTSEN_PASSPHRASE = freshPassphrase;
    // No Secret Service either (as on a jump host), so the passphrase is required.
    env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/lotsen-no-bus';
    const server = spawn(process.execPath, ['bin/lotsen.js', 'serve', '--port', '0'], {
      cwd: repoRoot,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    try {
      const links = printedLinks(server, log);
      const url = await links.first;
      await use({ url, origin: new URL(url).origin, newLink: links.next, home, now: Date.now });
    } finally {
      await stop(server);
      await rm(home, { recursive: true, force: true });
    }
  },
  lotsen: async ({ clockStart }, use, testInfo) => {
    const home = await mkdtemp(join(tmpdir(), 'lotsen-e2e-'));
    const env = lotsenEnv(home);
    let offsetMs = 0;
    const log: string[] = [];
    let server: ChildProcess | null = null;
    try {
      await promisify(execFile)(
        process.execPath,
        [
          'bin/lotsen.js',
          'init',
          '--name',
          USER.name,
          '--email',
          USER.email,
          '--role',
          'technician',
          '--key-store',
          'passphrase',
        ],
        { cwd: repoRoot, env, timeout: STARTUP_TIMEOUT_MS },
      );
      let serveEnv = env;
      if (clockStart !== null) {
        offsetMs = clockStart - Date.now();
        serveEnv = { ...env, ...shiftedClockEnv(offsetMs) };
      }
      server = spawn(process.execPath, ['bin/lotsen.js', 'serve', '--port', '0'], {
        cwd: repoRoot,
        env: serveEnv,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const links = printedLinks(server, log);
      const url = await links.first;
      await use({
        url,
        origin: new URL(url).origin,
        newLink: links.next,
        home,
        now: () => Date.now() + offsetMs,
      });
    } finally {
      if (server) await stop(server);
      if (testInfo.status !== testInfo.expectedStatus) {
        // Lines the server wrote, for the report; the lines holding links are left out.
        await testInfo.attach('lotsen-serve.log', {
          body: log.filter((line) => !line.includes('token=')).join('\n'),
          contentType: 'text/plain',
        });
      }
      await rm(home, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';

/** Seeds a test's store through the real CLI (`lotsen registry import`), beside the running server. */
export async function importRegistry(home: string, file: string): Promise<void> {
  await promisify(execFile)(process.execPath, ['bin/lotsen.js', 'registry', 'import', file], {
    cwd: repoRoot,
    env: lotsenEnv(home),
    timeout: STARTUP_TIMEOUT_MS,
  });
}

export function lotsenEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOTSEN_HOME: home, LOTSEN_PASSPHRASE: PASSPHRASE };
  delete env.LOTSEN_PASSPHRASE_FILE;
  return env;
}

/**
 * The links `lotsen serve` prints on stdout: the first when it starts, then one for each Enter on its stdin. Each is
 * read once, in order.
 */
export function printedLinks(
  child: ChildProcess,
  log: string[],
): { first: Promise<string>; next(): Promise<string> } {
  const links: string[] = [];
  const waiting: (() => void)[] = [];
  let exited: Error | null = null;
  let read = 0;
  const wake = () => waiting.splice(0).forEach((resolve) => resolve());
  const onLine = (line: string) => {
    log.push(line);
    const match = /^(?:Lotsen is running at|New link \(works once\):) (\S+)$/.exec(line);
    if (match) {
      links.push(match[1]!);
      wake();
    }
  };
  let buffered = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    lines.forEach(onLine);
  });
  child
    .stderr!.setEncoding('utf8')
    .on('data', (chunk: string) => log.push(...chunk.split('\n').filter(Boolean)));
  child.once('exit', (code) => {
    exited = new Error(`lotsen serve exited (${code}) before printing a link:\n${log.join('\n')}`);
    wake();
  });

  async function link(index: number): Promise<string> {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (links.length <= index) {
      if (exited) throw exited;
      if (Date.now() > deadline)
        throw new Error(`lotsen serve printed no link within ${STARTUP_TIMEOUT_MS} ms`);
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        setTimeout(resolve, 1_000);
      });
    }
    return links[index]!;
  }

  return {
    first: link(read++),
    next() {
      child.stdin!.write('\n');
      return link(read++);
    },
  };
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** One API call on a test's store, as `withStore` hands it out. */
export type StoreCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/**
 * Opens the test's store from the test process itself, beside the running server (SQLite's WAL lets both in), for
 * seeding many rows with one unlock, or checking what the UI did where the UI does not show it.
 */
export async function withStore<T>(home: string, use: (call: StoreCall) => Promise<T>): Promise<T> {
  const backend = await Backend.open({ dataDir: home });
  try {
    const api = createApi(backend, () => undefined);
    await backend.unlock(PASSPHRASE);
    return await use(async (method, input) => {
      const result = await api.dispatch(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value as MethodOutput<typeof method>;
    });
  } finally {
    await backend.close();
  }
}

/** One call on the test's store (see `withStore`). */
export async function callStore<M extends MethodName>(
  home: string,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  return withStore(home, (call) => call(method, input));
}
