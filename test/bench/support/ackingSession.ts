import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'rolldown';
import { FLOW_ACK_SIZE_BYTES } from '../../../common/sessions/ackBatcher.ts';
import {
  FLOW_HIGH_WATERMARK_BYTES,
  FLOW_LOW_WATERMARK_BYTES,
} from '../../../main/sessions/terminal/flowControl.ts';
import type { SessionOpenInput } from '../../../common/sessions/model.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import type { SessionManagerOptions } from '../../../main/sessions/sessionManager.node.ts';
import { startBrowserServer } from '../../../main/transport/browserServer.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openBrowserSession } from '../../support/browserSession.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { prepareSessionCustomer, type SessionTarget } from '../../support/sessionCustomer.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import type { AckingAnswer, AckingRun } from './ackingClient.ts';
import { CpuProfile } from './cpuProfile.ts';
import { cpuMeter, type CpuSpent } from './threadCpu.ts';

export interface SessionBench {
  prepared: Awaited<ReturnType<typeof prepareSessionCustomer>>;
  /**
   * Opens a session, types `command` once it is open, and resolves with the terminal bytes the acknowledging client
   * (ackingClient.ts, in a process of its own) received until the session closed, and the CPU time Lotsen spent.
   */
  runAcking(open: SessionOpenInput, command: string): Promise<{ bytes: number; cpu: CpuSpent }>;
  /** Profiles the Lotsen runs when LOTSEN_BENCH_CPU_PROFILE names a file (cpuProfile.ts); a no-op otherwise. */
  startProfile(): Promise<void>;
  /** Reports the throughputs (and the profile), then stops the server and removes the store. */
  finish(report: () => void): Promise<void>;
}

/**
 * What a session bench runs on: a passphrase store with an eligible customer whose server is `target`, served by
 * `lotsen serve`'s browser server, with one browser session logged in. The store is an embedded one unless `source`
 * says `team`: a team database of its own on the run's PostgreSQL (test/globalSetup.ts starts it for every run).
 */
export async function sessionBench(
  target: SessionTarget,
  sessionOptions: SessionManagerOptions = {},
  source: 'embedded' | 'team' = 'embedded',
): Promise<SessionBench> {
  const opened = await openPassphraseBackend({ source });
  const api = createApi(opened.backend, () => undefined, sessionOptions);
  const prepared = await prepareSessionCustomer(apiCaller(api), target);
  const server = await startBrowserServer({ api, backend: opened.backend, staticDir: '/nonexistent' });
  const browser = await openBrowserSession(server.url);
  const client = await AckingClient.start();
  const file = process.env.LOTSEN_BENCH_CPU_PROFILE;
  const profile = file ? new CpuProfile(file) : undefined;
  return {
    prepared,
    async runAcking(open, command) {
      const spent = cpuMeter();
      const bytes = await client.run({
        socketUrl: browser.socketUrl,
        origin: browser.origin,
        cookie: browser.cookie,
        open,
        command,
      });
      return { bytes, cpu: spent() };
    },
    startProfile: async () => profile?.start(),
    async finish(report) {
      report();
      if (profile) console.log(await profile.stop());
      await client.stop();
      await server.close();
      await opened.cleanup();
    },
  };
}

/**
 * The acknowledging client (ackingClient.ts) in a process of its own, as the renderer is: bundled into one CommonJS
 * file (Node runs no TypeScript; ws goes in with it, its optional native helpers stay out as they are absent here)
 * and forked, once per bench server, before any run is timed.
 */
class AckingClient {
  private constructor(
    private readonly child: ChildProcess,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(): Promise<AckingClient> {
    const temp = await makeTempDataDir('lotsen-bench-client-');
    await build({
      input: join(import.meta.dirname, 'ackingClient.ts'),
      platform: 'node',
      external: [/^node:/, 'bufferutil', 'utf-8-validate'],
      logLevel: 'warn',
      output: { file: join(temp.dir, 'ackingClient.cjs'), format: 'cjs' },
    });
    const child = fork(join(temp.dir, 'ackingClient.cjs'), [], { stdio: 'inherit' });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    return new AckingClient(child, temp.cleanup);
  }

  run(request: AckingRun): Promise<number> {
    return new Promise((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`the acking client exited with ${code}`));
      this.child.once('exit', exited);
      this.child.once('message', (answer: AckingAnswer) => {
        this.child.off('exit', exited);
        if (answer.ok) resolve(answer.bytes);
        else reject(new Error(answer.message));
      });
      this.child.send(request);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill();
      await exited;
    }
    await this.cleanup();
  }
}

const median = (list: readonly number[]): number =>
  [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;

/**
 * Each run's throughput by name, reported as medians beside the baseline's, with the configuration and the load, and
 * for Lotsen's runs the CPU time its event loop and its other threads spent on a run. Runs made in pairs (`pair`) are
 * also set against each other, each measured run against the baseline run just before it.
 */
export class Throughputs {
  private readonly megabytesPerSecond: Record<string, number[]> = {};
  private readonly cpu: Record<string, CpuSpent[]> = {};
  private readonly pairRatios: number[] = [];

  record(name: string, bytes: number, ms: number, cpu?: CpuSpent): void {
    (this.megabytesPerSecond[name] ??= []).push(bytes / 1e6 / (ms / 1000));
    if (cpu) (this.cpu[name] ??= []).push(cpu);
  }

  /**
   * Ends a pair: the last run of `measured` against the last of `baseline`. A warm-up pair (the first session meets
   * the host key prompt and a cold JIT) is taken out of every figure instead.
   */
  pair(baseline: string, measured: string, { warmup = false } = {}): void {
    if (warmup) {
      for (const name of [baseline, measured]) {
        this.megabytesPerSecond[name]?.pop();
        this.cpu[name]?.pop();
      }
      return;
    }
    const last = (name: string) => this.megabytesPerSecond[name]?.at(-1) ?? Number.NaN;
    this.pairRatios.push(last(measured) / last(baseline));
  }

  /**
   * `measured` names the runs set against the baseline (Lotsen's, unless told) and `recordedInto` where their
   * recordings were written.
   */
  report(
    title: string,
    baseline: string,
    ratioLabel: string,
    { measured = 'lotsen', recordedInto = "the embedded store's recordings' file" } = {},
  ): void {
    const [one, five, fifteen] = loadavg().map((l) => l.toFixed(1));
    console.log(
      `${title}: recording on (sealed batches into ${recordedInto}), ack every ${FLOW_ACK_SIZE_BYTES} B, ` +
        `pause above ${FLOW_HIGH_WATERMARK_BYTES} B unacknowledged, resume under ${FLOW_LOW_WATERMARK_BYTES} B, ` +
        'the acking client in a process of its own; ' +
        `load average ${one}, ${five}, ${fifteen}`,
    );
    for (const [name, rates] of Object.entries(this.megabytesPerSecond)) {
      const spent = this.cpu[name];
      const cpu = spent
        ? `; CPU a run: event loop ${median(spent.map((c) => c.eventLoopMs)).toFixed(0)} ms, ` +
          `other threads ${median(spent.map((c) => c.otherThreadsMs)).toFixed(0)} ms (medians)`
        : '';
      console.log(`${name}: median ${median(rates).toFixed(1)} MB/s over ${rates.length} runs${cpu}`);
    }
    if (this.pairRatios.length > 0) {
      const each = this.pairRatios.map((r) => `${r.toFixed(2)}x`).join(', ');
      console.log(
        `${ratioLabel}: ${median(this.pairRatios).toFixed(2)}x, the median of ${this.pairRatios.length} pairs (${each})`,
      );
      return;
    }
    const rates = this.megabytesPerSecond;
    console.log(
      `${ratioLabel}: ${(median(rates[measured] ?? []) / median(rates[baseline] ?? [])).toFixed(2)}x`,
    );
  }
}
