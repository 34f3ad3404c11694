import { describe, expect, test } from 'vitest';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { expectStaleSave } from '../../support/expectStaleSave.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';

/*
 * Issue 14: a save names the version its form opened, and a save against a stale one is refused with CONFLICT, the
 * record's current view and the fields that differ, and leaves the stored row as it was. One test per kind of record,
 * through the API, on both data sources (this folder is one the team project runs too).
 */

const { call } = apiPerTest({ perFile: true });

describe('stale saves', () => {
  test('a customer saved against the version before is refused with what changed, and stays as the first save left it', async () => {
    const { customer } = await createCustomerWithEnvironment(call, 'Sollefteå kommun', 81);
    const opened = customer.rowVersion;
    const first = await call.ok('registry.updateCustomer', {
      id: customer.id,
      rowVersion: opened,
      customer: {
        name: 'Sollefteå kommun',
        orgNumber: customer.orgNumber,
        kind: 'municipality',
        notes: 'Ny VPN',
      },
    });
    expect(first.rowVersion).toBe(opened + 1);

    const refused = await call.fails('registry.updateCustomer', {
      id: customer.id,
      rowVersion: opened,
      customer: { name: 'Sollefteå kommun (IT)', orgNumber: customer.orgNumber, kind: 'school_chain' },
    });
    const details = expectStaleSave(refused);
    expect(refused.message).toMatch(
      /^You changed this customer at \d\d:\d\d \(in another window or with the CLI\) while you had it open/,
    );
    expect(details).toMatchObject({ record: 'customer', byYou: true, rowVersion: opened + 1 });
    // Name and kind were typed differently; notes left out of a save are cleared (the schema's default), so differ too.
    expect(details.changedFields.sort()).toEqual(['kind', 'name', 'notes']);
    expect(details.current).toMatchObject({ id: customer.id, name: 'Sollefteå kommun', notes: 'Ny VPN' });
    expect(await call.ok('registry.getCustomer', { id: customer.id })).toMatchObject({
      name: 'Sollefteå kommun',
      kind: 'municipality',
      notes: 'Ny VPN',
      rowVersion: opened + 1,
    });

    // Against the version now stored, the same save goes through.
    const second = await call.ok('registry.updateCustomer', {
      id: customer.id,
      rowVersion: details.rowVersion,
      customer: { name: 'Sollefteå kommun (IT)', orgNumber: customer.orgNumber, kind: 'school_chain' },
    });
    expect(second).toMatchObject({ name: 'Sollefteå kommun (IT)', rowVersion: opened + 2 });
  });

  test('an update without the version it was opened at is refused as invalid, and a missing record is NOT_FOUND', async () => {
    const { customer } = await createCustomerWithEnvironment(call, 'Ljusdals kommun', 82);
    const input = { name: 'Ljusdal', orgNumber: customer.orgNumber, kind: 'municipality' };
    expect((await call.fails('registry.updateCustomer', { id: customer.id, customer: input })).code).toBe(
      'VALIDATION',
    );
    input.orgNumber = orgNumber('212000', 83);
    const gone = '00000000-0000-4000-8000-000000000000';
    expect(
      (await call.fails('registry.updateCustomer', { id: gone, rowVersion: 1, customer: input })).code,
    ).toBe('NOT_FOUND');
  });

  test('a contact, environment, server, support account, certificate or notice saved against a stale version is refused, and stays as the first save left it', async () => {
    const { customer, environment } = await createCustomerWithEnvironment(call, 'Härjedalens kommun', 84);
    const detail = await call.ok('registry.getCustomer', { id: customer.id });
    const [contact] = detail.contacts;
    const [server] = detail.environments[0]!.servers;
    const [account] = detail.environments[0]!.supportAccounts;
    const certificate = await call.ok('certificates.save', {
      environmentId: environment.id,
      certificate: { kind: 'ssl', subject: 'sts.herjedalen.se', expiresOn: '2027-03-31' },
    });
    const notice = await call.ok('notices.save', {
      environmentId: environment.id,
      notice: { startsAt: Date.UTC(2026, 11, 1, 8), summary: 'WAP01 patchas' },
    });
    const environmentId = environment.id;
    const access = {
      vpnType: 'cisco_anyconnect',
      vpnGateway: 'vpn.vaxjo.se',
      splitTunnel: 'yes',
      method: 'ssh',
    } as const;
    const customerId = customer.id;
    // Each record: a save (theirs) and another made against the same opened version (yours), and the field they differ in.
    const kinds = [
      {
        record: 'contact',
        save: (rowVersion: number, phone: string) =>
          call.fails('registry.saveContact', {
            customerId,
            id: contact!.id,
            rowVersion,
            contact: { name: contact!.name, email: contact!.email, phone },
          }),
        saveOk: (rowVersion: number, phone: string) =>
          call.ok('registry.saveContact', {
            customerId,
            id: contact!.id,
            rowVersion,
            contact: { name: contact!.name, email: contact!.email, phone },
          }),
        opened: contact!.rowVersion,
        values: ['0680-123 45', '0680-999 99'],
        field: 'phone',
      },
      {
        record: 'environment',
        save: (rowVersion: number, notes: string) =>
          call.fails('registry.saveEnvironment', {
            customerId,
            id: environmentId,
            rowVersion,
            environment: { name: 'Produktion', notes, access },
          }),
        saveOk: (rowVersion: number, notes: string) =>
          call.ok('registry.saveEnvironment', {
            customerId,
            id: environmentId,
            rowVersion,
            environment: { name: 'Produktion', notes, access },
          }),
        opened: environment.rowVersion,
        values: ['Byte av brandvägg', 'Ny VPN-profil'],
        field: 'notes',
      },
      {
        record: 'server',
        save: (rowVersion: number, os: string) =>
          call.fails('registry.saveServer', {
            environmentId,
            id: server!.id,
            rowVersion,
            server: { host: server!.host, role: server!.role, os },
          }),
        saveOk: (rowVersion: number, os: string) =>
          call.ok('registry.saveServer', {
            environmentId,
            id: server!.id,
            rowVersion,
            server: { host: server!.host, role: server!.role, os },
          }),
        opened: server!.rowVersion,
        values: ['Windows Server 2022', 'Windows Server 2025'],
        field: 'os',
      },
      {
        record: 'support account',
        save: (rowVersion: number, notes: string) =>
          call.fails('registry.saveSupportAccount', {
            environmentId,
            id: account!.id,
            rowVersion,
            account: { username: account!.username, notes },
            secret: 'nytt-hemligt',
          }),
        saveOk: (rowVersion: number, notes: string) =>
          call.ok('registry.saveSupportAccount', {
            environmentId,
            id: account!.id,
            rowVersion,
            account: { username: account!.username, notes },
          }),
        opened: account!.rowVersion,
        values: ['Lösen bytt', 'Konto låst'],
        field: 'notes',
      },
      {
        record: 'certificate',
        save: (rowVersion: number, expiresOn: string) =>
          call.fails('certificates.save', {
            environmentId,
            id: certificate.id,
            rowVersion,
            certificate: { kind: 'ssl', subject: 'sts.herjedalen.se', expiresOn },
          }),
        saveOk: (rowVersion: number, expiresOn: string) =>
          call.ok('certificates.save', {
            environmentId,
            id: certificate.id,
            rowVersion,
            certificate: { kind: 'ssl', subject: 'sts.herjedalen.se', expiresOn },
          }),
        opened: certificate.rowVersion,
        values: ['2028-03-31', '2027-09-30'],
        field: 'expiresOn',
      },
      {
        record: 'maintenance notice',
        save: (rowVersion: number, summary: string) =>
          call.fails('notices.save', {
            environmentId,
            id: notice.id,
            rowVersion,
            notice: { startsAt: notice.startsAt, summary },
          }),
        saveOk: (rowVersion: number, summary: string) =>
          call.ok('notices.save', {
            environmentId,
            id: notice.id,
            rowVersion,
            notice: { startsAt: notice.startsAt, summary },
          }),
        opened: notice.rowVersion,
        values: ['WAP01 och WAP02 patchas', 'WAP01 startas om'],
        field: 'summary',
      },
    ];
    for (const kind of kinds) {
      const [theirs, yours] = kind.values as [string, string];
      const first = (await kind.saveOk(kind.opened, theirs)) as { rowVersion: number };
      expect(first.rowVersion, kind.record).toBe(kind.opened + 1);
      const refused = await kind.save(kind.opened, yours);
      const details = expectStaleSave(refused);
      expect(details, kind.record).toMatchObject({
        record: kind.record,
        rowVersion: kind.opened + 1,
        changedFields: [kind.field],
      });
      expect((details.current as Record<string, unknown>)[kind.field], kind.record).toBe(theirs);
    }
    // Nothing of the refused saves reached the store: every row as the first save left it.
    const after = await call.ok('registry.getCustomer', { id: customerId });
    const env = after.environments[0]!;
    expect(after.contacts.find((c) => c.id === contact!.id)).toMatchObject({
      phone: '0680-123 45',
      rowVersion: contact!.rowVersion + 1,
    });
    expect(env).toMatchObject({ notes: 'Byte av brandvägg', rowVersion: environment.rowVersion + 1 });
    expect(env.servers.find((r) => r.id === server!.id)).toMatchObject({ os: 'Windows Server 2022' });
    // The refused save's new secret was not stored either: the account's secret is the one it had.
    expect(env.supportAccounts.find((r) => r.id === account!.id)).toMatchObject({
      notes: 'Lösen bytt',
      secretUpdatedAt: account!.secretUpdatedAt,
    });
    expect(env.certificates.find((r) => r.id === certificate.id)).toMatchObject({ expiresOn: '2028-03-31' });
    expect(env.notices.find((r) => r.id === notice.id)).toMatchObject({ summary: 'WAP01 och WAP02 patchas' });
    // Secrets never travel in a refusal: the account's view says only whether one is stored.
    expect(JSON.stringify(await kinds[3]!.save(kinds[3]!.opened, 'x'))).not.toContain('nytt-hemligt');
  });

  test('an agreement, DPA or ticket saved against a stale version is refused, and stays as the first save left it', async () => {
    const { customer } = await createCustomerWithEnvironment(call, 'Bergs kommun', 85);
    const customerId = customer.id;
    const agreement = {
      reference: 'AVT-85',
      startsOn: '2026-01-01',
      services: [{ kind: 'sso' as const, name: 'SSO' }],
    };
    const dpa = { signedOn: '2025-12-01', reference: 'PUB-85', signatory: 'Karin Jurist' };
    const ticket = {
      customerId,
      requesterName: 'Åsa Öberg',
      requesterEmail: 'asa.oberg@vaxjo.se',
      subject: 'Inloggning fungerar inte',
      receivedAt: Date.UTC(2026, 10, 2, 9),
    };
    const madeAgreement = await call.ok('agreements.save', { customerId, agreement });
    const madeDpa = await call.ok('dpas.save', { customerId, dpa });
    const madeTicket = await call.ok('tickets.save', { ticket });

    await call.ok('agreements.save', {
      customerId,
      id: madeAgreement.id,
      rowVersion: 1,
      // The stored service by its id, so only the notes change.
      agreement: { ...agreement, services: madeAgreement.services, notes: 'Förlängt' },
    });
    await call.ok('dpas.save', {
      customerId,
      id: madeDpa.id,
      rowVersion: 1,
      dpa: { ...dpa, version: '2.0' },
    });
    await call.ok('tickets.save', {
      id: madeTicket.id,
      rowVersion: 1,
      ticket: { ...ticket, subject: 'AD FS svarar inte' },
    });

    const refusals = [
      await call.fails('agreements.save', {
        customerId,
        id: madeAgreement.id,
        rowVersion: 1,
        agreement: { ...agreement, services: madeAgreement.services, notes: 'Uppsagt' },
      }),
      await call.fails('dpas.save', {
        customerId,
        id: madeDpa.id,
        rowVersion: 1,
        dpa: { ...dpa, version: '1.1' },
      }),
      await call.fails('tickets.save', {
        id: madeTicket.id,
        rowVersion: 1,
        ticket: { ...ticket, subject: 'WAP svarar inte' },
      }),
    ].map(expectStaleSave);
    expect(refusals.map((r) => [r.record, r.rowVersion, r.changedFields])).toEqual([
      ['agreement', 2, ['notes']],
      ['data-processing agreement', 2, ['version']],
      ['ticket', 2, ['subject']],
    ]);
    const contracts = await call.ok('agreements.list', { customerId });
    expect(contracts.agreements[0]).toMatchObject({ notes: 'Förlängt', rowVersion: 2 });
    expect(contracts.dpas[0]).toMatchObject({ version: '2.0', rowVersion: 2 });
    expect(await call.ok('tickets.get', { id: madeTicket.id })).toMatchObject({
      subject: 'AD FS svarar inte',
      rowVersion: 2,
    });
  });

  test('a time entry changed against a stale version is refused, and keeps the first change', async () => {
    const { customer } = await createCustomerWithEnvironment(call, 'Pajala kommun', 86);
    const ticket = await call.ok('tickets.save', {
      ticket: {
        customerId: customer.id,
        requesterName: 'Åsa Öberg',
        requesterEmail: 'asa.oberg@vaxjo.se',
        subject: 'Certifikatet går ut',
        receivedAt: Date.UTC(2026, 10, 2, 9),
      },
    });
    const startedAt = Date.now() - 3_600_000;
    const entry = await call.ok('time.addManual', {
      ticketId: ticket.id,
      startedAt,
      endedAt: startedAt + 1_800_000,
    });
    await call.ok('time.update', {
      id: entry.id,
      rowVersion: entry.rowVersion,
      note: 'Bytte certifikat på WAP01',
    });
    const refused = await call.fails('time.update', {
      id: entry.id,
      rowVersion: entry.rowVersion,
      note: 'Felsökte AD FS',
      endedAt: startedAt + 2_700_000,
    });
    expect(expectStaleSave(refused)).toMatchObject({
      record: 'time entry',
      rowVersion: entry.rowVersion + 1,
      changedFields: ['endedAt', 'note'],
    });
    const [stored] = await call.ok('time.list', { ticketId: ticket.id });
    expect(stored).toMatchObject({ note: 'Bytte certifikat på WAP01', endedAt: startedAt + 1_800_000 });
  });
});
