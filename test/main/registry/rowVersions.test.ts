import { describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import type { CustomerDetail } from '../../../common/registry/model.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';
import { contractVersion, storedVersion, ticketVersion } from '../../support/storedVersion.ts';

/*
 * Every record people edit in place carries a version (migration 0020; issue 14 refuses a save against a stale one):
 * 1 when made, and each update adds exactly one, to that row only. One test per class of table, through the API, on
 * both data sources (this folder is one the team project runs too). The tables with no view read it from the store.
 */

const { call, opened } = apiPerTest({ perFile: true });

const RECEIVED = Date.UTC(2026, 10, 2, 9);

/** Every versioned row of a customer's record, by id. */
function versionsOf(detail: CustomerDetail): Record<string, number> {
  const versions: Record<string, number> = { [detail.id]: detail.rowVersion };
  for (const contact of detail.contacts) versions[contact.id] = contact.rowVersion;
  for (const environment of detail.environments) {
    versions[environment.id] = environment.rowVersion;
    for (const row of [
      ...environment.servers,
      ...environment.supportAccounts,
      ...environment.certificates,
      ...environment.notices,
    ]) {
      versions[row.id] = row.rowVersion;
    }
  }
  return versions;
}

/** What `before` becomes when exactly the rows `moved` changed once each. */
function movedOnce(before: Record<string, number>, ...moved: string[]): Record<string, number> {
  const after = { ...before };
  for (const id of moved) after[id] = before[id]! + 1;
  return after;
}

const detail = (id: string) => call.ok('registry.getCustomer', { id });

async function fileTicket(customerId: string, subject: string, requesterEmail = 'asa.oberg@vaxjo.se') {
  return call.ok('tickets.save', {
    ticket: { customerId, requesterName: 'Åsa Öberg', requesterEmail, subject, receivedAt: RECEIVED },
  });
}

describe('row versions', () => {
  test('registry: a customer, contact, environment, server or account edited moves by one; the rest keep theirs', async () => {
    const { customer } = await createCustomerWithEnvironment(call, 'Växjö kommun', 71);
    const other = await createCustomerWithEnvironment(call, 'Lunds kommun', 72);
    const start = versionsOf(await detail(customer.id));
    const otherStart = versionsOf(await detail(other.customer.id));
    expect(new Set(Object.values(start))).toEqual(new Set([1]));

    await call.ok('registry.updateCustomer', {
      id: customer.id,
      rowVersion: 1,
      customer: { name: 'Växjö kommun (IT)', orgNumber: customer.orgNumber, kind: 'municipality' },
    });
    const [asa, erik] = (await detail(customer.id)).contacts;
    // A contact saved moves the contact only: the customer's "updated" stamp moves, its own fields and version not.
    await call.ok('registry.saveContact', {
      customerId: customer.id,
      id: asa!.id,
      rowVersion: await storedVersion(call, customer.id, asa!.id),
      contact: { name: asa!.name, email: asa!.email, phone: '0470-12 34 56' },
    });
    const { environments } = await detail(customer.id);
    const environment = environments[0]!;
    const [adfs] = environment.servers;
    const [account] = environment.supportAccounts;
    await call.ok('registry.saveEnvironment', {
      customerId: customer.id,
      id: environment.id,
      rowVersion: await storedVersion(call, customer.id, environment.id),
      environment: { name: 'Produktion (ny)', access: { vpnType: 'none', method: 'ssh' } },
    });
    await call.ok('registry.saveServer', {
      environmentId: environment.id,
      id: adfs!.id,
      rowVersion: adfs!.rowVersion,
      server: { host: adfs!.host, role: 'adfs', notes: 'Patchas tisdagar' },
    });
    // A new secret is an edit of the account like any other.
    await call.ok('registry.saveSupportAccount', {
      environmentId: environment.id,
      id: account!.id,
      rowVersion: account!.rowVersion,
      account: { username: account!.username },
      secret: 'nytt-lösen',
    });

    expect(versionsOf(await detail(customer.id))).toEqual(
      movedOnce(start, customer.id, asa!.id, environment.id, adfs!.id, account!.id),
    );
    expect(versionsOf(await detail(other.customer.id))).toEqual(otherStart);

    // Naming a new primary contact takes the mark off the old one: both rows change, so both versions move.
    const beforePrimary = versionsOf(await detail(customer.id));
    await call.ok('registry.saveContact', {
      customerId: customer.id,
      id: asa!.id,
      rowVersion: await storedVersion(call, customer.id, asa!.id),
      contact: { name: asa!.name, email: asa!.email, isPrimary: true },
    });
    await call.ok('registry.saveContact', {
      customerId: customer.id,
      id: erik!.id,
      rowVersion: await storedVersion(call, customer.id, erik!.id),
      contact: { name: erik!.name, email: erik!.email, isPrimary: true },
    });
    expect(versionsOf(await detail(customer.id))).toEqual({
      ...beforePrimary,
      [asa!.id]: beforePrimary[asa!.id]! + 2,
      [erik!.id]: beforePrimary[erik!.id]! + 1,
    });
  });

  test("the vendor's side: a certificate or notice edited moves by one; its neighbour keeps its own", async () => {
    const { customer, environment } = await createCustomerWithEnvironment(call, 'Kalmar kommun', 73);
    const certificate = (subject: string) => ({ kind: 'ssl' as const, subject, expiresOn: '2027-03-31' });
    const notice = (summary: string) => ({ startsAt: RECEIVED, summary });
    const ssl = await call.ok('certificates.save', {
      environmentId: environment.id,
      certificate: certificate('sts.kalmar.se'),
    });
    await call.ok('certificates.save', {
      environmentId: environment.id,
      certificate: certificate('wap.kalmar.se'),
    });
    const patch = await call.ok('notices.save', {
      environmentId: environment.id,
      notice: notice('WAP01 patchas'),
    });
    await call.ok('notices.save', { environmentId: environment.id, notice: notice('Nytt certifikat') });
    const start = versionsOf(await detail(customer.id));
    expect([ssl.rowVersion, patch.rowVersion]).toEqual([1, 1]);

    const edited = await call.ok('certificates.save', {
      environmentId: environment.id,
      id: ssl.id,
      rowVersion: ssl.rowVersion,
      certificate: { ...certificate('sts.kalmar.se'), expiresOn: '2028-03-31' },
    });
    const moved = await call.ok('notices.save', {
      environmentId: environment.id,
      id: patch.id,
      rowVersion: patch.rowVersion,
      notice: notice('WAP01 och WAP02 patchas'),
    });
    expect([edited.rowVersion, moved.rowVersion]).toEqual([2, 2]);
    expect(versionsOf(await detail(customer.id))).toEqual(movedOnce(start, ssl.id, patch.id));
  });

  test('an agreement or DPA edited moves by one; another keeps its own', async () => {
    const { customer } = await createCustomerWithEnvironment(call, 'Skövde kommun', 74);
    const agreement = (reference: string) => ({
      reference,
      startsOn: '2026-01-01',
      services: [{ kind: 'sso' as const, name: 'SSO' }],
    });
    const dpa = (reference: string) => ({ signedOn: '2025-12-01', reference, signatory: 'Karin Jurist' });
    const first = await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: agreement('AVT-1'),
    });
    const second = await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: agreement('AVT-2'),
    });
    const signed = await call.ok('dpas.save', { customerId: customer.id, dpa: dpa('PUB-1') });
    const older = await call.ok('dpas.save', { customerId: customer.id, dpa: dpa('PUB-0') });
    expect([first, second, signed, older].map((r) => r.rowVersion)).toEqual([1, 1, 1, 1]);

    const edited = await call.ok('agreements.save', {
      customerId: customer.id,
      id: first.id,
      rowVersion: await contractVersion(call, customer.id, first.id),
      agreement: { ...agreement('AVT-1'), notes: 'Förlängt' },
    });
    // The DPA's own `version` (the document's) is a field like any other; its row version is apart from it.
    const revised = await call.ok('dpas.save', {
      customerId: customer.id,
      id: signed.id,
      rowVersion: await contractVersion(call, customer.id, signed.id),
      dpa: { ...dpa('PUB-1'), version: '2.0' },
    });
    expect([edited.rowVersion, revised.rowVersion, revised.version]).toEqual([2, 2, '2.0']);
    const contracts = await call.ok('agreements.list', { customerId: customer.id });
    expect(
      Object.fromEntries(
        [...contracts.agreements, ...contracts.dpas].map((r) => [r.reference, r.rowVersion]),
      ),
    ).toEqual({ 'AVT-1': 2, 'AVT-2': 1, 'PUB-1': 2, 'PUB-0': 1 });
  });

  test('a ticket saved or sent back moves by one; another ticket keeps its own', async () => {
    const { customer } = await createCustomerWithEnvironment(call, 'Täby kommun', 75);
    const ticket = await fileTicket(customer.id, 'Inloggning fungerar inte');
    const stranger = await fileTicket(customer.id, 'Kan ni hjälpa?', 'okand@example.se');
    const untouched = await fileTicket(customer.id, 'Synken stannar');
    expect([ticket, stranger, untouched].map((t) => t.rowVersion)).toEqual([1, 1, 1]);

    const saved = await call.ok('tickets.save', {
      id: ticket.id,
      rowVersion: await ticketVersion(call, ticket.id),
      ticket: {
        customerId: customer.id,
        requesterName: 'Åsa Öberg',
        requesterEmail: 'asa.oberg@vaxjo.se',
        subject: 'Inloggning via AD FS fungerar inte',
        receivedAt: RECEIVED,
      },
    });
    const sentBack = await call.ok('tickets.sendBack', { id: stranger.id });
    expect([saved.rowVersion, sentBack.rowVersion]).toEqual([2, 2]);
    expect((await call.ok('tickets.get', { id: untouched.id })).rowVersion).toBe(1);
  });

  test('a time entry changed or classified moves by one each time; another entry keeps its own', async () => {
    const { customer } = await createCustomerWithEnvironment(call, 'Åre kommun', 76);
    const ticket = await fileTicket(customer.id, 'Certifikatet går ut');
    const entry = (startedAt: number) =>
      call.ok('time.addManual', { ticketId: ticket.id, startedAt, endedAt: startedAt + 30 * 60_000 });
    const changed = await entry(RECEIVED);
    const untouched = await entry(RECEIVED + 3_600_000);
    expect([changed.rowVersion, untouched.rowVersion]).toEqual([1, 1]);

    const noted = await call.ok('time.update', {
      id: changed.id,
      rowVersion: changed.rowVersion,
      note: 'Bytte certifikat på WAP01',
    });
    const classified = await call.ok('time.classify', {
      entryId: changed.id,
      rowVersion: noted.rowVersion,
      classification: 'billable',
      workType: 'configuration_change',
    });
    expect([noted.rowVersion, classified.rowVersion]).toEqual([2, 3]);
    const listed = await call.ok('time.list', { ticketId: ticket.id });
    expect(Object.fromEntries(listed.map((e) => [e.id, e.rowVersion]))).toEqual({
      [changed.id]: 3,
      [untouched.id]: 1,
    });
  });

  test('the settings rows: the retention policy and a price each move by one when saved', async () => {
    const db = () => opened.backend.registryContext().db;
    const policyVersion = async () =>
      (await db().selectFrom('retention_policy').select('row_version').executeTakeFirstOrThrow()).row_version;
    expect(await policyVersion()).toBe(1);
    await call.ok('retention.setPolicy', { purgeMonthDay: '06-30', keepClosedDays: 60, rowVersion: 1 });
    expect(await policyVersion()).toBe(2);

    // The price list is finance's to set: a store of its own with finance as its member.
    const finance = await openPassphraseBackend({ teamRole: 'finance' });
    try {
      const api = apiCaller(createApi(finance.backend));
      const prices = () =>
        finance.backend
          .registryContext()
          .db.selectFrom('vendor_settings')
          .select(['key', 'row_version'])
          .execute();
      await api.ok('settings.savePriceList', { acuteEscalationOre: 300_000, rowVersion: 0 });
      const [made] = await prices();
      expect(made!.row_version).toBe(1);
      await api.ok('settings.savePriceList', { acuteEscalationOre: 320_000, rowVersion: 1 });
      expect(await prices()).toEqual([{ key: made!.key, row_version: 2 }]);
    } finally {
      await finance.cleanup();
    }
  });
});
