import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';
import { contractVersion, ticketVersion } from '../../support/storedVersion.ts';

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
let now = Date.parse('2026-11-20T15:00:00+01:00');
beforeEach(async () => {
  now = Date.parse('2026-11-20T15:00:00+01:00');
  opened = await openPassphraseBackend({ now: () => now });
  call = apiCaller(createApi(opened.backend));
});
afterEach(async () => opened.cleanup());

const at = (iso: string) => Date.parse(iso);
const ticketFor = (customerId: string, overrides: Record<string, unknown> = {}) => ({
  customerId,
  requesterName: 'Åsa Öberg',
  requesterEmail: 'Asa.Oberg@vaxjo.se',
  subject: 'Elever kan inte logga in via AD FS',
  receivedAt: at('2026-11-20T14:00:00+01:00'),
  ...overrides,
});

describe('tickets', () => {
  test('an agreement’s default 8 office hours: Friday 14:00 is due Monday 13:00', async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: { reference: 'FA', startsOn: '2026-01-01', services: [{ kind: 'sso', name: 'SSO' }] },
    });
    const ticket = await call.ok('tickets.save', { ticket: ticketFor(customer.id) });
    expect(ticket).toMatchObject({
      responseHours: 8,
      status: 'open',
      firstResponseAt: null,
      requesterIsContact: true,
    });
    expect(ticket.dueAt).toBe(at('2026-11-23T13:00:00+01:00'));
  });

  test('the agreement’s response time is used and kept when the agreement later changes', async () => {
    const { customer, environment } = await createCustomerWithEnvironment(call);
    const agreement = await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: {
        reference: 'FA',
        startsOn: '2026-01-01',
        responseHours: 4,
        services: [{ kind: 'sso', name: 'SSO', environmentId: environment.id }],
      },
    });
    const ticket = await call.ok('tickets.save', {
      ticket: ticketFor(customer.id, { serviceId: agreement.services[0]!.id }),
    });
    // Friday 14:00 + 4 office hours: 3 h Friday, 1 h Monday.
    expect(ticket).toMatchObject({
      responseHours: 4,
      dueAt: at('2026-11-23T09:00:00+01:00'),
      serviceName: 'SSO',
    });

    await call.ok('agreements.save', {
      customerId: customer.id,
      id: agreement.id,
      rowVersion: await contractVersion(call, customer.id, agreement.id),
      agreement: {
        reference: 'FA',
        startsOn: '2026-01-01',
        responseHours: 16,
        services: [
          { id: agreement.services[0]!.id, kind: 'sso', name: 'SSO', environmentId: environment.id },
        ],
      },
    });
    const edited = await call.ok('tickets.save', {
      id: ticket.id,
      rowVersion: await ticketVersion(call, ticket.id),
      ticket: ticketFor(customer.id, { serviceId: agreement.services[0]!.id, subject: 'Ändrad rubrik' }),
    });
    expect(edited).toMatchObject({ responseHours: 4, dueAt: ticket.dueAt, subject: 'Ändrad rubrik' });
  });

  test('the list is sorted by due time; an escalation moves a ticket to the top', async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: {
        reference: 'FA',
        startsOn: '2026-01-01',
        acuteEscalation: { enabled: true, feeOre: 250_000 },
        services: [{ kind: 'sso', name: 'SSO' }],
      },
    });
    const early = await call.ok('tickets.save', {
      ticket: ticketFor(customer.id, { subject: 'Tidig', receivedAt: at('2026-11-20T09:00:00+01:00') }),
    });
    const late = await call.ok('tickets.save', { ticket: ticketFor(customer.id, { subject: 'Sen' }) });
    expect((await call.ok('tickets.list', {})).map((t) => t.subject)).toEqual(['Tidig', 'Sen']);

    // Tidig is due Friday 17:00 (09:00 + 8 h). Sen, escalated at 14:30, is due 16:30 by the acute clock.
    now = at('2026-11-20T14:30:00+01:00');
    const escalated = await call.ok('tickets.escalate', { id: late.id });
    expect(escalated).toMatchObject({
      escalatedAt: now,
      acuteDueAt: at('2026-11-20T16:30:00+01:00'),
      dueAt: at('2026-11-20T16:30:00+01:00'),
    });
    expect((await call.ok('tickets.list', {})).map((t) => t.id)).toEqual([late.id, early.id]);
  });

  test('starting work records the first response once; leaving "open" counts as starting', async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    const ticket = await call.ok('tickets.save', { ticket: ticketFor(customer.id) });
    now = at('2026-11-20T16:10:00+01:00');
    expect((await call.ok('tickets.recordFirstResponse', { id: ticket.id })).firstResponseAt).toBe(now);
    now = at('2026-11-20T16:50:00+01:00');
    expect((await call.ok('tickets.recordFirstResponse', { id: ticket.id })).firstResponseAt).toBe(
      at('2026-11-20T16:10:00+01:00'),
    );

    const other = await call.ok('tickets.save', { ticket: ticketFor(customer.id, { status: 'pending' }) });
    expect(other.firstResponseAt).toBe(now);
    expect((await call.ok('tickets.list', { openOnly: true })).length).toBe(2);
  });

  test('bad input names its field; another customer’s service or environment is refused', async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    const { environment: foreignEnv } = await createCustomerWithEnvironment(call, 'Lunds kommun', 121);
    const error = await call.fails('tickets.save', {
      ticket: ticketFor(customer.id, {
        requesterEmail: 'inte-en-adress',
        subject: '',
        firstResponseAt: at('2026-11-19T10:00:00+01:00'),
      }),
    });
    expect(error.details!.issues!.map((i) => i.path).sort()).toEqual([
      'ticket.firstResponseAt',
      'ticket.requesterEmail',
      'ticket.subject',
    ]);
    const foreign = await call.fails('tickets.save', {
      ticket: ticketFor(customer.id, { environmentId: foreignEnv.id }),
    });
    expect(foreign.details?.issues).toEqual([
      {
        path: 'ticket.environmentId',
        message: 'Not an environment of this customer',
        detail: { key: 'records.notEnvironmentOfCustomer', values: {} },
      },
    ]);
    expect(await call.ok('tickets.list', {})).toEqual([]);
  });

  test('a requester who is not a named contact is flagged', async () => {
    const { customer } = await createCustomerWithEnvironment(call);
    const ticket = await call.ok('tickets.save', {
      ticket: ticketFor(customer.id, { requesterEmail: 'larare@vaxjo.se' }),
    });
    expect(ticket.requesterIsContact).toBe(false);
  });
});
