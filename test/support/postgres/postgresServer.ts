import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../sshd/sshdFixture.ts';

const run = promisify(execFile);

/** Debian's PostgreSQL 15 (scripts/setup.sh installs it without a default cluster). */
export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';
const OS_USER = 'postgres';

export interface PostgresServer {
  readonly port: number;
  /** The cluster's superuser, for the fixture's own set-up only: tests of the rules connect as members. */
  readonly superuser: { user: string; password: string };
  /** A connection string to one of the server's databases as the superuser. */
  superuserUrl(database?: string): string;
  stop(): Promise<void>;
}

export interface PostgresServerOptions {
  /** TLS (`ssl=on`) with this certificate and its key, PEM: for the test of a verified handshake. */
  tls?: { certificate: string; key: string };
}

/**
 * A real PostgreSQL for one test run: `initdb` into a temporary folder owned by the `postgres` account (initdb and
 * postgres refuse to run as root), SCRAM passwords for every login, listening on a free 127.0.0.1 port only, and
 * `fsync=off` because a test cluster that dies with its run needs no durability.
 */
export async function startPostgres(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const folder = await mkdtemp(join(tmpdir(), 'lotsen-pg-'));
  const data = join(folder, 'data');
  const password = randomBytes(18).toString('base64url');
  const { uid, gid } = await osAccount(OS_USER);
  await chown(folder, uid, gid);
  await chmod(folder, 0o700);
  const passwordFile = join(folder, 'superuser-password');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  await chown(passwordFile, uid, gid);
  await run('runuser', [
    '-u',
    OS_USER,
    '--',
    join(POSTGRES_BIN, 'initdb'),
    '--pgdata',
    data,
    '--username',
    OS_USER,
    `--pwfile=${passwordFile}`,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  await rm(passwordFile);

  const tlsSettings: string[] = [];
  if (options.tls) {
    // postgres refuses a key file anyone but its owner may read.
    const certificate = join(folder, 'server.crt');
    const key = join(folder, 'server.key');
    await writeFile(certificate, options.tls.certificate, { mode: 0o600 });
    await writeFile(key, options.tls.key, { mode: 0o600 });
    await Promise.all([chown(certificate, uid, gid), chown(key, uid, gid)]);
    tlsSettings.push('-c', 'ssl=on', '-c', `ssl_cert_file=${certificate}`, '-c', `ssl_key_file=${key}`);
  }

  const port = await freePort();
  const server = spawn(
    'runuser',
    [
      '-u',
      OS_USER,
      '--',
      join(POSTGRES_BIN, 'postgres'),
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      folder,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=300',
      '-c',
      'password_encryption=scram-sha-256',
      ...tlsSettings,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  server.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-8_000);
  });

  const superuser = { user: OS_USER, password };
  const superuserUrl = (database = 'postgres') =>
    `postgresql://${OS_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  try {
    await untilAccepting(superuserUrl(), server, () => log);
  } catch (error) {
    await stopServer(server, data);
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    superuser,
    superuserUrl,
    async stop() {
      await stopServer(server, data);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function osAccount(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function untilAccepting(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited (${server.exitCode}):\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`postgres did not accept connections in 30 s:\n${log()}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/**
 * A fast shutdown: open test connections are cut, nothing of the cluster is kept. The signal goes to the postmaster
 * itself (its pid heads postmaster.pid): runuser does not pass SIGINT on, and SIGTERM would wait for every client.
 */
async function stopServer(server: ChildProcess, data: string): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const pid = Number((await readFile(join(data, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
  if (pid > 0) process.kill(pid, 'SIGINT');
  else server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
