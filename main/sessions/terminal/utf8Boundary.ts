/**
 * How many bytes at the end of `bytes` begin a UTF-8 character that is not complete yet (0-3). Terminal output is cut
 * into chunks anywhere; holding back this tail until the next chunk means no chunk ends inside a character, so
 * nothing downstream (the recorder, a text decoder, the screen) ever sees half of one.
 */
export function incompleteUtf8Tail(bytes: Uint8Array): number {
  const end = bytes.length;
  // Look back at most three bytes for the lead byte of the last character.
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0b1100_0000) === 0b1000_0000) continue; // a continuation byte: keep looking for the lead
    const needed = byte >= 0b1111_0000 ? 4 : byte >= 0b1110_0000 ? 3 : byte >= 0b1100_0000 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0; // only continuation bytes (or nothing): not ours to hold
}

/** Nothing carried: one shared empty array (never written to), not a new one per chunk. */
const NOTHING = new Uint8Array(0);

/** Splits chunks on character boundaries, carrying an incomplete tail into the next chunk. */
export class Utf8ChunkAligner {
  private carry: Uint8Array = NOTHING;

  /** The whole characters available now (possibly empty). */
  push(chunk: Uint8Array): Uint8Array {
    const joined = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    const tail = incompleteUtf8Tail(joined);
    this.carry = tail === 0 ? NOTHING : joined.slice(joined.length - tail);
    return tail === 0 ? joined : joined.subarray(0, joined.length - tail);
  }

  /** Whatever is held back, at the end of the stream (a truncated character is passed on as it is). */
  flush(): Uint8Array {
    const rest = this.carry;
    this.carry = NOTHING;
    return rest;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
