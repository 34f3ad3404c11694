import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../../common/registry/model.ts';
import { saveContact } from '../../../main/registry/customerRepository.ts';
import { contactInput } from '../../support/contactInput.ts';
import { asaOberg, registryStoresOnVaxjo, type RegistryStoresOnVaxjo } from '../support/registryStores.ts';
import { waitFor } from '../support/wsServer.ts';

/*
 * After the list, its servers and its contacts follow, each asked for on its own. A change asks again only for the
 * parts it touched (registry.changed names them): a contact saved in another window does not make every window ask
 * for every customer's servers, nor a renamed customer for anything but the list. Against a real backend.
 */

/** Växjö's hosts and contacts, as the list holds them. */
interface Seen {
  hosts: string[];
  contacts: string[];
  name: string;
}
let run: RegistryStoresOnVaxjo<Seen>;
let environmentId: string;

beforeEach(async () => {
  run = await registryStoresOnVaxjo(
    async (api, customerId) => {
      await api.call('registry.saveContact', { customerId, contact: asaOberg });
      environmentId = (
        await api.call('registry.saveEnvironment', {
          customerId,
          environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh' } },
        })
      ).id;
      await api.call('registry.saveServer', {
        environmentId,
        server: { host: 'wap01.vaxjo.se', role: 'wap' },
      });
    },
    (_s, vaxjo) => ({ hosts: vaxjo.hosts, contacts: vaxjo.contacts.map((c) => c.name), name: vaxjo.name }),
  );
  await waitFor(() => {
    const s = run.stores.registry.getState();
    return s.serversStatus === 'ready' && s.contactsStatus === 'ready';
  });
});

afterEach(() => run.cleanup());

/** The registry methods the stores call from now on (the other stores follow registry.changed with their own). */
function callsFromNow(): () => string[] {
  const from = run.called.length;
  return () => run.called.slice(from).filter((method) => method.startsWith('registry.'));
}

/*
 * A load asks for its follow-up parts together, as soon as the list is shown: once a change shows in the list, every
 * call of its load has been made, and the calls seen then are all it made.
 */
describe('a change asks again for the parts of the list it touched', () => {
  it('a contact saved in another window: the list and the contacts, not the servers', async () => {
    const calls = callsFromNow();
    await run.api.call('registry.saveContact', {
      customerId: run.customerId,
      contact: contactInput('Bo Ek', 'bo.ek@vaxjo.se'),
    });
    await waitFor(() => run.seen.at(-1)!.contacts.includes('Bo Ek'));
    expect(calls()).toEqual(['registry.listCustomers', 'registry.listCustomerContacts']);
    expect(run.seen.at(-1)!.hosts).toEqual(['wap01.vaxjo.se']);
  });

  it('a server saved in another window: the list and the servers, not the contacts', async () => {
    const calls = callsFromNow();
    await run.api.call('registry.saveServer', {
      environmentId,
      server: { host: 'adfs01.vaxjo.se', role: 'adfs' },
    });
    await waitFor(() => run.seen.at(-1)!.hosts.includes('adfs01.vaxjo.se'));
    expect(calls()).toEqual(['registry.listCustomers', 'registry.listCustomerServers']);
    expect(run.seen.at(-1)!.contacts).toEqual(['Åsa Öberg']);
  });

  it('a customer renamed in another window: the list alone, its servers and contacts kept', async () => {
    const calls = callsFromNow();
    const { rowVersion } = await run.api.call('registry.getCustomer', { id: run.customerId });
    await run.api.call('registry.updateCustomer', {
      id: run.customerId,
      rowVersion,
      customer: {
        name: 'Växjö kommun (IT)',
        orgNumber: run.stores.registry.getState().customers[0]!.orgNumber,
        kind: 'municipality',
      },
    });
    await waitFor(() => run.seen.at(-1)!.name === 'Växjö kommun (IT)');
    expect(calls()).toEqual(
      ['registry.getCustomer', 'registry.updateCustomer', 'registry.listCustomers'].slice(2),
    );
    expect(run.seen.at(-1)).toEqual({
      hosts: ['wap01.vaxjo.se'],
      contacts: ['Åsa Öberg'],
      name: 'Växjö kommun (IT)',
    });
  });

  it('a change with no word of what it touched (an import, another member’s): both parts again', async () => {
    const calls = callsFromNow();
    await run.stores.registry.getState().loadCustomers();
    expect(calls()).toEqual([
      'registry.listCustomers',
      'registry.listCustomerServers',
      'registry.listCustomerContacts',
    ]);
  });

  it('the contacts a change touched are asked for even when a newer load that touched none overtakes it', async () => {
    // Written past the handlers (no event): the two loads below are the only ones.
    await saveContact(
      run.backend.registryContext(),
      run.customerId,
      undefined,
      undefined,
      contactInputSchema.parse(contactInput('Bo Ek', 'bo.ek@vaxjo.se')),
    );
    const { loadCustomers } = run.stores.registry.getState();
    // The first load's answers are dropped for the second's, which must then ask for the contacts itself.
    await Promise.all([loadCustomers(['contacts']), loadCustomers([])]);
    expect(run.seen.at(-1)!.contacts).toEqual(['Bo Ek', 'Åsa Öberg']);
  });
});
