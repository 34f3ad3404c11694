import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../renderer/api/client.ts';
import { selectCustomerMatches } from '../../../renderer/store/registry/slices/customerList/selectors.ts';
import { createStores, startStores, type Stores } from '../../../renderer/store/stores.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { inProcessTransport } from '../support/inProcessTransport.ts';
import { waitFor } from '../support/wsServer.ts';

/*
 * The customer list shows its rows with their hosts counted before the servers come (issue 17's first paint: 50,000
 * servers were most of the first answer), then takes the servers for the search by host and the palette; a refresh
 * keeps the servers it had until the new ones come. Against a real backend.
 */
let env: Awaited<ReturnType<typeof openPassphraseBackend>>;
let stores: Stores;
let stop = () => {};

/** What each change of the registry store held: the list's state and Växjö's servers as the search sees them. */
interface Seen {
  listStatus: string;
  serversStatus: string;
  hosts: string[];
  servers: number;
  hostCount: number;
  foundByHost: boolean;
}
let seen: Seen[] = [];

beforeEach(async () => {
  env = await openPassphraseBackend();
  const api = createApiClient(inProcessTransport(env.backend));
  const customer = await api.call('registry.createCustomer', {
    name: 'Växjö kommun',
    orgNumber: orgNumber('212000', 70),
    kind: 'municipality',
  });
  const environment = await api.call('registry.saveEnvironment', {
    customerId: customer.id,
    environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh' } },
  });
  for (const host of ['wap01.vaxjo.se', 'adfs01.vaxjo.se']) {
    await api.call('registry.saveServer', { environmentId: environment.id, server: { host, role: 'wap' } });
  }
  stores = createStores(createApiClient(inProcessTransport(env.backend)));
  seen = [];
  stores.registry.subscribe((s) => {
    const vaxjo = s.customers.find((c) => c.name === 'Växjö kommun');
    if (!vaxjo) return;
    seen.push({
      listStatus: s.listStatus,
      serversStatus: s.serversStatus,
      hosts: vaxjo.hosts,
      servers: vaxjo.servers.length,
      hostCount: vaxjo.hostCount,
      foundByHost: selectCustomerMatches({ ...s, query: 'wap01.vaxjo' }).length === 1,
    });
  });
  stop = startStores(stores);
});

afterEach(async () => {
  stop();
  await env.cleanup();
});

describe('the customer list and its servers', () => {
  it('shows the rows with their hosts counted first, then takes the servers for the search', async () => {
    await waitFor(() => {
      const state = stores.registry.getState();
      return state.serversStatus === 'ready' && state.contactsStatus === 'ready';
    });
    expect(seen[0]).toEqual({
      listStatus: 'ready',
      serversStatus: 'loading',
      hosts: [],
      servers: 0,
      hostCount: 2,
      foundByHost: false,
    });
    expect(seen.at(-1)).toEqual({
      listStatus: 'ready',
      serversStatus: 'ready',
      hosts: ['adfs01.vaxjo.se', 'wap01.vaxjo.se'],
      servers: 2,
      hostCount: 2,
      foundByHost: true,
    });
  });

  it('a refresh keeps the servers it had, so a search by host keeps its row until the new ones come', async () => {
    await waitFor(() => stores.registry.getState().serversStatus === 'ready');
    const refreshed = seen.length;
    await stores.registry.getState().loadCustomers();
    const during = seen.slice(refreshed);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((s) => s.foundByHost && s.serversStatus === 'ready' && s.servers === 2)).toBe(true);
  });
});
