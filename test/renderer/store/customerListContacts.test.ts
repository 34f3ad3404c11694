import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../renderer/api/client.ts';
import { selectCustomerMatches } from '../../../renderer/store/registry/slices/customerList/selectors.ts';
import { createStores, startStores, type Stores } from '../../../renderer/store/stores.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { inProcessTransport } from '../support/inProcessTransport.ts';
import { waitFor } from '../support/wsServer.ts';

/*
 * The customer list shows its rows before their contacts are opened (issue 17's first paint), then takes the contacts
 * for the search; a refresh keeps the contacts it had until the new ones come. Against a real backend.
 */
let env: Awaited<ReturnType<typeof openPassphraseBackend>>;
let stores: Stores;
let stop = () => {};

/** What each change of the registry store held: the list's state and Växjö's contacts as the search sees them. */
interface Seen {
  listStatus: string;
  contactsStatus: string;
  contacts: string[];
  contactCount: number;
  foundByContact: boolean;
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
  await api.call('registry.saveContact', {
    customerId: customer.id,
    contact: {
      name: 'Åsa Öberg',
      email: 'asa.oberg@vaxjo.se',
      phone: '',
      role: '',
      adminAccount: '',
      adminTrainingDone: false,
    },
  });
  stores = createStores(createApiClient(inProcessTransport(env.backend)));
  seen = [];
  stores.registry.subscribe((s) => {
    const vaxjo = s.customers.find((c) => c.name === 'Växjö kommun');
    if (!vaxjo) return;
    seen.push({
      listStatus: s.listStatus,
      contactsStatus: s.contactsStatus,
      contacts: vaxjo.contacts.map((c) => c.name),
      contactCount: vaxjo.contactCount,
      foundByContact: selectCustomerMatches({ ...s, query: 'asa oberg' }).length === 1,
    });
  });
  stop = startStores(stores);
});

afterEach(async () => {
  stop();
  await env.cleanup();
});

describe('the customer list and its contacts', () => {
  it('shows the rows with their contacts counted first, then takes the contacts for the search', async () => {
    await waitFor(() => stores.registry.getState().contactsStatus === 'ready');
    expect(seen[0]).toEqual({
      listStatus: 'ready',
      contactsStatus: 'loading',
      contacts: [],
      contactCount: 1,
      foundByContact: false,
    });
    expect(seen.at(-1)).toEqual({
      listStatus: 'ready',
      contactsStatus: 'ready',
      contacts: ['Åsa Öberg'],
      contactCount: 1,
      foundByContact: true,
    });
  });

  it('a refresh keeps the contacts it had, so a search by contact keeps its row until the new ones come', async () => {
    await waitFor(() => stores.registry.getState().contactsStatus === 'ready');
    const refreshed = seen.length;
    await stores.registry.getState().loadCustomers();
    const during = seen.slice(refreshed);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((s) => s.foundByContact && s.contactsStatus === 'ready')).toBe(true);
  });
});
