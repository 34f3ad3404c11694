/*
 * Terminal bytes on the browser-mode WebSocket travel as binary frames, not JSON: bytes stay bytes (no base64,
 * no UTF-8 round trip that could split a character) and cost nothing to encode. A frame is one kind byte, the
 * session id as 36 ASCII characters, then the kind's body:
 * - output (server to page): the output bytes;
 * - acknowledgement (page to server): how many bytes the terminal has drawn, as an unsigned 32-bit big-endian
 *   number. It is one way, as VS Code's pty acknowledgements are: nothing answers it, and one that is malformed or
 *   refused is dropped (the API's OneWayMethod).
 */

const TERMINAL_OUTPUT = 1;
const TERMINAL_ACK = 2;
const ID_LENGTH = 36;
const HEADER_LENGTH = 1 + ID_LENGTH;
const ACK_FRAME_LENGTH = HEADER_LENGTH + 4;

export function encodeTerminalFrame(sessionId: string, data: Uint8Array): Uint8Array {
  const frame = new Uint8Array(HEADER_LENGTH + data.length);
  writeHeader(frame, TERMINAL_OUTPUT, sessionId);
  frame.set(data, HEADER_LENGTH);
  return frame;
}

/** Null for anything that is not a well-formed terminal frame (which the caller drops). */
export function decodeTerminalFrame(frame: Uint8Array): { sessionId: string; data: Uint8Array } | null {
  const sessionId = readHeader(frame, TERMINAL_OUTPUT);
  return sessionId === null ? null : { sessionId, data: frame.subarray(HEADER_LENGTH) };
}

/** `bytes` must fit in 32 bits unsigned; what the API accepts (1 to 16 MiB) is checked where the frame arrives. */
export function encodeAckFrame(sessionId: string, bytes: number): Uint8Array {
  if (!Number.isInteger(bytes) || bytes < 0 || bytes > 0xffff_ffff) {
    throw new RangeError('An acknowledgement counts whole bytes that fit in 32 bits');
  }
  const frame = new Uint8Array(ACK_FRAME_LENGTH);
  writeHeader(frame, TERMINAL_ACK, sessionId);
  new DataView(frame.buffer).setUint32(HEADER_LENGTH, bytes);
  return frame;
}

/** Whether the frame says it is an acknowledgement, well-formed or not. */
export function isAckFrame(frame: Uint8Array): boolean {
  return frame.length > 0 && frame[0] === TERMINAL_ACK;
}

/** Null for anything that is not a well-formed acknowledgement frame. */
export function decodeAckFrame(frame: Uint8Array): { sessionId: string; bytes: number } | null {
  if (frame.length !== ACK_FRAME_LENGTH) return null;
  const sessionId = readHeader(frame, TERMINAL_ACK);
  if (sessionId === null) return null;
  const bytes = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(HEADER_LENGTH);
  return { sessionId, bytes };
}

function writeHeader(frame: Uint8Array, kind: number, sessionId: string): void {
  if (sessionId.length !== ID_LENGTH || !/^[0-9a-f-]+$/i.test(sessionId)) {
    throw new RangeError('A terminal frame needs a session id in UUID form');
  }
  frame[0] = kind;
  for (let i = 0; i < ID_LENGTH; i++) frame[1 + i] = sessionId.charCodeAt(i);
}

function readHeader(frame: Uint8Array, kind: number): string | null {
  if (frame.length < HEADER_LENGTH || frame[0] !== kind) return null;
  const sessionId = String.fromCharCode(...frame.subarray(1, HEADER_LENGTH));
  return /^[0-9a-f-]{36}$/i.test(sessionId) ? sessionId : null;
}
