/** One output event of an asciicast v2 recording: seconds since the start, and the text. */
export interface CastOutput {
  at: number;
  text: string;
}

/**
 * The output events of asciicast v2 event lines (`[time, "o", data]`); input and resize events are skipped, and a
 * line that is not a well-formed event is ignored rather than stopping playback.
 */
export function parseCastEvents(lines: string): CastOutput[] {
  const events: CastOutput[] = [];
  for (const line of lines.split('\n')) {
    if (line === '') continue;
    try {
      const event: unknown = JSON.parse(line);
      if (
        Array.isArray(event) &&
        typeof event[0] === 'number' &&
        event[1] === 'o' &&
        typeof event[2] === 'string'
      ) {
        events.push({ at: event[0], text: event[2] });
      }
    } catch {
      // not an event line
    }
  }
  return events;
}
