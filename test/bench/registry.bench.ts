import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { CustomerSummary } from '../../common/registry/model.ts';
import { searchCustomers } from '../../common/registry/search.ts';
import { listCustomerSummaries } from '../../main/registry/customerRepository.ts';
import { benchCustomers } from './support/benchCustomers.ts';
import { benchStore, type BenchStore } from './support/benchStore.ts';

/*
 * What the registry's layers cost, each against a baseline measured in the same run on the same encrypted file:
 * - listing customers through the Kysely repository against raw prepared statements;
 * - the search the UI runs on every keystroke against a bare substring scan of names.
 */
const CUSTOMERS = 2_000;
let opened: BenchStore;
let summaries: CustomerSummary[] = [];

beforeAll(async () => {
  const customers = benchCustomers(CUSTOMERS);
  opened = await benchStore({ version: 1, customers });
  summaries = await listCustomerSummaries(opened.store.db);
});

afterAll(async () => {
  await opened.close();
});

describe(`list ${CUSTOMERS} customer summaries`, () => {
  bench('baseline: raw prepared statements', () => {
    const customers = opened.raw
      .prepare('SELECT id, name, org_number, kind, updated_at FROM customers')
      .all() as {
      id: string;
    }[];
    const servers = opened.raw
      .prepare('SELECT e.customer_id, s.host FROM servers s JOIN environments e ON e.id = s.environment_id')
      .all() as { customer_id: string; host: string }[];
    const contacts = opened.raw.prepare('SELECT customer_id, name, email, phone FROM contacts').all() as {
      customer_id: string;
    }[];
    const byId = new Map(
      customers.map((c) => [c.id, { ...c, hosts: [] as string[], contacts: [] as unknown[] }]),
    );
    for (const s of servers) byId.get(s.customer_id)?.hosts.push(s.host);
    for (const c of contacts) byId.get(c.customer_id)?.contacts.push(c);
  });
  bench('Lotsen repository (Kysely)', async () => {
    await listCustomerSummaries(opened.store.db);
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
