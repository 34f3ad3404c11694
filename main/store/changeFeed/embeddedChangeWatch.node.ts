import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../database.node.ts';
import type { ChangeFeed, ChangeSink } from './changeFeed.ts';

export interface EmbeddedChangeWatchOptions {
  /** The store's file (lotsen.db); its folder is watched for it and its -wal. */
  file: string;
  /** The app's own connection to it: `PRAGMA data_version` is read there. */
  db: Db;
  emit: ChangeSink;
  /** Quiet time after the last file event before looking, and the longest wait while writes go on. */
  quietMs?: number;
  longestWaitMs?: number;
}

/**
 * The embedded store has one app but may have a second writer: the CLI, run on the same data folder while the app is
 * open (an import, a purge). The file system says the store's files changed; `PRAGMA data_version` on the app's own
 * connection says whether that was another connection's commit (it does not move for this connection's own writes,
 * which already emitted their events). Then `store.resynced` ('external-change'): which rows changed is not known
 * here, so the page reloads what it shows. No polling: nothing is read until a file changes.
 */
export async function watchEmbeddedStore(options: EmbeddedChangeWatchOptions): Promise<ChangeFeed> {
  const { file, db, emit } = options;
  const quietMs = options.quietMs ?? 150;
  const longestWaitMs = options.longestWaitMs ?? 1_000;
  const names = new Set([basename(file), `${basename(file)}-wal`]);
  const dataVersion = async () =>
    (await sql<{ data_version: number }>`PRAGMA data_version`.execute(db)).rows[0]!.data_version;

  let seen = await dataVersion();
  let closed = false;
  let quiet: NodeJS.Timeout | null = null;
  let longest: NodeJS.Timeout | null = null;
  let looking: Promise<void> = Promise.resolve();

  const look = () => {
    if (quiet) clearTimeout(quiet);
    if (longest) clearTimeout(longest);
    quiet = longest = null;
    looking = looking.then(async () => {
      if (closed) return;
      const now = await dataVersion().catch(() => seen);
      if (now === seen || closed) return;
      seen = now;
      emit({ event: 'store.resynced', payload: { reason: 'external-change' } });
    });
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(dirname(file), { persistent: false }, (_event, name) => {
      if (closed || (name !== null && !names.has(name.toString()))) return;
      if (quiet) clearTimeout(quiet);
      quiet = setTimeout(look, quietMs);
      // A long import writes for seconds: the page sees its progress at least this often, not only at its end.
      longest ??= setTimeout(look, longestWaitMs);
    });
  } catch {
    // A folder that cannot be watched (some network file systems): the app works as before, reloading by hand.
    return { close: async () => undefined };
  }
  watcher.on('error', () => watcher.close());

  return {
    async close() {
      closed = true;
      watcher.close();
      if (quiet) clearTimeout(quiet);
      if (longest) clearTimeout(longest);
      await looking;
    },
  };
}
