import { randomBytes } from 'node:crypto';
import { link, lstat, open, rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes beside the target and renames over it, so a crash leaves the old file or the new one, never half of one.
 * Owner-only unless told otherwise: what Lotsen writes names customers, hosts or keys.
 * `sync` flushes the new file to disk before the rename, for files whose loss would lose data (the key file).
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { mode?: number; sync?: boolean } = {},
): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data, { mode: options.mode ?? 0o600, flag: 'wx' });
    if (options.sync) {
      const handle = await open(temporary, 'r+');
      await handle.sync().finally(() => handle.close());
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Anything at the path counts, a dangling symbolic link too. */
export async function pathTaken(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => null)) !== null;
}

/**
 * Moves a finished temporary file to `path` only if nothing is there, and says whether it did. A hard link fails if
 * the target exists, atomically, where a check and a rename would race a file made between them; folders that cannot
 * hold hard links (FAT, some network shares) get the check and the rename.
 */
export async function placeWithoutReplacing(temporary: string, path: string): Promise<boolean> {
  try {
    await link(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (await pathTaken(path)) return false;
    await rename(temporary, path);
    return true;
  }
  await rm(temporary, { force: true });
  return true;
}
