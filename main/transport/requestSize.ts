import type { ApiError } from '../../common/api/errors.ts';
import { MAX_REQUEST_BYTES, MAX_REQUEST_CONTAINERS, MAX_REQUEST_DEPTH } from '../../common/api/limits.ts';

/*
 * The size checks a call passes before it is parsed (WebSocket text) or dispatched (Electron IPC), so a small message
 * cannot make a large amount of work: how many bytes, how many objects and arrays, how deep.
 */

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export const tooLargeMessage =
  `The call is too large for Lotsen: at most ${megabytes(MAX_REQUEST_BYTES)}, ` +
  `${MAX_REQUEST_CONTAINERS.toLocaleString('en-GB')} objects and lists, nested at most ${MAX_REQUEST_DEPTH} deep. ` +
  'Import a larger registry or time file with the lotsen command, which reads it in parts.';

export const tooLargeError: ApiError = { code: 'TOO_LARGE', message: tooLargeMessage };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * Whether JSON text stays within the limits, found in one pass over its characters without building anything
 * (JSON.parse of 8 MB of `{},` would build 270 MB of objects). Malformed text is left for JSON.parse to refuse.
 */
export function jsonTextFits(text: string): boolean {
  if (text.length > MAX_REQUEST_BYTES) return false;
  let depth = 0;
  let containers = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      containers++;
      depth++;
      if (containers > MAX_REQUEST_CONTAINERS || depth > MAX_REQUEST_DEPTH) return false;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return true;
}

/**
 * The id of a call whose text is too large to parse, read from its head as the clients write it
 * (`{"type":"call","id":7,…`), so the refusal can answer that call; null when the head does not say.
 */
export function leadingCallId(text: string): number | null {
  const match =
    /^\s*\{\s*(?:"(?:type|method)"\s*:\s*"[^"\\]{0,100}"\s*,\s*)*"id"\s*:\s*(\d{1,15})\s*[,}]/.exec(
      text.slice(0, 300),
    );
  return match ? Number(match[1]) : null;
}

/**
 * The same limits for a value that arrived already parsed (Electron IPC's structured clone), measured as the JSON it
 * would be; the walk stops as soon as a limit is passed, so its cost is bounded too.
 */
export function valueFits(value: unknown): boolean {
  let bytes = 0;
  let containers = 0;
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    const item = next.value;
    if (typeof item === 'string') bytes += item.length + 2;
    else if (item === null || typeof item !== 'object') bytes += 8;
    else {
      containers++;
      if (containers > MAX_REQUEST_CONTAINERS || next.depth + 1 > MAX_REQUEST_DEPTH) return false;
      // Each element costs at least its separator; counted before anything is queued, so a huge list stops here.
      const children: unknown[] = Array.isArray(item) ? item : Object.values(item);
      bytes += children.length * 2;
      if (bytes > MAX_REQUEST_BYTES) return false;
      if (!Array.isArray(item)) for (const key of Object.keys(item)) bytes += key.length + 3;
      for (const child of children) pending.push({ value: child, depth: next.depth + 1 });
    }
    if (bytes > MAX_REQUEST_BYTES) return false;
  }
  return true;
}
