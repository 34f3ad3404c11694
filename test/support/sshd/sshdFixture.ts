import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A real local account for the SSH tests (we run as root here and in CI); made once, idempotently. */
export const SSH_TEST_USER = 'lotsen-ssh-test';
export const SSH_TEST_PASSWORD = 'Lösen-för-sshd-42';

export async function ensureTestUser(): Promise<void> {
  const exists = await run('id', [SSH_TEST_USER]).then(
    () => true,
    () => false,
  );
  if (!exists) await run('useradd', ['--create-home', '--shell', '/bin/bash', SSH_TEST_USER]);
  const chpasswd = spawn('chpasswd');
  chpasswd.stdin.end(`${SSH_TEST_USER}:${SSH_TEST_PASSWORD}\n`);
  await new Promise<void>((resolve, reject) =>
    chpasswd.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`chpasswd ${code}`)))),
  );
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

export interface SshdFixture {
  host: string;
  port: number;
  /** `SHA256:…` of the ed25519 host key, as `ssh-keygen -lf` prints it. */
  hostKeyFingerprint: string;
  authorizedKeysFile: string;
  log(): string;
  /** SIGKILL to sshd and its connections' processes. */
  kill(): void;
  stop(): Promise<void>;
}

/**
 * A real OpenSSH sshd on a free 127.0.0.1 port with fresh host keys, logging to a string the test reads.
 * `port` may be given to start a second sshd where a first one was (a changed host key).
 */
export async function startSshd(options: { port?: number } = {}): Promise<SshdFixture> {
  await ensureTestUser();
  await mkdir('/run/sshd', { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'lotsen-sshd-'));
  // sshd reads authorized_keys as the logging-in user, so the folder must be open to it.
  await chmod(dir, 0o755);
  const hostKey = join(dir, 'host_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
  const fingerprint = (await run('ssh-keygen', ['-l', '-f', `${hostKey}.pub`])).stdout.split(' ')[1]!;
  const authorizedKeysFile = join(dir, 'authorized_keys');
  await writeFile(authorizedKeysFile, '', { mode: 0o644 });
  const port = options.port ?? (await freePort());
  const config = join(dir, 'sshd_config');
  await writeFile(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      'PidFile none',
      'UsePAM yes',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication yes',
      'PubkeyAuthentication yes',
      `AuthorizedKeysFile ${authorizedKeysFile}`,
      'StrictModes no',
      'AllowTcpForwarding yes',
      // DEBUG1: OpenSSH logs the targets of direct-tcpip forwards (jump hosts) only at debug level.
      'LogLevel DEBUG1',
      `AllowUsers ${SSH_TEST_USER}`,
      'PrintMotd no',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  await waitForPort(port, child, () => log);
  return {
    host: '127.0.0.1',
    port,
    hostKeyFingerprint: fingerprint,
    authorizedKeysFile,
    log: () => log,
    kill() {
      // As a crash would: the per-connection processes die with it.
      signalGroup(child, 'SIGKILL');
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        if (signalGroup(child, 'SIGTERM')) await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Signals sshd and every process it forked (per-connection monitors and sessions, which start sessions of their own,
 * so a process group would not reach them); false when sshd is already gone.
 */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  const pids = [child.pid!, ...descendantsOf(child.pid!)];
  let signalled = false;
  for (const pid of pids) {
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
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
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
  const deadline = Date.now() + 15_000;
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

/** A user key pair made by ssh-keygen, encrypted when a passphrase is given; its public half is authorized. */
export async function authorizedKeyPair(
  sshd: SshdFixture,
  passphrase = '',
): Promise<{ privateKey: string; file: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'lotsen-userkey-'));
  const file = join(dir, 'id_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-f', file]);
  const { readFile, appendFile } = await import('node:fs/promises');
  await appendFile(sshd.authorizedKeysFile, await readFile(`${file}.pub`, 'utf8'));
  return {
    privateKey: await readFile(file, 'utf8'),
    file,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A real ssh-agent holding one key; `socket` is what SSH_AUTH_SOCK would be. */
export async function startAgent(keyFile: string): Promise<{ socket: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'lotsen-agent-'));
  const socket = join(dir, 'agent.sock');
  const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const added = await run('ssh-add', [keyFile], { env: { ...process.env, SSH_AUTH_SOCK: socket } }).then(
      () => true,
      () => false,
    );
    if (added) break;
    if (Date.now() > deadline) throw new Error('ssh-agent did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    socket,
    async stop() {
      agent.kill('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
