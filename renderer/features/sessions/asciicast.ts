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

/** Pauses longer than this are skipped while playing, as `asciinema play -i 2` does: nobody watches a person think. */
export const MAX_IDLE_SECONDS = 2;

/** How many events happened at or before `at` (seconds): what the screen shows then. Events are in time order. */
export function eventsUpTo(events: readonly CastOutput[], at: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (events[mid]!.at <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * How long the recording lasts, in seconds: to its last output, or to when it ended if that was later (a session
 * that sat quiet before it was closed).
 */
export function recordingDuration(
  events: readonly CastOutput[],
  recording: { startedAt: number; endedAt: number | null },
): number {
  const last = events.at(-1)?.at ?? 0;
  const ended = recording.endedAt === null ? 0 : (recording.endedAt - recording.startedAt) / 1000;
  return Math.max(last, ended, 0);
}

/**
 * Where playback is after `elapsed` more seconds (already times the speed) from `at`: a quiet stretch longer than
 * MAX_IDLE_SECONDS before the next output (or the end) is cut to that, and it never runs past the end.
 */
export function playbackStep(
  events: readonly CastOutput[],
  duration: number,
  at: number,
  elapsed: number,
): number {
  const next = events[eventsUpTo(events, at)]?.at ?? duration;
  const from = next - at > MAX_IDLE_SECONDS ? next - MAX_IDLE_SECONDS : at;
  return Math.min(from + elapsed, duration);
}
