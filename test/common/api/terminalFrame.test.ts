import { describe, expect, it } from 'vitest';
import { decodeTerminalFrame, encodeTerminalFrame } from '../../../common/api/terminalFrame.ts';

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
