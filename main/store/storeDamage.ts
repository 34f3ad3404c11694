import { LotsenError } from '../../common/api/errors.ts';

/** What to do about a store that is gone or damaged, the same words wherever Lotsen meets one; ends a sentence. */
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
  const which = file ? `The store ${file}` : 'The store';
  const io = String((error as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_IOERR');
  const what = io
    ? 'could not be read: the disk reported an error'
    : 'is damaged: part of it cannot be read (it was cut short, overwritten or corrupted)';
  return new LotsenError(
    'STORE_DAMAGED',
    `${which} ${what}. Nothing was changed. Run \`lotsen doctor\` for details, then ${RESTORE_GUIDANCE}. Keep the damaged file until the restored store checks out.`,
    file ? { file } : undefined,
  );
}
