import { describe, expect, test } from 'vitest';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { backendStorePages } from '../../support/backendStorePages.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { storedVersion } from '../../support/storedVersion.ts';

const { call, opened } = apiPerTest();

const db = () => opened.backend.registryContext().db;
const contactKeys = () =>
  db().selectFrom('personal_data_keys').select('owner_id').where('owner_kind', '=', 'contact').execute();

const details = {
  name: 'Gunnel Åkerblom',
  email: 'gunnel.akerblom@ljungby.se',
  phone: '0372-789 12 34',
  role: 'IT-samordnare Ljungby gymnasium',
  adminAccount: 'adm-gunnel.akerblom@skola.ljungby.se',
};

async function customerWithContact() {
  const customer = await call.ok('registry.createCustomer', {
    name: 'Ljungby kommun',
    orgNumber: orgNumber('212000', 91),
    kind: 'municipality',
  });
  const contact = await call.ok('registry.saveContact', {
    customerId: customer.id,
    contact: { ...details, adminTrainingDone: true },
  });
  return { customer, contact };
}

describe('contacts', () => {
  test("a contact's details are sealed at rest", async () => {
    const { customer, contact } = await customerWithContact();
    await call.ok('registry.saveContact', {
      customerId: customer.id,
      id: contact.id,
      rowVersion: await storedVersion(call, customer.id, contact.id),
      contact: { ...details, phone: '070-555 66 77', adminTrainingDone: true },
    });

    const pages = await backendStorePages(opened.backend, opened.dataDir);
    const texts = [...Object.values(details), '070-555 66 77'];
    expect(texts.filter((text) => pages.includes(Buffer.from(text, 'utf8')))).toEqual([]);
    expect(await call.ok('registry.getCustomer', { id: customer.id })).toMatchObject({
      contacts: [{ ...details, phone: '070-555 66 77', adminTrainingDone: true }],
    });
    const [summary] = await call.ok('registry.listCustomers', {});
    expect(summary!.contacts).toEqual([
      {
        name: details.name,
        email: details.email,
        phone: '070-555 66 77',
        adminAccount: details.adminAccount,
      },
    ]);
  });

  test('deleting a contact destroys its key', async () => {
    const { customer, contact } = await customerWithContact();
    const other = await call.ok('registry.saveContact', {
      customerId: customer.id,
      contact: { name: 'Bo Ek', email: 'bo.ek@ljungby.se' },
    });
    expect((await contactKeys()).map((k) => k.owner_id).sort()).toEqual([contact.id, other.id].sort());

    await call.ok('registry.deleteContact', { id: contact.id });
    expect((await contactKeys()).map((k) => k.owner_id)).toEqual([other.id]);
    expect((await call.ok('registry.getCustomer', { id: customer.id })).contacts).toEqual([
      expect.objectContaining({ name: 'Bo Ek' }),
    ]);

    await call.ok('registry.deleteCustomer', { id: customer.id });
    expect(await contactKeys()).toEqual([]);
  });
});
