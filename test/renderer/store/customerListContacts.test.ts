import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  selectContactsReadiness,
  selectCustomerMatches,
} from '../../../renderer/store/registry/slices/customerList/selectors.ts';
import { asaOberg, registryStoresOnVaxjo, type RegistryStoresOnVaxjo } from '../support/registryStores.ts';
import { waitFor } from '../support/wsServer.ts';

/*
 * The customer list shows its rows before their contacts are opened (issue 17's first paint), then takes the contacts
 * for the search; a refresh keeps the contacts it had until the new ones come. Against a real backend. The ticket form
 * offers the contacts from the same list: until they come it says they are loading, not that there are none.
 */

/** What each change of the registry store held: the list's state and Växjö's contacts as the search sees them. */
interface Seen {
  listStatus: string;
  contactsStatus: string;
  contacts: string[];
  contactCount: number;
  foundByContact: boolean;
  /** What the ticket form, open on Växjö, says of its contacts. */
  ticketForm: string;
}
let run: RegistryStoresOnVaxjo<Seen>;

beforeEach(async () => {
  run = await registryStoresOnVaxjo(
    async (api, customerId) => {
      await api.call('registry.saveContact', { customerId, contact: asaOberg });
    },
    (s, vaxjo) => ({
      listStatus: s.listStatus,
      contactsStatus: s.contactsStatus,
      contacts: vaxjo.contacts.map((c) => c.name),
      contactCount: vaxjo.contactCount,
      foundByContact: selectCustomerMatches({ ...s, query: 'asa oberg' }).length === 1,
      ticketForm: selectContactsReadiness(s, vaxjo.id),
    }),
  );
});

afterEach(() => run.cleanup());

describe('the customer list and its contacts', () => {
  it('shows the rows with their contacts counted first, then takes the contacts for the search', async () => {
    await waitFor(() => run.stores.registry.getState().contactsStatus === 'ready');
    expect(run.seen[0]).toEqual({
      listStatus: 'ready',
      contactsStatus: 'loading',
      contacts: [],
      contactCount: 1,
      foundByContact: false,
      ticketForm: 'loading',
    });
    expect(run.seen.at(-1)).toEqual({
      listStatus: 'ready',
      contactsStatus: 'ready',
      contacts: ['Åsa Öberg'],
      contactCount: 1,
      foundByContact: true,
      ticketForm: 'ready',
    });
  });

  it('a refresh keeps the contacts it had, so a search by contact keeps its row until the new ones come', async () => {
    await waitFor(() => run.stores.registry.getState().contactsStatus === 'ready');
    const refreshed = run.seen.length;
    await run.stores.registry.getState().loadCustomers();
    const during = run.seen.slice(refreshed);
    expect(during.length).toBeGreaterThan(0);
    expect(
      during.every((s) => s.foundByContact && s.contactsStatus === 'ready' && s.ticketForm === 'ready'),
    ).toBe(true);
  });
});
