import { describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';

const { call } = apiPerTest();

const LUND = { name: 'Lunds kommun', orgNumber: orgNumber('212000', 120), kind: 'municipality' } as const;
const NILS = {
  responsibleName: 'Nils Leverantör',
  responsiblePhone: '+46 70 123 45 67',
  responsibleEmail: 'nils@leverantor.se',
};

describe('the vendor’s responsible person', () => {
  test('a customer has a responsible person for acute calls', async () => {
    const customer = await call.ok('registry.createCustomer', { ...LUND, ...NILS });
    const person = { name: 'Nils Leverantör', phone: '+46 70 123 45 67', email: 'nils@leverantor.se' };
    expect(customer.responsiblePerson).toEqual(person);
    expect((await call.ok('registry.getCustomer', { id: customer.id })).responsiblePerson).toEqual(person);

    // On every ticket of the customer, where the acute call is made from.
    const ticket = await call.ok('tickets.save', {
      ticket: {
        customerId: customer.id,
        requesterName: 'Åsa Öberg',
        requesterEmail: 'asa@lund.se',
        subject: 'Ingen kan logga in',
        receivedAt: Date.now(),
      },
    });
    expect(ticket.responsiblePerson).toEqual(person);

    // Cleared by an edit without one: the customer has none, and says so as null.
    const cleared = await call.ok('registry.updateCustomer', {
      id: customer.id,
      rowVersion: customer.rowVersion,
      customer: LUND,
    });
    expect(cleared.responsiblePerson).toBeNull();
    expect((await call.ok('tickets.get', { id: ticket.id })).responsiblePerson).toBeNull();
  });

  test('a responsible person without a phone, or a phone without a person, is refused and nothing is written', async () => {
    const noPhone = await call.fails('registry.createCustomer', { ...LUND, responsibleName: 'Nils' });
    expect(noPhone.code).toBe('VALIDATION');
    expect(noPhone.details?.issues).toEqual([
      { path: 'responsiblePhone', message: 'The responsible person needs a phone number for acute calls' },
    ]);
    const nobody = await call.fails('registry.createCustomer', { ...LUND, responsiblePhone: '0470-123' });
    expect(nobody.details?.issues?.[0]?.path).toBe('responsibleName');
    const badMail = await call.fails('registry.createCustomer', {
      ...LUND,
      ...NILS,
      responsibleEmail: 'nils',
    });
    expect(badMail.details?.issues?.[0]?.path).toBe('responsibleEmail');
    expect(await call.ok('registry.listCustomers', {})).toEqual([]);
  });

  test('the registry file carries it, and a file without it still imports', async () => {
    await call.ok('registry.createCustomer', { ...LUND, ...NILS });
    const file = await call.ok('registry.export', {});
    expect(file.customers[0]).toMatchObject(NILS);

    // Into a second, empty store.
    const second = await openPassphraseBackend();
    const other = apiCaller(createApi(second.backend));
    try {
      const old = {
        format: 'lotsen-registry',
        version: 2,
        customers: [{ name: 'Åre kommun', orgNumber: '2120002429', kind: 'municipality' }],
      };
      await other.ok('registry.import', { file: { ...file, includesSecrets: false } });
      await other.ok('registry.import', { file: old });
      const listed = await other.ok('registry.listCustomers', {});
      const lund = listed.find((c) => c.name === 'Lunds kommun');
      const are = listed.find((c) => c.name === 'Åre kommun');
      expect((await other.ok('registry.getCustomer', { id: lund!.id })).responsiblePerson).toMatchObject({
        name: 'Nils Leverantör',
      });
      expect((await other.ok('registry.getCustomer', { id: are!.id })).responsiblePerson).toBeNull();

      const refused = await other.fails('registry.import', {
        file: {
          ...old,
          customers: [{ ...old.customers[0], orgNumber: '2120001355', responsibleName: 'Nils' }],
        },
      });
      expect(refused.details?.issues?.[0]).toMatchObject({ path: 'customers.0.responsiblePhone' });
    } finally {
      await second.cleanup();
    }
  });
});
