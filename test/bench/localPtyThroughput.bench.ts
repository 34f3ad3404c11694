import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { localOpenInput } from '../support/sessionCustomer.ts';
import { makeTempDataDir } from '../support/tempDataDir.ts';
import { sessionBench, Throughputs, type SessionBench } from './support/ackingSession.ts';

/*
 * Local terminal throughput (issue 17: the session bench's question for a local pty): the same file (48 MiB of random
 * bytes as base64, 64 MiB of text, read from the page cache) is `cat` in
 * - the baseline, a plain pty: util-linux `script`, which copies the pty's output to a pipe drained as fast as it
 *   comes, as a terminal emulator's pty would be read with nothing between;
 * - a Lotsen local session (node-pty, flow control, recording into the encrypted store, binary WebSocket frames of
 *   `lotsen serve`) to a WebSocket client that acknowledges as the renderer's terminal does, in a process of its own
 *   as the renderer is;
 * - the same session of a team member: its recording's sealed batches go through the session's books to the team's
 *   PostgreSQL (the run's own, on loopback), on the event loop, where an embedded store's go to a worker thread.
 * LOTSEN_BENCH_CPU_PROFILE=<file.cpuprofile> profiles this process over the Lotsen runs and prints where the time went.
 */
const SOURCE_MIB = 48;
const OPTIONS = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 };

let temp: Awaited<ReturnType<typeof makeTempDataDir>>;
let file: string;
let lotsen: SessionBench;
let team: SessionBench;
const throughputs = new Throughputs();

function exited(child: ReturnType<typeof spawn>, what: string): Promise<void> {
  return new Promise((resolve, reject) =>
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${what} exited with ${code}`)),
    ),
  );
}

beforeAll(async () => {
  temp = await makeTempDataDir('lotsen-bench-pty-');
  file = join(temp.dir, 'output.txt');
  await exited(
    spawn('sh', ['-c', `head -c ${SOURCE_MIB}M /dev/urandom | base64 -w 76 > '${file}'`], {
      stdio: 'ignore',
    }),
    'making the file',
  );
  // The session's ticket and environment; its SSH server is never reached.
  const target = { host: '127.0.0.1', port: 22, username: 'tekla', secret: 'unused' };
  lotsen = await sessionBench(target, { shell: '/bin/sh' });
  team = await sessionBench(target, { shell: '/bin/sh' }, 'team');
}, 120_000);

afterAll(async () => {
  await lotsen?.finish(() =>
    throughputs.report('local pty throughput', 'plainPty', 'Lotsen local session / cat in a plain pty'),
  );
  await team?.finish(() =>
    throughputs.report(
      'the same on a team database',
      'plainPty',
      "A team member's local session / cat in a plain pty",
      {
        measured: 'team',
        recordedInto: "the team's PostgreSQL through the session's books, on the event loop",
      },
    ),
  );
  await temp?.cleanup();
});

/** Runs `cat` of the file in a local session of `store`'s, its throughput recorded under `name`. */
async function catInSession(store: SessionBench, name: string): Promise<void> {
  const started = performance.now();
  // `exec`: the session ends with cat.
  const { bytes, cpu } = await store.runAcking(localOpenInput(store.prepared), `exec cat '${file}'\n`);
  throughputs.record(name, bytes, performance.now() - started, cpu);
}

describe(`${SOURCE_MIB} MiB as base64 text, cat in a pty`, () => {
  bench(
    'baseline: cat in a plain pty (util-linux script)',
    async () => {
      const started = performance.now();
      const child = spawn('script', ['-q', '-e', '-c', `cat '${file}'`, '/dev/null'], {
        stdio: ['pipe', 'pipe', 'ignore'],
      });
      let bytes = 0;
      child.stdout!.on('data', (chunk: Buffer) => (bytes += chunk.length));
      await exited(child, 'script');
      throughputs.record('plainPty', bytes, performance.now() - started);
    },
    OPTIONS,
  );

  // Before the embedded store's runs, so that a profile (started at their first) covers those alone.
  // Async, as the other: a plain function's promise is only found by calling it once more than asked.
  bench(
    "a team member's local session, the same way",
    async () => {
      await catInSession(team, 'team');
    },
    OPTIONS,
  );

  bench(
    'Lotsen local session to an acknowledging WebSocket client',
    async () => {
      await lotsen.startProfile();
      await catInSession(lotsen, 'lotsen');
    },
    OPTIONS,
  );
});
