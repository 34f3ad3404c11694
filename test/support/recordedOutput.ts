import type { MethodInput, MethodOutput } from '../../common/api/contract.ts';

/** Whatever can read a recording through the API: an in-process caller, or a client of `lotsen serve`. */
export interface RecordingReader {
  ok(
    method: 'recordings.read',
    input: MethodInput<'recordings.read'>,
  ): Promise<MethodOutput<'recordings.read'>>;
}

/** A recording's whole asciicast as stored (header and every event, input and resizes too), page by page. */
export async function recordedCast(reader: RecordingReader, recordingId: string): Promise<string> {
  let header: string | null = null;
  let events = '';
  for (let fromSeq: number | null = 0; fromSeq !== null;) {
    const page: MethodOutput<'recordings.read'> = await reader.ok('recordings.read', {
      recordingId,
      fromSeq,
      limit: 64,
    });
    header ??= page.header;
    events += page.events;
    fromSeq = page.nextSeq;
  }
  return (header ?? '') + events;
}

/** A recording's terminal output as one text, read page by page as the player reads it (asciicast `o` events). */
export async function recordedOutput(reader: RecordingReader, recordingId: string): Promise<string> {
  return (
    (await recordedCast(reader, recordingId))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as unknown)
      // The header is an object; the events are arrays.
      .filter((event): event is [number, string, string] => Array.isArray(event) && event[1] === 'o')
      .map(([, , data]) => data)
      .join('')
  );
}
