import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/lotsen.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** Bytes of stdout or stderr before the child is killed (exit code 1); 1 MiB unless told. */
  maxBuffer?: number;
  /** Milliseconds before the child is killed (exit code 1); 60 s unless told. */
  timeout?: number;
  /** The folder it runs in, for relative paths; the test's own unless told. */
  cwd?: string;
}

/** Runs the real built `lotsen` command as a child process, with no terminal attached. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, options: CliRunOptions = {}): Promise<CliRun> {
  const { maxBuffer = 1024 * 1024, timeout = 60_000, cwd } = options;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, timeout, maxBuffer, cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A child environment with its own data folder and passphrase, and no keychain (as on a jump host). */
export function cliEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOTSEN_HOME: home,
    LOTSEN_PASSPHRASE: 'korrekt häst batteri häftstift',
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/lotsen-no-bus',
    ...extra,
  };
}

/** `lotsen init` through the real CLI with a passphrase key store, as a technician; fails the test if it fails. */
export async function initWithCli(env: NodeJS.ProcessEnv): Promise<void> {
  const init = await runCli(
    [
      'init',
      '--name',
      'Tekla Tekniker',
      '--email',
      'tekla@leverantor.se',
      '--role',
      'technician',
      '--key-store',
      'passphrase',
    ],
    env,
  );
  if (init.code !== 0) throw new Error(`lotsen init failed (${init.code}): ${init.stderr}`);
}
