import { terminalInputSchema } from '../../common/sessions/model.ts';

/** The most characters one `sessions.input` call takes, read from the contract so the two cannot drift apart. */
export const MAX_INPUT_CHARS = terminalInputSchema.unwrap().shape.data.maxLength ?? Number.POSITIVE_INFINITY;

/**
 * Splits typed or pasted text into pieces of at most `maxChars` UTF-16 units (what the contract counts), in order.
 * A piece never ends between the two halves of a surrogate pair: each half alone would arrive as U+FFFD.
 */
export function inputPieces(data: string, maxChars = MAX_INPUT_CHARS): string[] {
  if (maxChars < 2) throw new RangeError('A piece must hold at least one whole character (2 UTF-16 units)');
  const pieces: string[] = [];
  let start = 0;
  while (start < data.length) {
    let end = Math.min(start + maxChars, data.length);
    if (end < data.length && isHighSurrogate(data.charCodeAt(end - 1))) end -= 1;
    pieces.push(data.slice(start, end));
    start = end;
  }
  return pieces;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
