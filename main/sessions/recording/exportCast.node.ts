import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Db } from '../../store/database.node.ts';
import { readRecording } from './recordingRepository.ts';

/**
 * Writes a recording to a plain `.cast` file (readable by `asciinema play`), streaming from the store with the
 * file's backpressure, so a long session is never held in memory. A failed export leaves no partial file behind.
 * The file is plaintext by design: the caller audits the export.
 */
export async function exportRecording(db: Db, id: string, file: string): Promise<{ bytes: number }> {
  const pieces = readRecording(db, id);
  // Read the header before creating the file, so an unknown id leaves nothing behind.
  const first = await pieces.next();
  const out = createWriteStream(file, { encoding: 'utf8', mode: 0o600 });
  try {
    if (!first.done && !out.write(first.value)) await once(out, 'drain');
    for await (const piece of pieces) {
      if (!out.write(piece)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    return { bytes: out.bytesWritten };
  } catch (error) {
    out.destroy();
    await rm(file, { force: true });
    throw error;
  }
}
