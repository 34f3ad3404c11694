import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { spawnPty } from '../../../../main/sessions/terminal/ptySource.node.ts';
import { connectTerminal, OUTPUT_COALESCE_BYTES } from '../../../../main/sessions/terminal/terminalStream.ts';
import type { TerminalSource } from '../../../../main/sessions/terminal/terminalSource.ts';
import { makeTempDataDir } from '../../../support/tempDataDir.ts';

/*
 * A local pty's output is sent on in fewer, larger chunks (issue 17's local-pty throughput): Linux hands a pty's
 * reader at most 4 KiB per read, and each chunk sent alone costs a frame, an acknowledgement and an event line of the
 * recording. Output after a quiet moment still goes at once. Real ptys.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface Observed {
  reads: number;
  sent: Uint8Array[];
  /** How many chunks were sent from within the pty's own data callback (not held for later). */
  sentAtOnce: number;
}

/** Runs `file` with `args` in a real pty to an acknowledging client, counting the pty's reads and the chunks sent. */
function observe(file: string, args: string[]): Promise<Observed> {
  const observed: Observed = { reads: 0, sent: [], sentAtOnce: 0 };
  const pty = spawnPty({ file, args, cols: 80, rows: 24 });
  let inRead = false;
  const source: TerminalSource = {
    ...pty,
    coalesceOutput: pty.coalesceOutput,
    onData: (listener) =>
      pty.onData((bytes) => {
        observed.reads++;
        inRead = true;
        try {
          listener(bytes);
        } finally {
          inRead = false;
        }
      }),
  };
  return new Promise((resolve) => {
    const stream = connectTerminal(source, {
      output: (bytes) => {
        observed.sent.push(bytes);
        if (inRead) observed.sentAtOnce++;
        stream.ack(bytes.length);
      },
      exit: () => resolve(observed),
    });
  });
}

test("a pty's burst of output reaches the client whole, in far fewer chunks than the pty's reads, none over the limit", async () => {
  const temp = await makeTempDataDir();
  cleanups.push(temp.cleanup);
  const file = join(temp.dir, 'output.txt');
  const text = Buffer.from(
    Array.from({ length: 60_000 }, (_, i) => `rad ${i}: Åsa i Växjö ${'x'.repeat(40)}\n`).join(''),
  );
  await writeFile(file, text);
  // Raw mode: the bytes pass unchanged; the shell then waits for a line so the end is not raced by the exit.
  const observed = await observe('/bin/sh', ['-c', `stty raw -echo; cat '${file}'; sleep 0.2`]);
  const received = Buffer.concat(observed.sent);
  expect(createHash('sha256').update(received).digest('hex')).toBe(
    createHash('sha256').update(text).digest('hex'),
  );
  expect(observed.reads).toBeGreaterThan(text.length / (64 * 1024));
  expect(observed.sent.length * 4).toBeLessThan(observed.reads);
  for (const chunk of observed.sent) expect(chunk.length).toBeLessThanOrEqual(OUTPUT_COALESCE_BYTES);
}, 60_000);

test('output after a quiet moment (an echo) is sent at once, not held', async () => {
  const observed = await observe('/bin/sh', ['-c', 'for i in 1 2 3 4 5; do printf "$i"; sleep 0.1; done']);
  expect(Buffer.concat(observed.sent).toString()).toBe('12345');
  expect(observed.sentAtOnce).toBe(observed.sent.length);
  expect(observed.sent.length).toBe(5);
}, 30_000);
