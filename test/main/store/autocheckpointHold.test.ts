import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { AutocheckpointHold } from '../../../main/store/autocheckpointHold.ts';
import { createStore, sqliteConnectionOf } from '../../../main/store/database.node.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

test('a held connection takes no automatic checkpoint until released, then its own setting again, held twice or not; a closed one is left alone', async () => {
  const { dir, cleanup } = await makeTempDataDir();
  cleanups.push(cleanup);
  const store = await createStore(join(dir, 'lotsen.db'), randomBytes(32));
  const raw = sqliteConnectionOf(store.db)!;
  raw.pragma('wal_autocheckpoint = 250');
  const setting = () => raw.pragma('wal_autocheckpoint', { simple: true });
  const hold = new AutocheckpointHold(raw);
  hold.hold();
  hold.hold();
  expect(setting()).toBe(0);
  hold.release();
  expect(setting()).toBe(250);
  hold.release();
  expect(setting()).toBe(250);

  hold.hold();
  await store.close();
  expect(() => hold.release()).not.toThrow();
});
