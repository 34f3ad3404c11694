import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { CustomerSummary } from '../../common/registry/model.ts';
import { searchCustomers } from '../../common/registry/search.ts';
import { listCustomerSummaries } from '../../main/registry/customerRepository.ts';
import { importRegistry } from '../../main/registry/registryImport.ts';
import { swedishOfficeCalendar } from '../../main/tickets/officeCalendar.ts';
import { createStore, openEncryptedConnection, type Store } from '../../main/store/database.node.ts';
import { createLocalUser } from '../../main/users/localUser.ts';
import { orgNumber } from '../support/orgNumbers.ts';
import { makeTempDataDir } from '../support/tempDataDir.ts';
import { localPrincipal } from '../../common/team/principal.ts';

/*
 * What the registry's layers cost, each against a baseline measured in the same run on the same encrypted file:
 * - listing customers through the Kysely repository against raw prepared statements;
 * - the search the UI runs on every keystroke against a bare substring scan of names.
 */
const CUSTOMERS = 2_000;
let temp: Awaited<ReturnType<typeof makeTempDataDir>>;
let store: Store;
let raw: Database.Database;
let summaries: CustomerSummary[] = [];

beforeAll(async () => {
  temp = await makeTempDataDir('lotsen-bench-');
  const file = join(temp.dir, 'bench.db');
  const key = randomBytes(32);
  store = await createStore(file, key);
  const user = await createLocalUser(
    store.db,
    { name: 'Bänk', email: 'bench@leverantor.se', role: 'technician' },
    0,
  );
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
    name: `${['Växjö', 'Örebro', 'Luleå', 'Skövde'][i % 4]} skola ${i}`,
    orgNumber: orgNumber(String(556000 + Math.floor(i / 1000)), i % 1000),
    kind: 'school_chain',
    contacts: [{ name: `Åsa Öberg ${i}`, email: `asa${i}@skola.se` }],
    environments: [
      {
        name: 'Produktion',
        access: { vpnType: 'none', method: 'ssh' },
        servers: [
          { host: `wap${i}.skola.se`, role: 'wap' },
          { host: `adfs${i}.skola.se`, role: 'adfs' },
        ],
      },
    ],
  }));
  await importRegistry(
    { db: store.db, actorId: user.id, principal: localPrincipal(user.id), now: Date.now },
    swedishOfficeCalendar(),
    {
      format: 'lotsen-registry',
      version: 1,
      customers,
    },
  );
  raw = openEncryptedConnection(file, key);
  summaries = await listCustomerSummaries(store.db);
});

afterAll(async () => {
  raw.close();
  await store.close();
  await temp.cleanup();
});

describe(`list ${CUSTOMERS} customer summaries`, () => {
  bench('baseline: raw prepared statements', () => {
    const customers = raw.prepare('SELECT id, name, org_number, kind, updated_at FROM customers').all() as {
      id: string;
    }[];
    const servers = raw
      .prepare('SELECT e.customer_id, s.host FROM servers s JOIN environments e ON e.id = s.environment_id')
      .all() as { customer_id: string; host: string }[];
    const contacts = raw.prepare('SELECT customer_id, name, email, phone FROM contacts').all() as {
      customer_id: string;
    }[];
    const byId = new Map(
      customers.map((c) => [c.id, { ...c, hosts: [] as string[], contacts: [] as unknown[] }]),
    );
    for (const s of servers) byId.get(s.customer_id)?.hosts.push(s.host);
    for (const c of contacts) byId.get(c.customer_id)?.contacts.push(c);
  });
  bench('Lotsen repository (Kysely)', async () => {
    await listCustomerSummaries(store.db);
  });
});

describe(`search ${CUSTOMERS} customers`, () => {
  bench('baseline: substring scan of names', () => {
    summaries.filter((c) => c.name.toLowerCase().includes('wap19'));
  });
  bench('Lotsen search: names, numbers, hosts, contacts, accent-folded', () => {
    searchCustomers(summaries, 'wap19');
  });
  bench('Lotsen search: two words', () => {
    searchCustomers(summaries, 'Örebro wap19');
  });
});
