import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A real local account for the SSH tests (we run as root here and in CI); made once, idempotently. */
export const SSH_TEST_USER = 'lotsen-ssh-test';
export const SSH_TEST_PASSWORD = 'Lösen-för-sshd-42';

let testUserReady: Promise<void> | undefined;

/** Once per process; test files run in parallel processes, so each step tolerates another doing the same. */
export function ensureTestUser(): Promise<void> {
  testUserReady ??= (async () => {
    const exists = () =>
      run('id', [SSH_TEST_USER]).then(
        () => true,
        () => false,
      );
    if (!(await exists())) {
      // Another process may create it between our look and useradd; only a still-missing user is an error.
      await run('useradd', ['--create-home', '--shell', '/bin/bash', SSH_TEST_USER]).catch(async (error) => {
        if (!(await exists())) throw error;
      });
    }
    await retryWhileLocked(() => setPassword());
  })();
  return testUserReady;
}

function setPassword(): Promise<void> {
  const chpasswd = spawn('chpasswd', { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  chpasswd.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  chpasswd.stdin.end(`${SSH_TEST_USER}:${SSH_TEST_PASSWORD}\n`);
  return new Promise((resolve, reject) =>
    chpasswd.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`chpasswd ${code}: ${stderr}`)),
    ),
  );
}

/** chpasswd fails rather than waits when another process holds /etc/shadow's lock. */
async function retryWhileLocked(attempt: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline || !/lock/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type HostKeyType = 'ssh-ed25519' | 'ssh-rsa';

export interface SshdFixture {
  host: string;
  port: number;
  username: string;
  password: string;
  /** `SHA256:…` per host-key type, as `ssh-keygen -lf` prints them. */
  hostKeyFingerprints: Record<HostKeyType, string>;
  authorizedKeysFile: string;
  /** sshd's own log (stderr), so far. */
  log(): string;
  /** SIGKILL to sshd and its connections' processes, as a crash would. */
  kill(): void;
  /** SIGSTOP to them all: the TCP connection stays up but nothing answers, as behind a dead link. */
  freeze(): void;
  stop(): Promise<void>;
  /** Stops this sshd and starts another on the same host and port with fresh host keys. */
  restartWithNewHostKeys(): Promise<SshdFixture>;
}

const hostKeySpecs: { type: HostKeyType; args: string[]; file: string }[] = [
  { type: 'ssh-ed25519', args: ['-t', 'ed25519'], file: 'host_ed25519' },
  { type: 'ssh-rsa', args: ['-t', 'rsa', '-b', '2048'], file: 'host_rsa' },
];

/**
 * A real OpenSSH sshd on a free 127.0.0.1 port with fresh host keys, logging to a string the test reads.
 * `port` may be given to start an sshd where another one was.
 */
export async function startSshd(options: { port?: number } = {}): Promise<SshdFixture> {
  await ensureTestUser();
  await mkdir('/run/sshd', { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'lotsen-sshd-'));
  // sshd reads authorized_keys as the logging-in user, so the folder must be open to it.
  await chmod(dir, 0o755);
  const hostKeyFingerprints = {} as Record<HostKeyType, string>;
  for (const spec of hostKeySpecs) {
    const file = join(dir, spec.file);
    await run('ssh-keygen', ['-q', ...spec.args, '-N', '', '-C', '', '-f', file]);
    hostKeyFingerprints[spec.type] = (await run('ssh-keygen', ['-l', '-f', `${file}.pub`])).stdout.split(
      ' ',
    )[1]!;
  }
  const authorizedKeysFile = join(dir, 'authorized_keys');
  await writeFile(authorizedKeysFile, '', { mode: 0o644 });
  const port = options.port ?? (await freePort());
  const config = join(dir, 'sshd_config');
  await writeFile(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      ...hostKeySpecs.map((spec) => `HostKey ${join(dir, spec.file)}`),
      'PidFile none',
      'UsePAM yes',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication yes',
      'PubkeyAuthentication yes',
      `AuthorizedKeysFile ${authorizedKeysFile}`,
      'StrictModes no',
      'AllowTcpForwarding yes',
      // Not VERBOSE: OpenSSH 9.2 logs the target of a direct-tcpip forward (a jump) only at DEBUG1
      // ("server_request_direct_tcpip: originator …, target HOST port PORT").
      'LogLevel DEBUG1',
      `AllowUsers ${SSH_TEST_USER}`,
      'PrintMotd no',
      // As Debian's own sshd_config: the client's locale is taken (OpenSSH's SendEnv LANG LC_*, and Lotsen's).
      'AcceptEnv LANG LC_*',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  try {
    await waitForPort(port, child, () => log);
  } catch (error) {
    signalTree(child, 'SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // A frozen sshd would hold SIGTERM until continued.
      signalTree(child, 'SIGCONT');
      if (signalTree(child, 'SIGTERM')) await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  return {
    host: '127.0.0.1',
    port,
    username: SSH_TEST_USER,
    password: SSH_TEST_PASSWORD,
    hostKeyFingerprints,
    authorizedKeysFile,
    log: () => log,
    kill: () => void signalTree(child, 'SIGKILL'),
    freeze: () => void signalTree(child, 'SIGSTOP'),
    stop,
    async restartWithNewHostKeys() {
      await stop();
      return startSshd({ port });
    },
  };
}

/**
 * Signals sshd and every process it forked (per-connection monitors and sessions start sessions of their own, so a
 * process group would not reach them); false when sshd is already gone.
 */
function signalTree(child: ChildProcess, signal: NodeJS.Signals): boolean {
  let signalled = false;
  for (const pid of [child.pid!, ...descendantsOf(child.pid!)]) {
    try {
      process.kill(pid, signal);
      signalled = true;
    } catch {
      // already gone
    }
  }
  return signalled;
}

function descendantsOf(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sshd exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`sshd did not listen on ${port}: ${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface UserKeyPair {
  /** The private key file's contents (OpenSSH format, encrypted when a passphrase was given). */
  privateKey: string;
  file: string;
  cleanup(): Promise<void>;
}

/** A user ed25519 key pair from ssh-keygen, encrypted when a passphrase is given, not authorized anywhere. */
export async function makeUserKeyPair(passphrase = ''): Promise<UserKeyPair> {
  const dir = await mkdtemp(join(tmpdir(), 'lotsen-userkey-'));
  const file = join(dir, 'id_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'lotsen-test', '-f', file]);
  return {
    privateKey: await readFile(file, 'utf8'),
    file,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A user key pair whose public half the sshd accepts. */
export async function authorizedKeyPair(sshd: SshdFixture, passphrase = ''): Promise<UserKeyPair> {
  const pair = await makeUserKeyPair(passphrase);
  await appendFile(sshd.authorizedKeysFile, await readFile(`${pair.file}.pub`, 'utf8'));
  return pair;
}

/** A real ssh-agent holding one unencrypted key; `socket` is what SSH_AUTH_SOCK would be. */
export async function startAgent(keyFile: string): Promise<{ socket: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'lotsen-agent-'));
  const socket = join(dir, 'agent.sock');
  const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  const exited = new Promise((resolve) => agent.once('exit', resolve));
  const stop = async () => {
    if (agent.exitCode === null && agent.signalCode === null && agent.kill('SIGTERM')) await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 20_000;
    while (!existsSync(socket)) {
      if (agent.exitCode !== null) throw new Error(`ssh-agent exited (${agent.exitCode})`);
      if (Date.now() > deadline) throw new Error('ssh-agent did not open its socket');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await run('ssh-add', ['-q', keyFile], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
  } catch (error) {
    await stop();
    throw error;
  }
  return { socket, stop };
}
