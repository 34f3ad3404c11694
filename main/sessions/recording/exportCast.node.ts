import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertExportTarget, stageBeside } from '../../app/stagedFile.node.ts';
import type { Db } from '../../store/database.node.ts';
import { readRecording } from './recordingRepository.ts';

export interface CastExportOptions {
  /** Replace a file already at the target; without it such a file is refused and left as it is. */
  replace?: boolean;
}

/** A complete export in a temporary file beside its target, not yet in place. */
export interface StagedCast {
  readonly bytes: number;
  /** Moves the file into place (a CONFLICT, with `details.exists`, when a file is there and may not be replaced). */
  place(): Promise<void>;
  /** Removes the temporary file; the target is never touched. */
  discard(): Promise<void>;
}

/**
 * Writes a recording as a plain `.cast` file (readable by `asciinema play`) beside its target, streaming from the
 * store with the file's backpressure, so a long session is never held in memory. Nothing is at the target until
 * `place`. The file is plaintext by design: the caller audits the export.
 */
export async function stageCastExport(
  db: Db,
  id: string,
  file: string,
  options: CastExportOptions = {},
): Promise<StagedCast> {
  const replace = options.replace ?? false;
  const pieces = readRecording(db, id);
  // Read the header before writing anything, so an unknown id leaves nothing behind.
  const first = await pieces.next();
  try {
    await assertExportTarget(file, replace);
  } catch (error) {
    await pieces.return(undefined);
    throw error;
  }
  const staged = stageBeside(file, replace);
  try {
    await pipeline(
      Readable.from(
        (async function* () {
          if (!first.done) yield first.value;
          yield* pieces;
        })(),
      ),
      staged.stream,
    );
    // A long export gives someone time to put a file there; say so now, before the caller audits the export.
    await staged.assertTargetFree();
  } catch (error) {
    await staged.discard();
    throw error;
  }
  return { bytes: staged.stream.bytesWritten, place: staged.place, discard: staged.discard };
}
