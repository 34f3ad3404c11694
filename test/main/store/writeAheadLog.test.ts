import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { sealPersonal } from '../../../main/personalData/personalDataKeys.ts';
import {
  createStore,
  openEncryptedConnection,
  openStore,
  sqliteConnectionOf,
} from '../../../main/store/database.node.ts';
import { flushWriteAheadLog } from '../../../main/store/writeAheadLog.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

test("flushing the write-ahead log leaves no page beside the embedded store's file", async () => {
  const { dir, cleanup } = await makeTempDataDir();
  const store = await createStore(join(dir, 'lotsen.db'), randomBytes(32));
  cleanups.push(cleanup, () => store.close());
  const walBytes = async () => (await stat(`${store.file}-wal`)).size;

  await sealPersonal(store.db, { kind: 'ticket', id: 't1' }, 'Anna Lindqvist');
  expect(await walBytes()).toBeGreaterThan(0);
  await flushWriteAheadLog(store.db);
  expect(await walBytes()).toBe(0);

  // Inside a transaction the log cannot be emptied: a caller that tries is told, not silently left with a full log.
  await expect(store.db.transaction().execute((trx) => flushWriteAheadLog(trx))).rejects.toThrow(
    /after the transaction/,
  );
});

test('a store opened again waits for the fsync of every commit (synchronous = FULL), as the one that made it did', async () => {
  const { dir, cleanup } = await makeTempDataDir();
  cleanups.push(cleanup);
  const file = join(dir, 'lotsen.db');
  const key = randomBytes(32);
  const FULL = 2;
  const created = await createStore(file, key);
  expect(sqliteConnectionOf(created.db)!.pragma('synchronous', { simple: true })).toBe(FULL);
  await sealPersonal(created.db, { kind: 'ticket', id: 't1' }, 'Anna Lindqvist');
  await created.close();

  // The file is in WAL mode now, and this build's default for such a file is NORMAL (1): a commit after the last
  // checkpoint would not wait for its fsync and could be lost to a power cut.
  const reopened = await openStore(file, key);
  cleanups.push(() => reopened.close());
  expect(sqliteConnectionOf(reopened.db)!.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(sqliteConnectionOf(reopened.db)!.pragma('synchronous', { simple: true })).toBe(FULL);
  // A second connection to the same file (benchmarks' baselines, a worker's own connection) is opened the same way.
  const second = openEncryptedConnection(file, key);
  cleanups.push(async () => void second.close());
  expect(second.pragma('synchronous', { simple: true })).toBe(FULL);
});
