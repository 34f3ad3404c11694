import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';
import { contractVersion } from '../../support/storedVersion.ts';

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
const NOW = Date.parse('2026-11-16T10:00:00+01:00');
beforeEach(async () => {
  opened = await openPassphraseBackend({ now: () => NOW });
  call = apiCaller(createApi(opened.backend));
});
afterEach(async () => opened.cleanup());

const agreementInput = (environmentId: string | null) => ({
  reference: 'FA-2026-07',
  startsOn: '2026-01-01',
  endsOn: '2027-06-30',
  responseHours: 4,
  acuteEscalation: { enabled: true, feeOre: 350_000 },
  services: [
    { kind: 'sso' as const, name: 'AD FS SSO', environmentId },
    { kind: 'sync' as const, name: 'Elevregistersynk', environmentId },
  ],
  hourlyRatesOre: { configuration_change: 120_000, project: 140_000 },
  rounding: { incrementMinutes: 30, scope: 'ticket_day' as const, minimumMinutes: 15 },
});

describe('agreements', () => {
  test('saved with services, rates in öre and rounding; read back as stored', async () => {
    const { customer, environment } = await createCustomerWithEnvironment(call);
    const saved = await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: agreementInput(environment.id),
    });
    expect(saved).toMatchObject({
      reference: 'FA-2026-07',
      responseHours: 4,
      allowedContacts: 6,
      acuteEscalation: { enabled: true, feeOre: 350_000 },
      hourlyRatesOre: { configuration_change: 120_000, project: 140_000 },
      rounding: { incrementMinutes: 30, scope: 'ticket_day', minimumMinutes: 15 },
    });
    expect(saved.services.map((s) => [s.kind, s.name, s.environmentId])).toEqual([
      ['sso', 'AD FS SSO', environment.id],
      ['sync', 'Elevregistersynk', environment.id],
    ]);
    expect(await call.ok('agreements.list', { customerId: customer.id })).toEqual({
      agreements: [saved],
      dpas: [],
    });
  });

  test('bad dates, fractional öre and another customer’s environment are refused with their fields named', async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    const { environment: foreign } = await createCustomerWithEnvironment(call, 'Lunds kommun', 121);
    const error = await call.fails('agreements.save', {
      customerId: customer.id,
      agreement: {
        ...agreementInput(null),
        startsOn: '2026-02-30',
        endsOn: '2025-01-01',
        hourlyRatesOre: { project: 12.5 },
      },
    });
    expect(error.details!.issues!.map((i) => i.path).sort()).toEqual([
      'agreement.hourlyRatesOre.project',
      'agreement.startsOn',
    ]);
    const endBeforeStart = await call.fails('agreements.save', {
      customerId: customer.id,
      agreement: { ...agreementInput(null), endsOn: '2025-12-31' },
    });
    expect(endBeforeStart.details?.issues).toEqual([
      { path: 'agreement.endsOn', message: 'The end date is before the start date' },
    ]);
    const foreignEnv = await call.fails('agreements.save', {
      customerId: customer.id,
      agreement: agreementInput(foreign.id),
    });
    expect(foreignEnv.details?.issues?.[0]?.path).toBe('agreement.services.0.environmentId');
    expect((await call.ok('agreements.list', { customerId: customer.id })).agreements).toEqual([]);
  });

  test('an agreement without a service is refused at the API, naming the services field; nothing is stored', async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    const saved = await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: agreementInput(null),
    });
    for (const services of [[], undefined]) {
      const error = await call.fails('agreements.save', {
        customerId: customer.id,
        agreement: { ...agreementInput(null), reference: 'FA-2026-08', services } as never,
      });
      expect(error).toMatchObject({
        code: 'VALIDATION',
        details: { issues: [{ path: 'agreement.services' }] },
      });
    }
    // An edit that drops every service is refused too, and leaves the agreement as it was.
    const emptied = await call.fails('agreements.save', {
      customerId: customer.id,
      id: saved.id,
      rowVersion: saved.rowVersion,
      agreement: { ...agreementInput(null), services: [] },
    });
    expect(emptied.details?.issues).toEqual([
      {
        path: 'agreement.services',
        message: 'An agreement covers at least one service: add the service it covers',
      },
    ]);
    expect((await call.ok('agreements.list', { customerId: customer.id })).agreements).toEqual([saved]);
  });

  test('a reference names one agreement per customer', async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    await call.ok('agreements.save', { customerId: customer.id, agreement: agreementInput(null) });
    const error = await call.fails('agreements.save', {
      customerId: customer.id,
      agreement: agreementInput(null),
    });
    expect(error).toMatchObject({ code: 'CONFLICT', details: { issues: [{ path: 'agreement.reference' }] } });
  });

  test('editing keeps service ids that are kept, so tickets stay linked; removed services unlink their tickets', async () => {
    const { customer, environment } = await createCustomerWithEnvironment(call);
    const saved = await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: agreementInput(environment.id),
    });
    const [sso, sync] = saved.services;
    const ticket = (serviceId: string) =>
      call.ok('tickets.save', {
        ticket: {
          customerId: customer.id,
          serviceId,
          requesterName: 'Åsa Öberg',
          requesterEmail: 'asa.oberg@vaxjo.se',
          subject: 'Inloggning',
          receivedAt: NOW,
        },
      });
    const ssoTicket = await ticket(sso!.id);
    const syncTicket = await ticket(sync!.id);

    const edited = await call.ok('agreements.save', {
      customerId: customer.id,
      id: saved.id,
      rowVersion: await contractVersion(call, customer.id, saved.id),
      agreement: {
        ...agreementInput(environment.id),
        services: [{ id: sso!.id, kind: 'sso', name: 'AD FS + WAP', environmentId: environment.id }],
      },
    });
    expect(edited.services).toEqual([
      { id: sso!.id, kind: 'sso', name: 'AD FS + WAP', environmentId: environment.id },
    ]);
    expect((await call.ok('tickets.get', { id: ssoTicket.id })).serviceName).toBe('AD FS + WAP');
    expect((await call.ok('tickets.get', { id: syncTicket.id })).serviceId).toBeNull();
  });
});

describe('eligibility through the API', () => {
  test('the review shows a customer blocked for a missing DPA; recording the DPA makes it eligible', async () => {
    const { customer, environment } = await createCustomerWithEnvironment(call);
    // The agreement's sync service runs on a server of its own, which remote access must reach too.
    await call.ok('registry.saveServer', {
      environmentId: environment.id,
      server: { host: 'sync01.vaxjo.se', role: 'sync' },
    });
    await call.ok('agreements.save', { customerId: customer.id, agreement: agreementInput(environment.id) });
    let [row] = await call.ok('eligibility.review', {});
    expect(row).toMatchObject({
      name: 'Växjö kommun',
      verdict: { status: 'blocked', at: NOW, hasValidDpa: false },
    });
    expect(row!.verdict.blockers.map((b) => b.code)).toEqual(['NO_DPA']);

    await call.ok('dpas.save', {
      customerId: customer.id,
      dpa: { signedOn: '2026-03-01', reference: 'PUB-2026-3', signatory: 'Karin Jurist' },
    });
    [row] = await call.ok('eligibility.review', {});
    expect(row!.verdict).toMatchObject({ status: 'eligible', blockers: [], warnings: [], hasValidDpa: true });
  });

  test('a check for a session names the requester and the environment; at an instant after the end it blocks', async () => {
    const { customer, environment } = await createCustomerWithEnvironment(call);
    await call.ok('agreements.save', { customerId: customer.id, agreement: agreementInput(environment.id) });
    await call.ok('dpas.save', {
      customerId: customer.id,
      dpa: { signedOn: '2026-03-01', reference: 'PUB-1', signatory: 'K' },
    });
    const verdict = await call.ok('eligibility.check', {
      customerId: customer.id,
      environmentId: environment.id,
      requesterEmail: 'rektor@vaxjo.se',
    });
    expect(verdict.warnings.map((w) => w.code)).toEqual(['REQUESTER_NOT_CONTACT']);
    const later = await call.ok('eligibility.check', {
      customerId: customer.id,
      at: Date.parse('2027-07-01T00:00:01+02:00'),
    });
    expect(later.blockers.map((b) => b.code)).toEqual(['AGREEMENT_ENDED']);
    const foreign = await call.fails('eligibility.check', {
      customerId: customer.id,
      environmentId: crypto.randomUUID(),
    });
    expect(foreign.code).toBe('NOT_FOUND');
  });
});
