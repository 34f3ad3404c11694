import { describe, expect, it } from 'vitest';
import { terminalInputSchema } from '../../../common/sessions/model.ts';
import { inputPieces, MAX_INPUT_CHARS } from '../../../renderer/services/inputPieces.ts';

describe('input pieces', () => {
  it('keeps text that fits as one piece, and sends nothing for nothing', () => {
    expect(inputPieces('ls -l\r')).toEqual(['ls -l\r']);
    expect(inputPieces('')).toEqual([]);
  });

  it('splits a long paste into pieces the contract accepts, in order, losing nothing', () => {
    const paste = 'rad-åäö\n'.repeat(30_000); // 240,000 characters
    const pieces = inputPieces(paste);
    expect(pieces.length).toBe(Math.ceil(paste.length / MAX_INPUT_CHARS));
    expect(pieces.join('')).toBe(paste);
    for (const data of pieces) {
      expect(terminalInputSchema.safeParse({ sessionId: crypto.randomUUID(), data }).success).toBe(true);
    }
  });

  it('never cuts a character outside the Basic Multilingual Plane in two', () => {
    // '🔑' is two UTF-16 units; with pieces of 4, the second would start inside it.
    const pieces = inputPieces('abc🔑def', 4);
    expect(pieces).toEqual(['abc', '🔑de', 'f']);
    // A half pair would not survive UTF-8 (it becomes U+FFFD).
    for (const piece of pieces) expect(new TextDecoder().decode(new TextEncoder().encode(piece))).toBe(piece);
  });

  it('splits exactly at the limit when no pair is in the way', () => {
    expect(inputPieces('abcdefgh', 4)).toEqual(['abcd', 'efgh']);
  });

  it('refuses a limit too small for a whole character', () => {
    expect(() => inputPieces('🔑', 1)).toThrow(RangeError);
  });
});
