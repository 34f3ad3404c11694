import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { FLOW_HIGH_WATERMARK_BYTES } from '../../../../main/sessions/terminal/flowControl.ts';
import { spawnPty } from '../../../../main/sessions/terminal/ptySource.node.ts';
import { connectTerminal } from '../../../../main/sessions/terminal/terminalStream.ts';

const run = promisify(execFile);

function runInPty(script: string, cols = 80, rows = 24) {
  const source = spawnPty({
    file: '/bin/sh',
    args: ['-c', script],
    cols,
    rows,
    env: { ...process.env, LANG: 'C.UTF-8' },
  });
  const chunks: Buffer[] = [];
  const exited = new Promise<void>((resolve) => {
    const terminal = connectTerminal(source, {
      output: (bytes) => {
        chunks.push(Buffer.from(bytes));
        terminal.ack(bytes.length);
      },
      exit: () => resolve(),
    });
  });
  return exited.then(() => Buffer.concat(chunks).toString('utf8'));
}

test('a real pty runs a program and its Swedish output arrives as the exact bytes', async () => {
  const output = await runInPty(`printf 'Växjö åäö ÅÄÖ – 😀\\n'`);
  expect(output).toBe('Växjö åäö ÅÄÖ – 😀\r\n'); // the pty's line discipline turns \n into \r\n, as a terminal shows it
});

test('the pty has the size it was given', async () => {
  expect((await runInPty('stty size', 132, 40)).trim()).toBe('40 132');
});

test('200 MB through a real pty to a slow client arrives complete while the unacknowledged bytes stay bounded', async () => {
  const SIZE = Number(process.env.LOTSEN_FLOW_TEST_MB ?? 200) * 1024 * 1024;
  // Raw mode: no line-discipline changes, so the bytes can be compared with the same command's output outside a pty.
  const command = `yes 'Lotsen flödeskontroll åäö 0123456789' | head -c ${SIZE}`;
  const expected = (await run('/bin/sh', ['-c', `${command} | sha256sum`], { maxBuffer: 1024 })).stdout.split(
    ' ',
  )[0];

  const hash = createHash('sha256');
  let received = 0;
  let maxPending = 0;
  let maxChunk = 0;
  const heapBefore = process.memoryUsage().heapUsed;
  let maxHeapGrowth = 0;
  const started = Date.now();

  await new Promise<void>((resolve) => {
    const source = spawnPty({
      file: '/bin/sh',
      args: ['-c', `stty raw -echo; ${command}`],
      cols: 80,
      rows: 24,
    });
    let owed = 0;
    let drawing = false;
    const terminal = connectTerminal(source, {
      output: (bytes) => {
        hash.update(bytes);
        received += bytes.length;
        maxChunk = Math.max(maxChunk, bytes.length);
        maxPending = Math.max(maxPending, terminal.pendingBytes);
        owed += bytes.length;
        // A slow screen: it draws what arrived a millisecond later, then acknowledges all it drew (as xterm.js's
        // write callback does), so the backend must wait for it whenever it is more than the watermark ahead.
        if (!drawing) {
          drawing = true;
          setTimeout(() => {
            drawing = false;
            const drawn = owed;
            owed = 0;
            terminal.ack(drawn);
            maxHeapGrowth = Math.max(maxHeapGrowth, process.memoryUsage().heapUsed - heapBefore);
          }, 1);
        }
      },
      exit: () => resolve(),
    });
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `pty flow control: ${SIZE / 1024 / 1024} MB in ${seconds.toFixed(1)} s, max unacknowledged ${maxPending} B, ` +
      `largest chunk ${maxChunk} B, max heap growth ${(maxHeapGrowth / 1024 / 1024).toFixed(1)} MB`,
  );

  expect(received).toBe(SIZE);
  expect(hash.digest('hex')).toBe(expected);
  // Bounded: the high watermark, plus what was in flight when the pause took effect (one more chunk at most).
  expect(maxPending).toBeLessThanOrEqual(FLOW_HIGH_WATERMARK_BYTES + maxChunk);
  expect(maxHeapGrowth).toBeLessThan(64 * 1024 * 1024);
}, 300_000);
