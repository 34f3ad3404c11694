/*
 * Terminal output on the browser-mode WebSocket travels as binary frames, not JSON: bytes stay bytes (no base64,
 * no UTF-8 round trip that could split a character) and cost nothing to encode. A frame is one kind byte, the
 * session id as 36 ASCII characters, then the output bytes.
 */

const TERMINAL_OUTPUT = 1;
const ID_LENGTH = 36;
const HEADER_LENGTH = 1 + ID_LENGTH;

export function encodeTerminalFrame(sessionId: string, data: Uint8Array): Uint8Array {
  if (sessionId.length !== ID_LENGTH || !/^[0-9a-f-]+$/i.test(sessionId)) {
    throw new RangeError('A terminal frame needs a session id in UUID form');
  }
  const frame = new Uint8Array(HEADER_LENGTH + data.length);
  frame[0] = TERMINAL_OUTPUT;
  for (let i = 0; i < ID_LENGTH; i++) frame[1 + i] = sessionId.charCodeAt(i);
  frame.set(data, HEADER_LENGTH);
  return frame;
}

/** Null for anything that is not a well-formed terminal frame (which the caller drops). */
export function decodeTerminalFrame(frame: Uint8Array): { sessionId: string; data: Uint8Array } | null {
  if (frame.length < HEADER_LENGTH || frame[0] !== TERMINAL_OUTPUT) return null;
  const sessionId = String.fromCharCode(...frame.subarray(1, HEADER_LENGTH));
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  return { sessionId, data: frame.subarray(HEADER_LENGTH) };
}
