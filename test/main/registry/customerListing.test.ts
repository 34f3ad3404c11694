import { describe, expect, test } from 'vitest';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { contactInput } from '../../support/contactInput.ts';
import { vaxjoAndLund } from '../../support/vaxjoAndLund.ts';

/*
 * The customer list in two steps (issue 17's 10,000-customer first paint): the summaries with their contacts counted
 * but not opened, then every customer's contacts opened for the search.
 */
const { call, opened } = apiPerTest();

async function twoCustomers() {
  const { vaxjo, lund } = await vaxjoAndLund(call);
  // Saved out of name order: Swedish order puts Å and Ö after Z.
  for (const [name, email] of [
    ['Örjan Lind', 'orjan.lind@vaxjo.se'],
    ['Åsa Ek', 'asa.ek@vaxjo.se'],
    ['Bo Berg', 'bo.berg@vaxjo.se'],
  ] as const) {
    await call.ok('registry.saveContact', { customerId: vaxjo.id, contact: contactInput(name, email) });
  }
  return { vaxjo, lund };
}

describe('the customer list without its contacts, then the contacts', () => {
  test('the list asked without contacts counts them and holds none; the whole list counts the same', async () => {
    const { vaxjo, lund } = await twoCustomers();
    const light = await call.ok('registry.listCustomers', { contacts: false });
    expect(light.map((c) => [c.name, c.contacts, c.contactCount])).toEqual([
      ['Lunds kommun', [], 0],
      ['Växjö kommun', [], 3],
    ]);
    const whole = await call.ok('registry.listCustomers', {});
    expect(whole.find((c) => c.id === vaxjo.id)).toMatchObject({
      contactCount: 3,
      contacts: [{ name: 'Bo Berg' }, { name: 'Åsa Ek' }, { name: 'Örjan Lind' }],
    });
    expect(whole.find((c) => c.id === lund.id)).toMatchObject({ contactCount: 0, contacts: [] });
  });

  test("listCustomerContacts opens each customer's contacts in name order and leaves out customers without", async () => {
    const { vaxjo } = await twoCustomers();
    expect(await call.ok('registry.listCustomerContacts', {})).toEqual([
      {
        customerId: vaxjo.id,
        contacts: [
          { name: 'Bo Berg', email: 'bo.berg@vaxjo.se', phone: '', adminAccount: '' },
          { name: 'Åsa Ek', email: 'asa.ek@vaxjo.se', phone: '', adminAccount: '' },
          { name: 'Örjan Lind', email: 'orjan.lind@vaxjo.se', phone: '', adminAccount: '' },
        ],
      },
    ]);
  });

  test('the list without contacts opens none of them: a contact that cannot be opened fails only the contacts', async () => {
    await twoCustomers();
    // Not sealed text: opening it is refused as a tampered store (main/vault/ownedDataKeys.ts).
    await opened.backend.registryContext().db.updateTable('contacts').set({ email: 'not sealed' }).execute();
    expect((await call.ok('registry.listCustomers', { contacts: false })).map((c) => c.contactCount)).toEqual(
      [0, 3],
    );
    expect((await call.fails('registry.listCustomerContacts', {})).code).toBe('INTERNAL');
    expect((await call.fails('registry.listCustomers', {})).code).toBe('INTERNAL');
  });
});
