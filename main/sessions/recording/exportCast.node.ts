import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LotsenError } from '../../../common/api/errors.ts';
import { pathTaken, placeWithoutReplacing } from '../../app/atomicFile.node.ts';
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
 * Writes a recording as a plain `.cast` file (readable by `asciinema play`) to a temporary file in the target's
 * folder, streaming from the store with the file's backpressure, so a long session is never held in memory. Nothing
 * is at the target until `place`, so a failed export leaves whatever was there before as it was. The file is
 * plaintext by design: the caller audits the export.
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
  const folder = dirname(file);
  try {
    if (!(await stat(folder).catch(() => null))?.isDirectory()) {
      throw new LotsenError('NOT_FOUND', `The folder ${folder} does not exist; nothing was exported.`);
    }
    if (!replace) await refuseExisting(file);
  } catch (error) {
    await pieces.return(undefined);
    throw error;
  }

  const temporary = join(folder, `.${basename(file)}.${randomBytes(6).toString('hex')}.partial`);
  const out = createWriteStream(temporary, { flags: 'wx', encoding: 'utf8', mode: 0o600 });
  const discard = () => rm(temporary, { force: true });
  try {
    if (!first.done && !out.write(first.value)) await once(out, 'drain');
    for await (const piece of pieces) {
      if (!out.write(piece)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    // A long export gives someone time to put a file there; say so now, before the caller audits the export.
    if (!replace) await refuseExisting(file);
  } catch (error) {
    out.destroy();
    await discard();
    throw error;
  }
  return {
    bytes: out.bytesWritten,
    discard,
    async place() {
      if (replace) return rename(temporary, file);
      if (!(await placeWithoutReplacing(temporary, file))) throw exists(file);
    },
  };
}

function exists(file: string): LotsenError {
  return new LotsenError('CONFLICT', `${file} exists already; nothing was exported.`, {
    path: file,
    exists: true,
  });
}

async function refuseExisting(file: string): Promise<void> {
  if (await pathTaken(file)) throw exists(file);
}
