/**
 * SQLite's answer when another process holds the write lock past the busy timeout, or wrote since this transaction
 * read (WAL's BUSY_SNAPSHOT, given at once): the transaction was rolled back and can simply be tried again.
 */
export function isStoreBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
