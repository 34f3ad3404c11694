import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectCustomerMatches } from '../../../renderer/store/registry/slices/customerList/selectors.ts';
import { registryStoresOnVaxjo, type RegistryStoresOnVaxjo } from '../support/registryStores.ts';
import { waitFor } from '../support/wsServer.ts';

/*
 * The customer list shows its rows with their hosts counted before the servers come (issue 17's first paint: 50,000
 * servers were most of the first answer), then takes the servers for the search by host and the palette; a refresh
 * keeps the servers it had until the new ones come. Against a real backend.
 */

/** What each change of the registry store held: the list's state and Växjö's servers as the search sees them. */
interface Seen {
  listStatus: string;
  serversStatus: string;
  hosts: string[];
  servers: number;
  hostCount: number;
  foundByHost: boolean;
}
let run: RegistryStoresOnVaxjo<Seen>;

beforeEach(async () => {
  run = await registryStoresOnVaxjo(
    async (api, customerId) => {
      const environment = await api.call('registry.saveEnvironment', {
        customerId,
        environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh' } },
      });
      for (const host of ['wap01.vaxjo.se', 'adfs01.vaxjo.se']) {
        await api.call('registry.saveServer', {
          environmentId: environment.id,
          server: { host, role: 'wap' },
        });
      }
    },
    (s, vaxjo) => ({
      listStatus: s.listStatus,
      serversStatus: s.serversStatus,
      hosts: vaxjo.hosts,
      servers: vaxjo.servers.length,
      hostCount: vaxjo.hostCount,
      foundByHost: selectCustomerMatches({ ...s, query: 'wap01.vaxjo' }).length === 1,
    }),
  );
});

afterEach(() => run.cleanup());

describe('the customer list and its servers', () => {
  it('shows the rows with their hosts counted first, then takes the servers for the search', async () => {
    await waitFor(() => {
      const state = run.stores.registry.getState();
      return state.serversStatus === 'ready' && state.contactsStatus === 'ready';
    });
    expect(run.seen[0]).toEqual({
      listStatus: 'ready',
      serversStatus: 'loading',
      hosts: [],
      servers: 0,
      hostCount: 2,
      foundByHost: false,
    });
    expect(run.seen.at(-1)).toEqual({
      listStatus: 'ready',
      serversStatus: 'ready',
      hosts: ['adfs01.vaxjo.se', 'wap01.vaxjo.se'],
      servers: 2,
      hostCount: 2,
      foundByHost: true,
    });
  });

  it('a refresh keeps the servers it had, so a search by host keeps its row until the new ones come', async () => {
    await waitFor(() => run.stores.registry.getState().serversStatus === 'ready');
    const refreshed = run.seen.length;
    await run.stores.registry.getState().loadCustomers();
    const during = run.seen.slice(refreshed);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((s) => s.foundByHost && s.serversStatus === 'ready' && s.servers === 2)).toBe(true);
  });
});
