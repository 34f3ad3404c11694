import { keyedError, type LotsenError } from '../../common/api/errors.ts';

/**
 * What to do about a store that is gone or damaged, the same words wherever Lotsen meets one (the error details in
 * common/api/errorDetails/storage.ts say it too); ends a sentence.
 */
export const RESTORE_GUIDANCE = 'restore a backup with `lotsen restore FILE` (docs/cli.md)';

/**
 * SQLite's answers for a file whose pages cannot be read as written: malformed pages (CORRUPT), a page that does
 * not decrypt past the first (NOTADB, once the key has opened the file), or the disk failing to read (IOERR).
 */
export function isStoreDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_NOTADB')
  );
}

/** STORE_DAMAGED in words people can act on, never SQLite's own text; `file` when the caller knows which. */
export function storeDamagedError(file: string | null, error?: unknown): LotsenError {
  const io = String((error as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_IOERR');
  if (file === null)
    return keyedError('STORE_DAMAGED', io ? 'storage.storeUnreadable' : 'storage.storeDamaged');
  const key = io ? 'storage.storeFileUnreadable' : 'storage.storeFileDamaged';
  return keyedError('STORE_DAMAGED', key, { file }, { file });
}
