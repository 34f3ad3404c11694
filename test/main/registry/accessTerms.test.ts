import { describe, expect, test } from 'vitest';
import type { AccessInput } from '../../../common/registry/model.ts';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { TEST_USER } from '../../support/passphraseBackend.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { storedVersion } from '../../support/storedVersion.ts';

/*
 * Access and contacts as the terms define them (issue 11, part 3), through the real dispatcher on one real encrypted
 * store; each test makes its own customer (serials 300 and up), so they share the store and its one scrypt unlock.
 */

const { call } = apiPerTest({ perFile: true });

let serial = 300;
/** A customer ready for support (agreement, DPA, trained contacts, AD FS and WAP) whose environment has `access`. */
async function readyCustomer(access: AccessInput) {
  serial += 1;
  const { customer, environment } = await createCustomerWithEnvironment(call, `Kund ${serial}`, serial);
  const saved = await call.ok('registry.saveEnvironment', {
    customerId: customer.id,
    id: environment.id,
    rowVersion: await storedVersion(call, customer.id, environment.id),
    environment: { name: 'Produktion', access },
  });
  await call.ok('agreements.save', {
    customerId: customer.id,
    agreement: {
      reference: `FA-${serial}`,
      startsOn: '2020-01-01',
      services: [{ kind: 'sso', name: 'SSO' }],
    },
  });
  await call.ok('dpas.save', {
    customerId: customer.id,
    dpa: { signedOn: '2020-01-01', reference: 'PUB-1', signatory: 'Karin Jurist' },
  });
  return { customer, environment: saved };
}

const splitAnyConnect: AccessInput = {
  vpnType: 'cisco_anyconnect',
  vpnGateway: 'vpn.kommun.se',
  splitTunnel: 'yes',
  method: 'ssh',
};

const warningsOf = async (customerId: string) =>
  (await call.ok('eligibility.check', { customerId })).warnings;

describe('the accepted access solutions', () => {
  test('full-tunnel AnyConnect is non-standard', async () => {
    const { customer, environment } = await readyCustomer({
      vpnType: 'cisco_anyconnect',
      vpnGateway: 'vpn.kommun.se',
      splitTunnel: 'no',
      method: 'ssh',
    });
    expect(environment.access).toMatchObject({ splitTunnel: 'no', standard: false });
    expect(environment.access.nonStandardReasons).toEqual([
      'Cisco AnyConnect runs as a full tunnel; the terms accept it only with split tunnel.',
    ]);
    expect(await warningsOf(customer.id)).toEqual([
      {
        code: 'NON_STANDARD_ACCESS',
        message:
          'Produktion uses non-standard access, billable under section 8.6: Cisco AnyConnect runs as a full tunnel; the terms accept it only with split tunnel.',
        sentence: {
          key: 'nonStandardAccess',
          values: {
            environment: 'Produktion',
            findings: [{ code: 'fullTunnel', vpnType: 'cisco_anyconnect' }],
          },
        },
      },
    ]);
  });

  test('Check Point with split tunnel is standard', async () => {
    const { customer, environment } = await readyCustomer({
      vpnType: 'checkpoint',
      vpnGateway: 'vpn.kommun.se',
      splitTunnel: 'yes',
      accessTool: 'Check Point Endpoint Security VPN E88',
      method: 'powershell_remoting',
    });
    expect(environment.access).toMatchObject({
      splitTunnel: 'yes',
      accessTool: 'Check Point Endpoint Security VPN E88',
      standard: true,
      nonStandardReasons: [],
    });
    expect(await warningsOf(customer.id)).toEqual([]);
    // Until someone has checked, it is not known to be split tunnel, so not known to be standard.
    const unknown = await call.ok('registry.saveEnvironment', {
      customerId: customer.id,
      id: environment.id,
      rowVersion: await storedVersion(call, customer.id, environment.id),
      environment: {
        name: 'Produktion',
        access: { vpnType: 'checkpoint', vpnGateway: 'vpn.kommun.se', splitTunnel: 'unknown', method: 'ssh' },
      },
    });
    expect(unknown.access.nonStandardReasons).toEqual([
      'Check Point: whether it is split tunnel is not recorded; the terms accept it only with split tunnel.',
    ]);
  });

  test('direct access is non-standard', async () => {
    const { customer, environment } = await readyCustomer({ vpnType: 'none', method: 'ssh' });
    expect(environment.access.standard).toBe(false);
    const [warning] = await warningsOf(customer.id);
    expect(warning?.code).toBe('NON_STANDARD_ACCESS');
    expect(warning?.message).toContain('Direct access (no VPN, no TeamViewer) is not an accepted solution');
    // TeamViewer needs no VPN: it is one of the four.
    const teamViewer = await call.ok('registry.saveEnvironment', {
      customerId: customer.id,
      id: environment.id,
      rowVersion: await storedVersion(call, customer.id, environment.id),
      environment: {
        name: 'Produktion',
        access: { vpnType: 'none', method: 'teamviewer', teamViewerId: '123 456 789' },
      },
    });
    expect(teamViewer.access.standard).toBe(true);
  });

  test('special client configuration is non-standard', async () => {
    const { customer, environment } = await readyCustomer({
      vpnType: 'windows_ipsec',
      vpnGateway: 'vpn.kommun.se',
      method: 'rdp',
      specialConfigurationNeeded: true,
      specialConfiguration: 'Kommunens rotcertifikat i datorns certifikatarkiv',
    });
    expect(environment.access).toMatchObject({
      specialConfigurationNeeded: true,
      specialConfiguration: 'Kommunens rotcertifikat i datorns certifikatarkiv',
      standard: false,
    });
    const [warning] = await warningsOf(customer.id);
    expect(warning).toEqual({
      code: 'NON_STANDARD_ACCESS',
      message:
        "Produktion uses non-standard access, billable under section 8.6: The client needs special configuration on the vendor's machines: Kommunens rotcertifikat i datorns certifikatarkiv.",
      sentence: {
        key: 'nonStandardAccess',
        values: {
          environment: 'Produktion',
          findings: [
            {
              code: 'specialConfiguration',
              configuration: 'Kommunens rotcertifikat i datorns certifikatarkiv',
            },
          ],
        },
      },
    });
    // What is needed must be said, and a description must not hide behind an unticked box.
    const needed = await call.fails('registry.saveEnvironment', {
      customerId: customer.id,
      id: environment.id,
      rowVersion: await storedVersion(call, customer.id, environment.id),
      environment: {
        name: 'Produktion',
        access: {
          vpnType: 'windows_ipsec',
          vpnGateway: 'vpn.kommun.se',
          method: 'rdp',
          specialConfigurationNeeded: true,
        },
      },
    });
    expect(needed.details!.issues).toEqual([
      { path: 'environment.access.specialConfiguration', message: 'Say what the client needs configured' },
    ]);
  });

  test('time through non-standard access is suggested billable under 8.6', async () => {
    const { customer, environment } = await readyCustomer({
      vpnType: 'cisco_anyconnect',
      vpnGateway: 'vpn.kommun.se',
      splitTunnel: 'no',
      method: 'ssh',
    });
    const ticket = await call.ok('tickets.save', {
      ticket: {
        customerId: customer.id,
        requesterName: 'Åsa Öberg',
        requesterEmail: 'asa.oberg@vaxjo.se',
        subject: 'WAP svarar inte',
        environmentId: environment.id,
        receivedAt: Date.now() - 3_600_000,
      },
    });
    const entry = await call.ok('time.addManual', {
      ticketId: ticket.id,
      startedAt: Date.now() - 1_800_000,
      endedAt: Date.now() - 600_000,
      note: '',
    });
    const suggestion = await call.ok('time.suggestion', { entryId: entry.id });
    expect(suggestion).toMatchObject({ classification: 'billable', workType: 'non_standard_access' });
    expect(suggestion.reason).toContain('full tunnel');
    expect(suggestion.reason).toContain('(8.6)');
  });
});

describe('named support contacts', () => {
  test('a customer with no named contacts is not eligible', async () => {
    const { customer } = await readyCustomer(splitAnyConnect);
    const detail = await call.ok('registry.getCustomer', { id: customer.id });
    for (const contact of detail.contacts) await call.ok('registry.deleteContact', { id: contact.id });
    const verdict = await call.ok('eligibility.check', { customerId: customer.id });
    expect(verdict.status).toBe('blocked');
    expect(verdict.blockers).toEqual([
      {
        code: 'NO_CONTACTS',
        message:
          'No named support contact is recorded; the vendor gives 2nd-line support to named contacts only.',
        sentence: { key: 'noContacts', values: {} },
      },
    ]);
  });

  test('a school names one primary trained contact', async () => {
    serial += 1;
    const school = await call.ok('registry.createCustomer', {
      name: 'Söderskolan',
      orgNumber: orgNumber('802400', serial),
      kind: 'school',
    });
    const environment = await call.ok('registry.saveEnvironment', {
      customerId: school.id,
      environment: {
        name: 'Skolan',
        access: { vpnType: 'none', method: 'teamviewer', teamViewerId: '123456789' },
      },
    });
    for (const role of ['adfs', 'wap'] as const) {
      await call.ok('registry.saveServer', {
        environmentId: environment.id,
        server: { host: `${role}.soderskolan.se`, role },
      });
    }
    await call.ok('registry.saveSupportAccount', {
      environmentId: environment.id,
      account: { username: 'lev-support' },
    });
    await call.ok('agreements.save', {
      customerId: school.id,
      agreement: { reference: 'FA-S', startsOn: '2020-01-01', services: [{ kind: 'sso', name: 'SSO' }] },
    });
    await call.ok('dpas.save', {
      customerId: school.id,
      dpa: { signedOn: '2020-01-01', reference: 'PUB-S', signatory: 'Rektor' },
    });
    const blockers = async () => (await call.ok('eligibility.check', { customerId: school.id })).blockers;

    const rut = await call.ok('registry.saveContact', {
      customerId: school.id,
      contact: {
        name: 'Rut Rektor',
        email: 'rut@soderskolan.se',
        adminTrainingDone: true,
        toolTrainingDone: true,
      },
    });
    expect(await blockers()).toEqual([
      {
        code: 'NO_PRIMARY_CONTACT',
        message: 'A school names one primary support contact; none of its contacts is marked primary.',
        sentence: { key: 'noPrimaryContact', values: {} },
      },
    ]);

    const ivar = await call.ok('registry.saveContact', {
      customerId: school.id,
      contact: { name: 'Ivar IT', email: 'ivar@soderskolan.se', adminTrainingDone: true, isPrimary: true },
    });
    expect(await blockers()).toEqual([
      {
        code: 'PRIMARY_CONTACT_UNTRAINED',
        message: "The school's primary support contact Ivar IT has not done tool training.",
        sentence: { key: 'primaryContactUntrained', values: { contact: 'Ivar IT', training: 'tool' } },
      },
    ]);

    // Naming another primary replaces the first: one primary per customer.
    await call.ok('registry.saveContact', {
      customerId: school.id,
      id: rut.id,
      rowVersion: await storedVersion(call, school.id, rut.id),
      contact: {
        name: 'Rut Rektor',
        email: 'rut@soderskolan.se',
        adminTrainingDone: true,
        toolTrainingDone: true,
        isPrimary: true,
      },
    });
    const detail = await call.ok('registry.getCustomer', { id: school.id });
    expect(detail.contacts.map((c) => [c.name, c.isPrimary])).toEqual([
      ['Ivar IT', false],
      ['Rut Rektor', true],
    ]);
    expect(ivar.isPrimary).toBe(true);
    expect(await blockers()).toEqual([]);
  });

  test("a contact's admin account is recorded", async () => {
    const { customer } = await readyCustomer(splitAnyConnect);
    const saved = await call.ok('registry.saveContact', {
      customerId: customer.id,
      contact: { name: 'Märta Admin', email: 'marta@vaxjo.se', adminAccount: ' marta.admin ' },
    });
    expect(saved).toMatchObject({ adminAccount: 'marta.admin', isPrimary: false });
    const detail = await call.ok('registry.getCustomer', { id: customer.id });
    expect(detail.contacts.find((c) => c.id === saved.id)?.adminAccount).toBe('marta.admin');
    // It travels in the registry file, and the customer is found by it.
    const exported = await call.ok('registry.export', {});
    const mine = exported.customers.find((c) => c.name === customer.name)!;
    expect(mine.contacts.find((c) => c.email === 'marta@vaxjo.se')).toMatchObject({
      adminAccount: 'marta.admin',
    });
    const summary = (await call.ok('registry.listCustomers', {})).find((c) => c.id === customer.id)!;
    expect(summary.contacts.map((c) => c.adminAccount)).toContain('marta.admin');
  });
});

describe('tickets from someone who is not a named contact', () => {
  test('a ticket from a non-contact can be sent back to the contacts', async () => {
    const { customer, environment } = await readyCustomer(splitAnyConnect);
    const ticket = (requesterEmail: string) =>
      call.ok('tickets.save', {
        ticket: {
          customerId: customer.id,
          requesterName: 'Lärare Larsson',
          requesterEmail,
          subject: 'Kan inte logga in',
          environmentId: environment.id,
          receivedAt: Date.now() - 60_000,
        },
      });
    const fromTeacher = await ticket('larsson@skola.vaxjo.se');
    expect(fromTeacher).toMatchObject({ requesterIsContact: false, sentBackAt: null, sentBackBy: null });

    const before = Date.now();
    const sent = await call.ok('tickets.sendBack', { id: fromTeacher.id });
    expect(sent).toMatchObject({ status: 'resolved', sentBackBy: TEST_USER.name });
    expect(sent.sentBackAt).toBeGreaterThanOrEqual(before);
    expect(sent.firstResponseAt).toBe(sent.sentBackAt);
    // As stored (the verdict alone is computed afresh for the moment of each read).
    const { verdict: _sentVerdict, ...stored } = sent;
    expect(await call.ok('tickets.get', { id: fromTeacher.id })).toMatchObject(stored);

    const [event] = await call.ok('audit.list', { event: 'ticket.sent_back' });
    expect(event).toMatchObject({
      subjectType: 'ticket',
      subjectId: fromTeacher.id,
      details: { customerId: customer.id },
    });
    expect(JSON.stringify(event)).not.toContain('larsson');

    // Once only; and a named contact's ticket (matched case-insensitively) is the vendor's to answer.
    expect((await call.fails('tickets.sendBack', { id: fromTeacher.id })).code).toBe('CONFLICT');
    const fromContact = await ticket('ASA.Oberg@vaxjo.se');
    expect(fromContact.requesterIsContact).toBe(true);
    const refused = await call.fails('tickets.sendBack', { id: fromContact.id });
    expect(refused.code).toBe('CONFLICT');
    expect((await call.ok('tickets.get', { id: fromContact.id })).sentBackAt).toBeNull();
  });

  test('sending back an unknown, resolved or closed ticket is refused and changes nothing', async () => {
    const { customer, environment } = await readyCustomer(splitAnyConnect);
    expect((await call.fails('tickets.sendBack', { id: crypto.randomUUID() })).code).toBe('NOT_FOUND');
    expect((await call.fails('tickets.sendBack', { id: 'not-an-id' })).code).toBe('VALIDATION');
    for (const status of ['resolved', 'closed'] as const) {
      const done = await call.ok('tickets.save', {
        ticket: {
          customerId: customer.id,
          requesterName: 'Lärare Larsson',
          requesterEmail: 'larsson@skola.vaxjo.se',
          subject: 'Kan inte logga in',
          environmentId: environment.id,
          receivedAt: Date.now() - 60_000,
          status,
        },
      });
      const refused = await call.fails('tickets.sendBack', { id: done.id });
      expect(refused).toMatchObject({
        code: 'CONFLICT',
        message: `This ticket is ${status}; reopen it first.`,
      });
      expect(await call.ok('tickets.get', { id: done.id })).toMatchObject({
        status,
        sentBackAt: null,
        updatedAt: done.updatedAt,
      });
    }
    const events = await call.ok('audit.list', { event: 'ticket.sent_back' });
    expect(events.filter((e) => e.details.customerId === customer.id)).toEqual([]);
  });
});
