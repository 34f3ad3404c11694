import type { MethodInput, MethodOutput } from '../../common/api/contract.ts';

/** Whatever can read a recording through the API: an in-process caller, or a client of `lotsen serve`. */
export interface RecordingReader {
  ok(
    method: 'recordings.read',
    input: MethodInput<'recordings.read'>,
  ): Promise<MethodOutput<'recordings.read'>>;
}

/** A recording's terminal output as one text, read page by page as the player reads it (asciicast `o` events). */
export async function recordedOutput(reader: RecordingReader, recordingId: string): Promise<string> {
  let events = '';
  for (let fromSeq: number | null = 0; fromSeq !== null;) {
    const page: MethodOutput<'recordings.read'> = await reader.ok('recordings.read', {
      recordingId,
      fromSeq,
      limit: 64,
    });
    events += page.events;
    fromSeq = page.nextSeq;
  }
  return events
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as [number, string, string])
    .filter(([, type]) => type === 'o')
    .map(([, , data]) => data)
    .join('');
}
