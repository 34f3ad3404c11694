import { describe, expect, test } from 'vitest';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';

/* The eligibility verdict beyond the session gate: every ticket carries it, and the DPA warning with it. */

const { call } = apiPerTest({ now: () => Date.parse('2026-11-20T12:00:00+01:00') });

const ticketFor = (customerId: string) => ({
  customerId,
  requesterName: 'Åsa Öberg',
  requesterEmail: 'asa.oberg@vaxjo.se',
  subject: 'Elever kan inte logga in',
  receivedAt: Date.parse('2026-11-20T09:00:00+01:00'),
});

describe('eligibility on the ticket', () => {
  test('a ticket for a customer without a DPA warns before personal data', async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: { reference: 'AVT-2026', startsOn: '2026-01-01', services: [{ kind: 'sso', name: 'SSO' }] },
    });
    const ticket = await call.ok('tickets.save', { ticket: ticketFor(customer.id) });
    expect(ticket.personalDataWarning).toContain('No data-processing agreement (PUB-avtal) is in force');
    expect(ticket.verdict).toMatchObject({ status: 'blocked', hasValidDpa: false });
    expect(ticket.verdict.blockers.map((b) => b.code)).toEqual(['NO_DPA']);
    // The new-ticket form asks the same verdict as soon as the customer is chosen, before any personal data.
    expect(await call.ok('eligibility.check', { customerId: customer.id })).toMatchObject({
      hasValidDpa: false,
    });

    await call.ok('dpas.save', {
      customerId: customer.id,
      dpa: { signedOn: '2025-12-01', reference: 'PUB-1', signatory: 'Karin Jurist' },
    });
    const listed = await call.ok('tickets.list', {});
    expect(listed[0]).toMatchObject({ personalDataWarning: null, verdict: { status: 'eligible' } });
  });

  test('the ticket shows the verdict: no agreement in force is a blocker, and no response time is promised', async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    const ticket = await call.ok('tickets.save', { ticket: ticketFor(customer.id) });
    expect(ticket.verdict.blockers.map((b) => b.code)).toEqual(['NO_AGREEMENT', 'NO_DPA']);
    expect(ticket).toMatchObject({ responseHours: null, dueAt: null });
  });
});
