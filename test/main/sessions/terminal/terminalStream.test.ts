import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { AckBatcher } from '../../../../common/sessions/ackBatcher.ts';
import {
  FLOW_HIGH_WATERMARK_BYTES,
  RECORDING_HIGH_WATERMARK_BYTES,
  RECORDING_LOW_WATERMARK_BYTES,
} from '../../../../main/sessions/terminal/flowControl.ts';
import { spawnPty } from '../../../../main/sessions/terminal/ptySource.node.ts';
import { streamSource } from '../../../../main/sessions/terminal/streamSource.ts';
import { connectTerminal } from '../../../../main/sessions/terminal/terminalStream.ts';

const run = promisify(execFile);
const strict = new TextDecoder('utf-8', { fatal: true });

test('200 MB from a real pty to a slow client: complete, with bounded unacknowledged bytes and heap', async () => {
  // A real pty, not a stream stand-in: it streams 200 MB in a few seconds on this machine.
  const SIZE = 200 * 1024 * 1024;
  const command = `yes 'Lotsen flödeskontroll åäö 0123456789 😀' | head -c ${SIZE}`;
  // The reference checksum, from the same command outside any pty and outside Lotsen.
  const expected = (await run('/bin/sh', ['-c', `${command} | sha256sum`])).stdout.split(' ')[0];

  const hash = createHash('sha256');
  let received = 0;
  let maxPending = 0;
  let maxChunk = 0;
  let pauses = 0;
  let brokenChunks = 0;
  const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const memoryBefore = memory();
  let maxMemoryGrowth = 0;
  const sampler = setInterval(
    () => (maxMemoryGrowth = Math.max(maxMemoryGrowth, memory() - memoryBefore)),
    50,
  );
  const started = performance.now();

  await new Promise<void>((resolve) => {
    // Raw mode: the line discipline leaves the bytes alone, so they can be compared with the reference. The shell
    // then waits for a line, as an interactive one would, so the end of the output is not raced by the program's
    // exit (a node-pty limit described in ptySource.node.ts).
    const source = spawnPty({
      file: '/bin/sh',
      args: ['-c', `stty raw -echo; ${command}; read done`],
      cols: 80,
      rows: 24,
    });
    const pauseSource = source.pause;
    source.pause = () => {
      pauses++;
      pauseSource();
    };
    const stream = connectTerminal(source, {
      output: (bytes) => {
        hash.update(bytes);
        received += bytes.length;
        maxChunk = Math.max(maxChunk, bytes.length);
        maxPending = Math.max(maxPending, stream.pendingBytes);
        try {
          strict.decode(bytes); // whole characters only: the 3- and 4-byte ones in the text are cut somewhere
        } catch {
          brokenChunks++;
        }
        // A deliberately slow screen: each chunk is "drawn" a millisecond later (xterm.js's write callback),
        // and acknowledgements go back in steps, as VS Code's client sends them.
        setTimeout(() => acks.drawn(bytes.length), 1);
        if (received === SIZE) stream.input('\n');
      },
      exit: () => resolve(),
    });
    const acks = new AckBatcher((bytes) => stream.ack(bytes));
  });
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `pty flow control: ${SIZE / 2 ** 20} MiB in ${seconds.toFixed(1)} s (${(SIZE / 2 ** 20 / seconds).toFixed(0)} MiB/s), ` +
      `${pauses} pauses, max unacknowledged ${maxPending} B, largest chunk ${maxChunk} B, ` +
      `max heap+buffer growth ${(maxMemoryGrowth / 2 ** 20).toFixed(1)} MiB`,
  );

  expect(received).toBe(SIZE);
  expect(hash.digest('hex')).toBe(expected);
  expect(pauses).toBeGreaterThan(0); // the client really was too slow, so flow control was exercised
  // The stated bound: the high watermark plus the one chunk that crosses it (a pty read is at most 64 KiB).
  expect(maxPending).toBeLessThanOrEqual(FLOW_HIGH_WATERMARK_BYTES + 64 * 1024);
  // 200 MB went through; without flow control the backlog would be most of it. 48 MiB leaves room for the GC.
  expect(maxMemoryGrowth).toBeLessThan(48 * 2 ** 20);
  expect(brokenChunks).toBe(0);
}, 240_000);

test('multi-byte characters split across chunk boundaries arrive intact, each chunk whole characters', async () => {
  const text = 'Åsa i Växjö betalade 10 € för 😀 och 𝄞';
  const bytes = Buffer.from(text, 'utf8');
  const channel = new PassThrough();
  const received: Uint8Array[] = [];
  const recorded: Uint8Array[] = [];
  const done = new Promise<void>((resolve) => {
    const stream = connectTerminal(
      streamSource(channel),
      {
        output: (chunk) => {
          received.push(chunk);
          stream.ack(chunk.length);
        },
        exit: () => resolve(),
      },
      { recording: { output: (chunk) => recorded.push(chunk), onWritten: () => undefined } },
    );
  });
  // Cut inside every multi-byte character, at every position: 2-, 3- and 4-byte ones.
  const cuts = [...bytes.keys()].filter((i) => i > 0 && (bytes[i]! & 0xc0) === 0x80);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    channel.write(bytes.subarray(from, cut));
    from = cut;
    await new Promise((resolve) => setImmediate(resolve));
  }
  channel.end();
  await done;

  expect(received.length).toBeGreaterThan(5);
  for (const chunk of [...received, ...recorded]) expect(() => strict.decode(chunk)).not.toThrow();
  expect(received.map((chunk) => strict.decode(chunk)).join('')).toBe(text);
  expect(recorded.map((chunk) => strict.decode(chunk)).join('')).toBe(text);
});

test('a stream source (an SSH channel) is paused while the client owes acknowledgements', async () => {
  const channel = new PassThrough();
  let owed = 0;
  const stream = connectTerminal(
    streamSource(channel),
    { output: (chunk) => (owed += chunk.length), exit: () => undefined },
    { highWatermarkBytes: 1_000, lowWatermarkBytes: 100 },
  );
  channel.write(Buffer.alloc(600, 'a'));
  channel.write(Buffer.alloc(600, 'b'));
  await new Promise((resolve) => setImmediate(resolve));
  expect(owed).toBe(1_200);
  expect(channel.isPaused()).toBe(true);
  channel.write(Buffer.alloc(600, 'c')); // waits in the stream, not in Lotsen's client queue
  await new Promise((resolve) => setImmediate(resolve));
  expect(owed).toBe(1_200);
  stream.ack(1_200);
  await new Promise((resolve) => setImmediate(resolve));
  expect(channel.isPaused()).toBe(false);
  expect(owed).toBe(1_800);
});

test('a recording that has not written what it took pauses the source too, though the client keeps up', async () => {
  const channel = new PassThrough();
  let unwritten = 0;
  let written: (bytes: number) => void = () => undefined;
  const stream = connectTerminal(
    streamSource(channel),
    { output: (chunk) => stream.ack(chunk.length), exit: () => undefined },
    {
      recording: {
        output: (chunk) => (unwritten += chunk.length),
        onWritten: (listener) => (written = listener),
      },
    },
  );
  const piece = Buffer.alloc(64 * 1024, 'x');
  // At most 4 MiB: the recording's mark is 1 MiB.
  for (let i = 0; i < 64 && !channel.isPaused(); i++) {
    channel.write(piece);
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Paused by the recording alone: the client owes nothing.
  expect(channel.isPaused()).toBe(true);
  expect(stream.pendingBytes).toBe(0);
  expect(unwritten).toBeGreaterThan(RECORDING_HIGH_WATERMARK_BYTES);
  expect(unwritten).toBeLessThanOrEqual(RECORDING_HIGH_WATERMARK_BYTES + piece.length);
  // Written down to just above the low mark: still paused; under it, running again.
  written(unwritten - RECORDING_LOW_WATERMARK_BYTES);
  expect(channel.isPaused()).toBe(true);
  written(1);
  expect(channel.isPaused()).toBe(false);
});
