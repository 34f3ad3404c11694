import { loadavg } from 'node:os';
import { decodeTerminalFrame } from '../../../common/api/terminalFrame.ts';
import { AckBatcher, FLOW_ACK_SIZE_BYTES } from '../../../common/sessions/ackBatcher.ts';
import {
  FLOW_HIGH_WATERMARK_BYTES,
  FLOW_LOW_WATERMARK_BYTES,
} from '../../../main/sessions/terminal/flowControl.ts';
import type { SessionOpenInput } from '../../../common/sessions/model.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import type { SessionManagerOptions } from '../../../main/sessions/sessionManager.node.ts';
import { startBrowserServer } from '../../../main/transport/browserServer.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openBrowserSession, type BrowserSessionClient } from '../../support/browserSession.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { prepareSessionCustomer, type SessionTarget } from '../../support/sessionCustomer.ts';
import { CpuProfile } from './cpuProfile.ts';

export interface SessionBench {
  browser: BrowserSessionClient;
  prepared: Awaited<ReturnType<typeof prepareSessionCustomer>>;
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
  const file = process.env.LOTSEN_BENCH_CPU_PROFILE;
  const profile = file ? new CpuProfile(file) : undefined;
  return {
    browser,
    prepared,
    startProfile: async () => profile?.start(),
    async finish(report) {
      report();
      if (profile) console.log(await profile.stop());
      await server.close();
      await opened.cleanup();
    },
  };
}

/**
 * Opens a session over `lotsen serve`'s WebSocket, types `command` once it is open, and counts the terminal bytes
 * that arrive until the session closes, acknowledging them as the renderer's terminal does after drawing (the
 * product's AckBatcher, its ack size): the client half of the session benches. Resolves with the bytes received.
 */
export async function runAckingSession(
  browser: BrowserSessionClient,
  open: SessionOpenInput,
  command: string,
): Promise<number> {
  const socket = await browser.connect();
  let nextId = 1;
  const call = (method: string, input: unknown) =>
    socket.send(JSON.stringify({ type: 'call', id: nextId++, method, input }));
  let sessionId = '';
  let bytes = 0;
  let typed = false;
  const type = () => {
    if (!typed) call('sessions.input', { sessionId, data: command });
    typed = true;
  };
  const acks = new AckBatcher((n) => call('sessions.ack', { sessionId, bytes: n }));
  const ended = new Promise<void>((resolve, reject) => {
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        const frame = decodeTerminalFrame(new Uint8Array(data as Buffer));
        if (!frame || frame.sessionId !== sessionId) return;
        bytes += frame.data.length;
        acks.drawn(frame.data.length);
        return;
      }
      const message = JSON.parse(String(data)) as {
        type: string;
        id?: number;
        event?: string;
        payload?: { id: string; state: string; endMessage: string | null };
        result?: { ok: boolean; value?: { id: string; state: string } };
      };
      if (message.event === 'sessions.prompt') {
        // First contact with this sshd: its host key is trusted, as a technician would after checking it.
        const prompt = message.payload as unknown as { sessionId: string; promptId: string };
        call('sessions.answerPrompt', {
          sessionId: prompt.sessionId,
          promptId: prompt.promptId,
          accept: true,
        });
      } else if (message.type === 'result' && message.id === 1) {
        if (!message.result?.ok) return reject(new Error('sessions.open failed'));
        sessionId = message.result.value!.id;
        // A local terminal is open when the call answers; an SSH session says so later.
        if (message.result.value!.state === 'open') type();
      } else if (message.event === 'sessions.changed' && message.payload?.id === sessionId) {
        const state = message.payload.state;
        if (state === 'open') type();
        if (state === 'closed') resolve();
        if (state === 'failed' || state === 'disconnected')
          reject(new Error(message.payload.endMessage ?? state));
      }
    });
  });
  call('sessions.open', open);
  await ended;
  socket.close();
  return bytes;
}

const median = (list: readonly number[]): number =>
  [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;

/** Each run's throughput by name, reported as medians beside the baseline's, with the configuration and the load. */
export class Throughputs {
  private readonly megabytesPerSecond: Record<string, number[]> = {};

  record(name: string, bytes: number, ms: number): void {
    (this.megabytesPerSecond[name] ??= []).push(bytes / 1e6 / (ms / 1000));
  }

  /**
   * `measured` names the runs set against the baseline (Lotsen's, unless told) and `recordedInto` where their
   * recordings were written.
   */
  report(
    title: string,
    baseline: string,
    ratioLabel: string,
    { measured = 'lotsen', recordedInto = 'the encrypted store' } = {},
  ): void {
    const [one, five, fifteen] = loadavg().map((l) => l.toFixed(1));
    console.log(
      `${title}: recording on (sealed batches into ${recordedInto}), ack every ${FLOW_ACK_SIZE_BYTES} B, ` +
        `pause above ${FLOW_HIGH_WATERMARK_BYTES} B unacknowledged, resume under ${FLOW_LOW_WATERMARK_BYTES} B; ` +
        `load average ${one}, ${five}, ${fifteen}`,
    );
    for (const [name, rates] of Object.entries(this.megabytesPerSecond)) {
      console.log(`${name}: median ${median(rates).toFixed(1)} MB/s over ${rates.length} runs`);
    }
    const rates = this.megabytesPerSecond;
    console.log(
      `${ratioLabel}: ${(median(rates[measured] ?? []) / median(rates[baseline] ?? [])).toFixed(2)}x`,
    );
  }
}
