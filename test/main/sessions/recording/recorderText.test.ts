import { expect, test } from 'vitest';
import { recorderOf, type RecordedChunk } from '../../../../main/sessions/recording/recorder.ts';

/*
 * The text a recording holds for the bytes it was given: whole characters as they are, a character cut between two
 * chunks whole, and bytes that are not UTF-8 as U+FFFD, as a streaming decoder gives them. (Sealing and the store
 * are recording.test.ts's: here the batches are kept in memory, unsealed.)
 */
async function recordedOutput(chunks: readonly (string | number[])[]): Promise<string> {
  const written: RecordedChunk[] = [];
  const recorder = recorderOf(
    '00000000-0000-4000-8000-000000000000',
    (text) => text,
    {
      chunk: async (chunk) => {
        written.push(chunk);
      },
      end: async () => undefined,
    },
    {},
  );
  for (const chunk of chunks) {
    recorder.output(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk));
  }
  await recorder.finish();
  return written
    .map((chunk) => chunk.data)
    .join('')
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as [number, string, string])[2])
    .join('');
}

test('whole characters are recorded as they are, control characters and all', async () => {
  expect(await recordedOutput(['rad åäö\r\n', '\x1b[31mröd\x1b[0m ✓ 🚀\r\n'])).toBe(
    'rad åäö\r\n\x1b[31mröd\x1b[0m ✓ 🚀\r\n',
  );
});

test('a character cut between two chunks is recorded whole', async () => {
  // "ö" is C3 B6; "🚀" is F0 9F 9A 80.
  expect(
    await recordedOutput([
      [0x61, 0xc3],
      [0xb6, 0x62, 0xf0, 0x9f],
      [0x9a, 0x80],
    ]),
  ).toBe('aöb🚀');
});

test('bytes that are not UTF-8 are recorded as U+FFFD, and the output after them as it is', async () => {
  // A character that never completes, before output that is whole on its own.
  expect(await recordedOutput([[0x61, 0xe2, 0x9c], 'b✓'])).toBe('a\ufffdb✓');
  // A byte no character begins with, in the middle of a chunk.
  expect(await recordedOutput([[0x61, 0xff, 0x62], 'c'])).toBe('a\ufffdbc');
  // A character cut off at the very end.
  expect(await recordedOutput(['a', [0xc3]])).toBe('a\ufffd');
});

test('a byte order mark is recorded as the terminal received it, at the start as anywhere', async () => {
  expect(await recordedOutput(['\ufeffa', '\ufeffb'])).toBe('\ufeffa\ufeffb');
});
