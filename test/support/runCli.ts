import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testDataSource } from './postgres/testTeam.ts';
import { createTestDatabase, runPostgres } from './postgres/testDatabases.ts';

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
  /** Written to its standard input, which is then closed (`--kit -`); unless told, stdin stays open and empty. */
  input?: string;
}

/** Runs the real built `lotsen` command as a child process, with no terminal attached. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, options: CliRunOptions = {}): Promise<CliRun> {
  const { maxBuffer = 1024 * 1024, timeout = 60_000, cwd, input } = options;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env, timeout, maxBuffer, cwd },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
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

/**
 * `lotsen init` through the real CLI with a passphrase key store, as a technician; fails the test if it fails. In the
 * run's team project (LOTSEN_TEST_DATA_SOURCE=team) the folder is instead enrolled in a team database of its own,
 * as its first member: a support lead with the admin right, as the shared suites' member is (test/support/postgres/testTeam.ts).
 */
export async function initWithCli(env: NodeJS.ProcessEnv): Promise<void> {
  if (testDataSource() === 'team') return enrolWithCli(env);
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

/**
 * A new team database (`lotsen team create`, run with the run's superuser as the administrator's URL, its password
 * through PGPASSWORD as an administrator would give it) and the folder of `env` enrolled in it as the first member
 * (`lotsen init --team URL --enrol CODE`), both through the real CLI, so the member has the real grants and row
 * rules. The database and its roles stay until the run's PostgreSQL, a throwaway cluster, stops.
 */
async function enrolWithCli(env: NodeJS.ProcessEnv): Promise<void> {
  const database = await createTestDatabase();
  const { port } = runPostgres();
  const created = await runTeamCreate(
    database.name,
    { name: 'Tekla Tekniker', email: 'tekla@leverantor.se', role: 'support_lead' },
    env,
  );
  if (created.code !== 0) throw new Error(`lotsen team create failed (${created.code}): ${created.stderr}`);
  const { firstMember } = JSON.parse(created.stdout) as { firstMember: { code: string } };
  const enrolled = await runCli(
    ['init', '--team', `postgresql://127.0.0.1:${port}/${database.name}`, '--enrol', firstMember.code],
    env,
  );
  if (enrolled.code !== 0)
    throw new Error(`lotsen init --team failed (${enrolled.code}): ${enrolled.stderr}`);
}

/**
 * `lotsen team create --json` on a database of the run's PostgreSQL, with the run's superuser as the administrator:
 * its password through PGPASSWORD, as an administrator would give it, so the URL in any message holds none.
 */
export function runTeamCreate(
  databaseName: string,
  firstMember: { name: string; email: string; role: string },
  env: NodeJS.ProcessEnv,
): Promise<CliRun> {
  const { port, superuser } = runPostgres();
  return runCli(
    [
      'team',
      'create',
      '--database',
      `postgresql://${superuser.user}@127.0.0.1:${port}/${databaseName}`,
      '--name',
      firstMember.name,
      '--email',
      firstMember.email,
      '--role',
      firstMember.role,
      '--json',
    ],
    { ...env, PGPASSWORD: superuser.password },
  );
}
