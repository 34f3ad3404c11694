import { describe, expect, test } from 'vitest';
import { incompleteUtf8Tail, Utf8ChunkAligner } from '../../../../main/sessions/terminal/utf8Boundary.ts';

const strict = new TextDecoder('utf-8', { fatal: true });

describe('UTF-8 chunk boundaries', () => {
  test.each(['ä', '€', '😀', 'A'])(
    '%s cut at every byte position holds back exactly the started character',
    (char) => {
      const bytes = new TextEncoder().encode(`x${char}`);
      for (let cut = 1; cut <= bytes.length; cut++) {
        const head = bytes.subarray(0, cut);
        const expected = cut === bytes.length ? 0 : cut - 1;
        expect(incompleteUtf8Tail(head), `${char} cut at ${cut}`).toBe(expected);
      }
    },
  );

  test('any chunking of mixed text gives chunks that each decode strictly, and the same text overall', () => {
    const text = 'Växjö kommun – €100 😀 ÅÄÖ åäö é ü ß '.repeat(50);
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const aligner = new Utf8ChunkAligner();
      let out = '';
      for (let i = 0; i < bytes.length; i += size) {
        out += strict.decode(aligner.push(bytes.subarray(i, i + size)));
      }
      out += strict.decode(aligner.flush());
      expect(out).toBe(text);
    }
  });
});
