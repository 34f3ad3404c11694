import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { streamSource } from '../../../../main/sessions/terminal/streamSource.ts';
import { connectTerminal } from '../../../../main/sessions/terminal/terminalStream.ts';

test('multi-byte characters split across chunks reach the client and the recorder whole', async () => {
  const channel = new PassThrough();
  const strict = new TextDecoder('utf-8', { fatal: true });
  const shown: string[] = [];
  const recorded: string[] = [];
  const done = new Promise<void>((resolve) => {
    connectTerminal(
      streamSource(channel),
      { output: (bytes) => shown.push(strict.decode(bytes)), exit: () => resolve() },
      { record: (bytes) => recorded.push(strict.decode(bytes)) },
    );
  });
  const text = 'Åsa på Östermalm 😀 €';
  const bytes = Buffer.from(text, 'utf8');
  // Cut inside ö (2 bytes), inside 😀 (4 bytes) and inside € (3 bytes).
  const cuts = [13, 21, 23, bytes.length - 1];
  let start = 0;
  for (const cut of cuts) {
    channel.write(bytes.subarray(start, cut));
    start = cut;
    await new Promise((resolve) => setImmediate(resolve));
  }
  channel.end(bytes.subarray(start));
  channel.destroy();
  await done;
  expect(shown.join('')).toBe(text);
  expect(recorded.join('')).toBe(text);
  expect(shown.length).toBeGreaterThan(1);
});
