import { describe, expect, it } from 'vitest';
import {
  decodeAckFrame,
  decodeTerminalFrame,
  encodeAckFrame,
  encodeTerminalFrame,
  isAckFrame,
} from '../../../common/api/terminalFrame.ts';

const ID = '0b9c7a4e-2f1d-4c3b-9a8e-7d6c5b4a3f21';

describe('terminal frames', () => {
  it('carry any bytes unchanged, a character cut in half included', () => {
    const bytes = new TextEncoder().encode('Lösen: å');
    const cut = bytes.subarray(0, bytes.length - 1); // the last byte of 'å' left for the next frame
    for (const data of [new Uint8Array(0), bytes, cut, new Uint8Array([0, 255, 27, 91])]) {
      const decoded = decodeTerminalFrame(encodeTerminalFrame(ID, data));
      expect(decoded?.sessionId).toBe(ID);
      expect([...decoded!.data]).toEqual([...data]);
    }
  });

  it('refuses ids that are not UUIDs and drops frames that are not terminal frames', () => {
    expect(() => encodeTerminalFrame('not-a-session', new Uint8Array(1))).toThrow(RangeError);
    expect(decodeTerminalFrame(new Uint8Array([1, 2, 3]))).toBeNull();
    const frame = encodeTerminalFrame(ID, new Uint8Array([65]));
    frame[0] = 2;
    expect(decodeTerminalFrame(frame)).toBeNull();
    const badId = encodeTerminalFrame(ID, new Uint8Array([65]));
    badId[5] = 'z'.charCodeAt(0);
    expect(decodeTerminalFrame(badId)).toBeNull();
  });
});

describe('acknowledgement frames', () => {
  it('carry the session and the count, up to 32 bits', () => {
    for (const bytes of [0, 1, 5_000, 16 * 1024 * 1024, 0xffff_ffff]) {
      const frame = encodeAckFrame(ID, bytes);
      expect(frame.length).toBe(41);
      expect(isAckFrame(frame)).toBe(true);
      expect(decodeAckFrame(frame)).toEqual({ sessionId: ID, bytes });
      // Read where it lies in a larger buffer, as a received frame may.
      const inside = new Uint8Array(50);
      inside.set(frame, 9);
      expect(decodeAckFrame(inside.subarray(9, 50))).toEqual({ sessionId: ID, bytes });
    }
  });

  it('refuse counts that are not whole 32-bit numbers and ids that are not UUIDs', () => {
    for (const bytes of [-1, 1.5, 2 ** 32, Number.NaN])
      expect(() => encodeAckFrame(ID, bytes)).toThrow(RangeError);
    expect(() => encodeAckFrame('not-a-session', 1)).toThrow(RangeError);
  });

  it('are told apart from output, and any other length or a bad id decodes to nothing', () => {
    const frame = encodeAckFrame(ID, 7);
    expect(isAckFrame(encodeTerminalFrame(ID, new Uint8Array(4)))).toBe(false);
    expect(decodeTerminalFrame(frame)).toBeNull();
    expect(decodeAckFrame(encodeTerminalFrame(ID, new Uint8Array(4)))).toBeNull();
    expect(decodeAckFrame(frame.subarray(0, 40))).toBeNull();
    expect(decodeAckFrame(new Uint8Array([...frame, 0]))).toBeNull();
    const badId = new Uint8Array(frame);
    badId[5] = 'z'.charCodeAt(0);
    expect(decodeAckFrame(badId)).toBeNull();
  });
});
