import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { sealPersonal } from '../../../main/personalData/personalDataKeys.ts';
import { createStore } from '../../../main/store/database.node.ts';
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
