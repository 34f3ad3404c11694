import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { LotsenError } from '../../common/api/errors.ts';
import { keyedError } from '../../common/api/errors.ts';
import { pathTaken, placeWithoutReplacing } from './atomicFile.node.ts';

/**
 * An export written to a temporary file beside its target and put in place only once complete and audited, so a
 * failed export leaves whatever was at the target as it was, and a file that was there is replaced only when asked.
 * The file is owner-only: exports name customers, ticket subjects, technicians and what was typed in sessions.
 */
export interface StagedFile {
  readonly stream: WriteStream;
  /** Refuses (CONFLICT) when a file has appeared at the target since the export began, unless it may be replaced. */
  assertTargetFree(): Promise<void>;
  /** Moves the file into place; a CONFLICT when a file is there and may not be replaced, the temporary file kept. */
  place(): Promise<void>;
  /** Removes the temporary file; the target is never touched. */
  discard(): Promise<void>;
}

/** The folder must exist, and the target be free unless it may be replaced: checked before anything is written. */
export async function assertExportTarget(path: string, replace: boolean): Promise<void> {
  const folder = dirname(path);
  if (!(await stat(folder).catch(() => null))?.isDirectory()) {
    throw keyedError('NOT_FOUND', 'storage.exportFolderMissing', { folder });
  }
  if (!replace && (await pathTaken(path))) throw targetExists(path);
}

export function stageBeside(path: string, replace: boolean): StagedFile {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  const stream = createWriteStream(temporary, { flags: 'wx', mode: 0o600 });
  return {
    stream,
    async assertTargetFree() {
      if (!replace && (await pathTaken(path))) throw targetExists(path);
    },
    async place() {
      if (replace) return rename(temporary, path);
      if (!(await placeWithoutReplacing(temporary, path))) throw targetExists(path);
    },
    async discard() {
      stream.destroy();
      await rm(temporary, { force: true });
    },
  };
}

/** `details.exists` lets a command say how to replace it (the CLI's `--force`); the service does not know how. */
function targetExists(path: string): LotsenError {
  return keyedError('CONFLICT', 'storage.exportTargetExists', { path }, { path, exists: true });
}
