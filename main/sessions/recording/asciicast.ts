/**
 * asciicast v2, the asciinema format: a JSON header line, then one JSON array per event,
 * `[seconds since start, type, data]`. Lines end in "\n"; JSON escapes every control character, so no event
 * ever spans two lines.
 */
export interface AsciicastHeader {
  version: 2;
  width: number;
  height: number;
  /** Unix time of the start, in seconds. */
  timestamp: number;
  env: { TERM?: string; SHELL?: string };
}

/** o: output, i: input (off unless asked for: it carries passwords), r: resize ("COLSxROWS"). */
export type AsciicastEventType = 'o' | 'i' | 'r';

export function encodeHeader(header: AsciicastHeader): string {
  return `${JSON.stringify(header)}\n`;
}

export function encodeEvent(seconds: number, type: AsciicastEventType, data: string): string {
  // Microseconds are what asciinema itself writes; finer digits only make the file longer.
  const time = Math.round(Math.max(0, seconds) * 1e6) / 1e6;
  return `${JSON.stringify([time, type, data])}\n`;
}
