import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RecordingPage, SessionView } from '../../../common/sessions/model.ts';
import { AckBatcher } from '../../../common/sessions/ackBatcher.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import {
  FLOW_HIGH_WATERMARK_BYTES,
  FLOW_LOW_WATERMARK_BYTES,
} from '../../../main/sessions/terminal/flowControl.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { prepareSessionCustomer, sessionTarget, sshOpenInput } from '../../support/sessionCustomer.ts';
import { startSshd, type SshdFixture } from '../../support/sshd/sshdFixture.ts';

const run = promisify(execFile);
// A full collection now and then separates what the backend holds from garbage it has not collected yet.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const strict = new TextDecoder('utf-8', { fatal: true });

const SIZE = 200 * 1024 * 1024;
const GENERATOR = `yes 'Lotsen flödeskontroll åäö 0123456789 😀' | head -c ${SIZE}`;
// Control bytes printf makes on the server: the echo of the typed command line shows them as backslash escapes, so
// only the program's own output holds them, and the generator's text never does.
const START = Buffer.from('\x1e\x1fSTART\x1f\x1e');
const END = Buffer.from('\x1e\x1fEND\x1f\x1e');
const printfOf = (marker: Buffer) =>
  `printf '${[...marker].map((b) => (b < 0x20 ? `\\${b.toString(8).padStart(3, '0')}` : String.fromCharCode(b))).join('')}'`;

/** ssh2's channel packets (its PACKET_SIZE), plus the up to 3 bytes of a character carried from the packet before. */
const MAX_CHUNK_BYTES = 32 * 1024 + 3;
/**
 * The stated memory bounds for the whole backend process while 200 MB pass through, as growth of heap plus external
 * memory: what it holds after a full collection, and what any sample shows, garbage included. Measured here: the
 * live heap grows by under 1 MiB and buffers in flight (SSH window, socket, ciphers) by 4-12 MiB, flat from the first
 * megabyte to the last; without flow control the backlog behind this client alone would be over 100 MB.
 */
const LIVE_MEMORY_BOUND_BYTES = 24 * 2 ** 20;
const SAMPLED_MEMORY_BOUND_BYTES = 64 * 2 ** 20;
/** The slow client draws at most this fast, and stalls for a long frame now and then, so the source must wait. */
const DRAW_BYTES_PER_SECOND = 8 * 2 ** 20;
const DRAW_TURN_MS = 4;
const DRAW_TURN_BYTES = (DRAW_BYTES_PER_SECOND * DRAW_TURN_MS) / 1000;
const LONG_FRAME_EVERY_BYTES = 16 * 2 ** 20;
const LONG_FRAME_MS = 200;

let sshd: SshdFixture;
let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
beforeAll(async () => {
  [sshd, opened] = await Promise.all([startSshd(), openPassphraseBackend()]);
});
afterAll(async () => {
  await Promise.all([sshd?.stop(), opened?.cleanup()]);
});

test('200 MB through an SSH session to a slow client: complete, recorded, with bounded acknowledgements and memory', async () => {
  // The reference, from the same generator outside SSH, any pty and Lotsen.
  const expected = (await run('/bin/sh', ['-c', `${GENERATOR} | sha256sum`])).stdout.split(' ')[0];

  const call = apiCaller(createApi(opened.backend, () => undefined, { connectTimeoutMs: 10_000 }));
  const prepared = await prepareSessionCustomer(call, sessionTarget(sshd));

  // The client's ledger. The dispatcher runs the ack handler before it first waits, so an acknowledgement counts in
  // the backend the moment it is sent: sent - acknowledged is the backend's own count of unacknowledged bytes.
  let sent = 0;
  let acknowledged = 0;
  let maxUnacknowledged = 0;
  let maxChunk = 0;
  let brokenChunks = 0;
  let pauses = 0;
  let pausedNow = false;
  let outputWhilePaused = 0;
  const whole = createHash('sha256');
  const content = createHash('sha256');
  let stage: 'before' | 'content' | 'after' = 'before';
  let contentBytes = 0;
  let pending = Buffer.alloc(0);
  let sessionId = '';
  let endSeen: () => void = () => undefined;
  const endArrived = new Promise<void>((resolve) => (endSeen = resolve));

  const acks = new AckBatcher((bytes) => {
    acknowledged += bytes;
    void call.ok('sessions.ack', { sessionId, bytes });
  });

  // A slow screen: draws in order at a fixed pace (time spent idle or in a long frame earns no more than one turn's
  // worth), takes a long frame now and then, and acknowledges in the ack batcher's steps as xterm's write callback
  // would.
  const queue: Uint8Array[] = [];
  let drawing = false;
  let credit = 0;
  let lastTurn = performance.now();
  let drawnSinceLongFrame = 0;
  let nextTurn: ReturnType<typeof setTimeout> | undefined;
  const turn = () => {
    const now = performance.now();
    credit = Math.min(credit + ((now - lastTurn) * DRAW_BYTES_PER_SECOND) / 1000, DRAW_TURN_BYTES);
    lastTurn = now;
    while (queue.length > 0 && credit > 0) {
      const chunk = queue.shift()!;
      credit -= chunk.length;
      drawnSinceLongFrame += chunk.length;
      acks.drawn(chunk.length);
    }
    if (queue.length === 0) {
      drawing = false;
      return;
    }
    let waitMs = DRAW_TURN_MS;
    if (drawnSinceLongFrame >= LONG_FRAME_EVERY_BYTES) {
      drawnSinceLongFrame = 0;
      waitMs = LONG_FRAME_MS;
    }
    nextTurn = setTimeout(turn, waitMs);
  };

  const take = (chunk: Buffer) => {
    if (stage === 'before') {
      pending = Buffer.concat([pending, chunk]);
      const at = pending.indexOf(START);
      if (at < 0) {
        pending = pending.subarray(Math.max(0, pending.length - START.length));
        return;
      }
      stage = 'content';
      const rest = pending.subarray(at + START.length);
      pending = Buffer.alloc(0);
      take(rest);
    } else if (stage === 'content') {
      const part = chunk.subarray(0, SIZE - contentBytes);
      content.update(part);
      contentBytes += part.length;
      if (contentBytes === SIZE) {
        stage = 'after';
        take(chunk.subarray(part.length));
      }
    } else {
      pending = Buffer.concat([pending, chunk]);
      if (pending.length >= END.length) endSeen();
    }
  };

  const stop = opened.backend.on('terminal.output', ({ sessionId: id, data }) => {
    if (id !== sessionId) return;
    // Once the count is over the high watermark the backend must have paused the SSH channel: nothing may arrive until
    // acknowledgements have brought it under the low watermark.
    if (pausedNow) {
      if (sent - acknowledged >= FLOW_LOW_WATERMARK_BYTES) outputWhilePaused++;
      pausedNow = false;
    }
    sent += data.length;
    maxUnacknowledged = Math.max(maxUnacknowledged, sent - acknowledged);
    if (sent - acknowledged > FLOW_HIGH_WATERMARK_BYTES) {
      pauses++;
      pausedNow = true;
    }
    maxChunk = Math.max(maxChunk, data.length);
    try {
      strict.decode(data);
    } catch {
      brokenChunks++;
    }
    const chunk = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    whole.update(chunk);
    take(chunk);
    queue.push(data);
    if (!drawing) {
      drawing = true;
      turn();
    }
  });

  try {
    const hostKey = new Promise<string>((resolve) => {
      const off = opened.backend.on('sessions.prompt', (prompt) => {
        off();
        resolve(prompt.promptId);
      });
    });
    const isOpen = new Promise<SessionView>((resolve) => {
      const off = opened.backend.on('sessions.changed', (view) => {
        if (view.id === sessionId && ['open', 'failed', 'closed'].includes(view.state)) {
          off();
          resolve(view);
        }
      });
    });
    const session = await call.ok('sessions.open', sshOpenInput(prepared, { cols: 120, rows: 40 }));
    sessionId = session.id;
    await call.ok('sessions.answerPrompt', { sessionId, promptId: await hostKey, accept: true });
    expect((await isOpen).state).toBe('open');

    // Memory is measured from here, with the session open: what grows is what the 200 MB cost. Sampling is cheap
    // (every 100 ms); a full collection every 2 s gives the live figure.
    const memory = () => {
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.external;
    };
    collectGarbage();
    const baseline = memory();
    let maxGrowth = 0;
    let maxLiveGrowth = 0;
    let samples = 0;
    const sampler = setInterval(() => {
      if (++samples % 20 === 0) {
        collectGarbage();
        maxLiveGrowth = Math.max(maxLiveGrowth, memory() - baseline);
      } else {
        maxGrowth = Math.max(maxGrowth, memory() - baseline);
      }
    }, 100);
    const started = performance.now();

    // Raw and without echo on the server's pty, so the bytes leave it unchanged (no \n -> \r\n).
    await call.ok('sessions.input', {
      sessionId,
      data: `stty raw -echo; ${printfOf(START)}; ${GENERATOR}; ${printfOf(END)}\n`,
    });
    await endArrived;
    clearInterval(sampler);
    maxGrowth = Math.max(maxGrowth, memory() - baseline);
    const seconds = (performance.now() - started) / 1000;

    const closed = await call.ok('sessions.close', { sessionId });
    expect(closed.state).toBe('closed');

    // The recording, read back from the encrypted store through the API, holds exactly what the client was sent.
    const [recording] = await call.ok('recordings.list', { ticketId: prepared.ticket.id });
    const recorded = createHash('sha256');
    const encoder = new TextEncoder();
    let recordedBytes = 0;
    let fromSeq: number | null = 0;
    while (fromSeq !== null) {
      const page: RecordingPage = await call.ok('recordings.read', {
        recordingId: recording!.id,
        fromSeq,
        limit: 64,
      });
      for (const line of page.events.split('\n')) {
        if (line === '') continue;
        const [, type, text] = JSON.parse(line) as [number, string, string];
        if (type !== 'o') continue;
        const bytes = encoder.encode(text);
        recorded.update(bytes);
        recordedBytes += bytes.length;
      }
      fromSeq = page.nextSeq;
    }

    console.log(
      `session flow control: ${SIZE / 2 ** 20} MiB over SSH in ${seconds.toFixed(1)} s, ${pauses} pauses, ` +
        `max unacknowledged ${maxUnacknowledged} B, largest chunk ${maxChunk} B, ` +
        `heap+external growth max ${(maxGrowth / 2 ** 20).toFixed(1)} MiB sampled, ` +
        `${(maxLiveGrowth / 2 ** 20).toFixed(1)} MiB live (${Math.floor(samples / 20)} collections), ` +
        `recording ${recording!.bytes} B`,
    );

    expect(contentBytes).toBe(SIZE);
    expect(content.digest('hex')).toBe(expected);
    expect(pending.subarray(0, END.length).equals(END)).toBe(true);
    expect(brokenChunks).toBe(0);
    // Flow control was exercised, and each pause held.
    expect(pauses).toBeGreaterThan(0);
    expect(outputWhilePaused).toBe(0);
    // The stated bound: the high watermark plus the one chunk that crossed it.
    expect(maxChunk).toBeLessThanOrEqual(MAX_CHUNK_BYTES);
    expect(maxUnacknowledged).toBeLessThanOrEqual(FLOW_HIGH_WATERMARK_BYTES + MAX_CHUNK_BYTES);
    expect(samples).toBeGreaterThanOrEqual(20);
    expect(maxLiveGrowth).toBeLessThan(LIVE_MEMORY_BOUND_BYTES);
    expect(maxGrowth).toBeLessThan(SAMPLED_MEMORY_BOUND_BYTES);
    expect(recording!.bytes).toBe(sent);
    expect(recordedBytes).toBe(sent);
    expect(recorded.digest('hex')).toBe(whole.digest('hex'));
  } finally {
    // The screen stops with the test: it would otherwise go on acknowledging into a closed backend.
    stop();
    clearTimeout(nextTurn);
    queue.length = 0;
  }
}, 180_000);
