import { spawn } from 'node:child_process';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { sshOpenInput } from '../support/sessionCustomer.ts';
import {
  authorizedKeyPair,
  startSshd,
  type SshdFixture,
  type UserKeyPair,
} from '../support/sshd/sshdFixture.ts';
import { sessionBench, Throughputs, type SessionBench } from './support/ackingSession.ts';

/*
 * Session throughput: the same sshd sends the same text (48 MiB of random bytes as base64, 64 MiB of output) through
 * a pty to
 * - the baseline, OpenSSH's own `ssh -tt`, whose output a pipe drains as fast as it comes;
 * - a Lotsen SSH session (ssh2, flow control, recording into the encrypted store, binary WebSocket frames of
 *   `lotsen serve`) to a WebSocket client that acknowledges each frame as xterm.js's write callback would, in a
 *   process of its own as the renderer is.
 * Both log in with the same key, in alternating runs. Target (issue 17): Lotsen at least OpenSSH's throughput.
 * LOTSEN_BENCH_CPU_PROFILE=<file.cpuprofile> profiles this process over the Lotsen runs (the backend, its recorder,
 * the WebSocket server; not the client) and prints where the time went.
 */
const SOURCE_MIB = 48;
const COMMAND = `head -c ${SOURCE_MIB}M /dev/urandom | base64 -w 76`;
const OPTIONS = { iterations: 5, warmupIterations: 1, time: 0, warmupTime: 0 };

let sshd: SshdFixture;
let key: UserKeyPair;
let lotsen: SessionBench;
const throughputs = new Throughputs();
let pairs = 0;

beforeAll(async () => {
  sshd = await startSshd();
  key = await authorizedKeyPair(sshd);
  lotsen = await sessionBench({
    host: sshd.host,
    port: sshd.port,
    username: sshd.username,
    secret: key.privateKey,
  });
}, 60_000);

afterAll(async () => {
  await lotsen?.finish(() =>
    throughputs.report('session throughput', 'openssh', 'Lotsen / OpenSSH throughput (target at least 1.0x)'),
  );
  await key?.cleanup();
  await sshd?.stop();
});

/** One run of the baseline: OpenSSH's client with a pty, its output drained by a pipe as fast as it comes. */
async function runOpenSsh(): Promise<void> {
  const started = performance.now();
  const child = spawn(
    'ssh',
    [
      '-tt',
      '-q',
      '-i',
      key.file,
      '-p',
      String(sshd.port),
      '-o',
      'StrictHostKeyChecking=no',
      '-o',
      'UserKnownHostsFile=/dev/null',
      '-o',
      'BatchMode=yes',
      `${sshd.username}@${sshd.host}`,
      COMMAND,
    ],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  let bytes = 0;
  child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`ssh exited with ${code}`);
  throughputs.record('openssh', bytes, performance.now() - started);
}

/** One run of a Lotsen session: the shell is asked to run the command and leave (`exec` ends the session with it). */
async function runLotsen(): Promise<void> {
  await lotsen.startProfile();
  const started = performance.now();
  const { bytes, cpu } = await lotsen.runAcking(sshOpenInput(lotsen.prepared), `exec sh -c '${COMMAND}'\n`);
  throughputs.record('lotsen', bytes, performance.now() - started, cpu);
}

describe(`${SOURCE_MIB} MiB as base64 text through a pty from the same sshd`, () => {
  // In pairs, the baseline then Lotsen, so each Lotsen run meets the load its baseline met a moment before: this
  // machine's load moves OpenSSH's figure by a third between minutes (27.7-35.8 MB/s in one afternoon).
  bench(
    'pairs: OpenSSH ssh -tt, then a Lotsen session to an acknowledging WebSocket client',
    async () => {
      await runOpenSsh();
      await runLotsen();
      throughputs.pair('openssh', 'lotsen', { warmup: pairs++ === 0 });
    },
    OPTIONS,
  );
});
