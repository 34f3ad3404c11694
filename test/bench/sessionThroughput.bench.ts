import { spawn } from 'node:child_process';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { createApi } from '../../main/api/createApi.node.ts';
import { startBrowserServer, type BrowserServer } from '../../main/transport/browserServer.node.ts';
import { decodeTerminalFrame } from '../../common/api/terminalFrame.ts';
import { AckBatcher } from '../../common/sessions/ackBatcher.ts';
import { apiCaller } from '../support/apiCaller.ts';
import { openBrowserSession, type BrowserSessionClient } from '../support/browserSession.ts';
import { openPassphraseBackend } from '../support/passphraseBackend.ts';
import { prepareSessionCustomer } from '../support/sessionCustomer.ts';
import {
  authorizedKeyPair,
  startSshd,
  type SshdFixture,
  type UserKeyPair,
} from '../support/sshd/sshdFixture.ts';

/*
 * Session throughput: the same sshd sends the same text (48 MiB of random bytes as base64, 64 MiB of output) through
 * a pty to
 * - the baseline, OpenSSH's own `ssh -tt`, whose output a pipe drains as fast as it comes;
 * - a Lotsen SSH session (ssh2, flow control, recording into the encrypted store, binary WebSocket frames of
 *   `lotsen serve`) to a WebSocket client that acknowledges each frame as xterm.js's write callback would.
 * Both log in with the same key. Target: Lotsen at least half of OpenSSH's throughput.
 */
const SOURCE_MIB = 48;
const COMMAND = `head -c ${SOURCE_MIB}M /dev/urandom | base64 -w 76`;
const OPTIONS = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 };

let sshd: SshdFixture;
let key: UserKeyPair;
let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let server: BrowserServer;
let browser: BrowserSessionClient;
let prepared: Awaited<ReturnType<typeof prepareSessionCustomer>>;
const megabytesPerSecond: Record<string, number[]> = {};

beforeAll(async () => {
  sshd = await startSshd();
  key = await authorizedKeyPair(sshd);
  opened = await openPassphraseBackend();
  const api = createApi(opened.backend, () => undefined);
  prepared = await prepareSessionCustomer(apiCaller(api), {
    host: sshd.host,
    port: sshd.port,
    username: sshd.username,
    secret: key.privateKey,
  });
  server = await startBrowserServer({ api, backend: opened.backend, staticDir: '/nonexistent' });
  browser = await openBrowserSession(server.url);
}, 60_000);

afterAll(async () => {
  for (const [name, rates] of Object.entries(megabytesPerSecond)) {
    const sorted = [...rates].sort((a, b) => a - b);
    console.log(
      `${name}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} MB/s over ${rates.length} runs`,
    );
  }
  const [openssh, lotsen] = [megabytesPerSecond.openssh, megabytesPerSecond.lotsen].map(
    (rates) => [...(rates ?? [0])].sort((a, b) => a - b)[Math.floor((rates?.length ?? 1) / 2)]!,
  );
  console.log(`Lotsen / OpenSSH throughput: ${(lotsen! / openssh!).toFixed(2)}x (target >= 0.5x)`);
  await server?.close();
  await opened?.cleanup();
  await key?.cleanup();
  await sshd?.stop();
});

function record(name: string, bytes: number, ms: number) {
  (megabytesPerSecond[name] ??= []).push(bytes / 1e6 / (ms / 1000));
}

describe(`${SOURCE_MIB} MiB as base64 text through a pty from the same sshd`, () => {
  bench(
    'baseline: OpenSSH ssh -tt',
    async () => {
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
      record('openssh', bytes, performance.now() - started);
    },
    OPTIONS,
  );

  bench(
    'Lotsen session to an acknowledging WebSocket client',
    async () => {
      const started = performance.now();
      const socket = await browser.connect();
      let nextId = 1;
      const call = (method: string, input: unknown) =>
        socket.send(JSON.stringify({ type: 'call', id: nextId++, method, input }));
      let sessionId = '';
      let bytes = 0;
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
            result?: { ok: boolean; value?: { id: string } };
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
          } else if (message.event === 'sessions.changed' && message.payload?.id === sessionId) {
            const state = message.payload.state;
            // The shell is asked to run the command and leave: `exec` ends the session with it.
            if (state === 'open') call('sessions.input', { sessionId, data: `exec sh -c '${COMMAND}'\n` });
            if (state === 'closed') resolve();
            if (state === 'failed' || state === 'disconnected')
              reject(new Error(message.payload.endMessage ?? state));
          }
        });
      });
      call('sessions.open', {
        ticketId: prepared.ticket.id,
        environmentId: prepared.environment.id,
        kind: 'ssh',
        serverId: prepared.server.id,
        accountId: prepared.account.id,
      });
      await ended;
      socket.close();
      record('lotsen', bytes, performance.now() - started);
    },
    OPTIONS,
  );
});
