import { describe, expect, test } from 'vitest';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';

/*
 * Only the services an agreement in force covers are included in the support fee (DOMAIN: "Eligibility", "Scope"):
 * time outside that is suggested billable, never included, and the time view shows the verdict per entry.
 */

const now = Date.parse('2026-11-20T12:00:00+01:00');
const { call } = apiPerTest({ now: () => now });

async function entryOn(customerId: string, fields: { serviceId?: string; environmentId?: string } = {}) {
  const ticket = await call.ok('tickets.save', {
    ticket: {
      customerId,
      requesterName: 'Åsa Öberg',
      requesterEmail: 'asa.oberg@vaxjo.se',
      subject: 'Synken stannar',
      receivedAt: Date.parse('2026-11-20T08:00:00+01:00'),
      ...fields,
    },
  });
  return call.ok('time.addManual', {
    ticketId: ticket.id,
    startedAt: Date.parse('2026-11-20T09:00:00+01:00'),
    endedAt: Date.parse('2026-11-20T09:45:00+01:00'),
  });
}

async function withDpa(customerId: string) {
  await call.ok('dpas.save', {
    customerId,
    dpa: { signedOn: '2025-12-01', reference: 'PUB-1', signatory: 'Karin Jurist' },
  });
}

describe('time outside the agreement', () => {
  test('time without an agreement in force is suggested billable', async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    await withDpa(customer.id);
    // An agreement that ended before the work: none is in force.
    await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: {
        reference: 'AVT-2025',
        startsOn: '2025-01-01',
        endsOn: '2025-12-31',
        services: [{ kind: 'sso', name: 'SSO' }],
      },
    });
    const entry = await entryOn(customer.id);
    expect(entry.suggestion).toMatchObject({ classification: 'billable', workType: null });
    expect(entry.suggestion!.reason).toContain('Agreement AVT-2025 ended on 2025-12-31');
    expect(entry.verdict).toMatchObject({ status: 'blocked', blockers: [{ code: 'AGREEMENT_ENDED' }] });
    expect(await call.ok('time.suggestion', { entryId: entry.id })).toEqual(entry.suggestion);
  });

  test('time for a service the agreement does not cover is suggested billable', async () => {
    const { customer, environment } = await createCustomerWithEnvironment(call);
    await withDpa(customer.id);
    const current = await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: {
        reference: 'AVT-2026',
        startsOn: '2026-01-01',
        services: [{ kind: 'sso', name: 'SSO', environmentId: environment.id }],
      },
    });
    const ended = await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: {
        reference: 'AVT-SYNK',
        startsOn: '2024-01-01',
        endsOn: '2025-06-30',
        services: [{ kind: 'sync', name: 'Elevsynk', environmentId: environment.id }],
      },
    });
    const uncovered = await entryOn(customer.id, { serviceId: ended.services[0]!.id });
    expect(uncovered.suggestion).toMatchObject({ classification: 'billable', workType: null });
    expect(uncovered.suggestion!.reason).toContain('Elevsynk is not covered by an agreement in force.');
    expect(uncovered.verdict!.blockers.map((b) => b.code)).toEqual(['SERVICE_NOT_COVERED']);

    // The covered service's time stays included.
    const covered = await entryOn(customer.id, { serviceId: current.services[0]!.id });
    expect(covered.suggestion).toMatchObject({ classification: 'included' });
    expect(covered.verdict!.status).toBe('eligible');
  });
});
