import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { localPrincipal } from '../../../common/team/principal.ts';
import { importRegistry } from '../../../main/registry/registryImport.ts';
import { createStore, openEncryptedConnection, type Store } from '../../../main/store/database.node.ts';
import { swedishOfficeCalendar } from '../../../main/tickets/officeCalendar.ts';
import { createLocalUser } from '../../../main/users/localUser.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

export interface BenchStore {
  /** The store as Lotsen opens it. */
  store: Store;
  /** A raw connection to the same encrypted file, for the baselines. */
  raw: Database.Database;
  close(): Promise<void>;
}

/**
 * A real encrypted store in a temp folder, filled through the registry import (as a person's file would be), and
 * a raw connection to the same file for the baseline each benchmark measures against in the same run.
 */
export async function benchStore(registry: { version: number; customers: unknown[] }): Promise<BenchStore> {
  const temp = await makeTempDataDir('lotsen-bench-');
  const file = join(temp.dir, 'bench.db');
  const key = randomBytes(32);
  const store = await createStore(file, key);
  const user = await createLocalUser(
    store.db,
    { name: 'Bänk', email: 'bench@leverantor.se', role: 'technician' },
    0,
  );
  await importRegistry(
    { db: store.db, actorId: user.id, principal: localPrincipal(user.id), now: Date.now },
    swedishOfficeCalendar(),
    { format: 'lotsen-registry', ...registry },
  );
  const raw = openEncryptedConnection(file, key);
  return {
    store,
    raw,
    async close() {
      raw.close();
      await store.close();
      await temp.cleanup();
    },
  };
}
