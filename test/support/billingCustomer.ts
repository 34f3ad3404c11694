import { createApi } from '../../main/api/createApi.node.ts';
import { apiCaller } from './apiCaller.ts';
import { openPassphraseBackend } from './passphraseBackend.ts';
import { createCustomerWithEnvironment } from './preparedCustomer.ts';

/**
 * A customer ready for billing: its standard environment (Cisco AnyConnect) and a second one reached through a
 * VPN client the terms do not support (non-standard, 8.6), an agreement in force since 2026-01-01 with hourly rates
 * (configuration change 1 200 kr, changes in the customer's environment 1 100 kr, non-standard access
 * 1 500 kr, project 950 kr), 15-minute rounding per entry and a
 * 2 500 kr acute-escalation fee, a DPA, and one ticket in each environment.
 */
export async function prepareBillingCustomer(
  call: ReturnType<typeof apiCaller>,
  options: {
    name?: string;
    serial?: number;
    receivedAt: number;
    rounding?: { incrementMinutes: number; scope: 'entry' | 'ticket_day'; minimumMinutes: number };
  },
) {
  const { customer, environment } = await createCustomerWithEnvironment(
    call,
    options.name ?? 'Växjö kommun',
    options.serial ?? 70,
  );
  const special = await call.ok('registry.saveEnvironment', {
    customerId: customer.id,
    environment: {
      name: 'Skolnätet',
      access: { vpnType: 'other', vpnGateway: 'fortinet.vaxjo.se', method: 'rdp' },
    },
  });
  await call.ok('registry.saveServer', {
    environmentId: special.id,
    server: { host: 'wap02.vaxjo.se', role: 'wap' },
  });
  await call.ok('registry.saveSupportAccount', {
    environmentId: special.id,
    account: { username: 'svc_lotsen' },
    secret: 'x',
  });
  const agreement = await call.ok('agreements.save', {
    customerId: customer.id,
    agreement: {
      reference: 'AVT-2026-01',
      startsOn: '2026-01-01',
      acuteEscalation: { enabled: true, feeOre: 250_000 },
      services: [{ kind: 'sso', name: 'SSO' }],
      hourlyRatesOre: {
        configuration_change: 120_000,
        customer_environment_change: 110_000,
        non_standard_access: 150_000,
        project: 95_000,
      },
      rounding: options.rounding ?? { incrementMinutes: 15, scope: 'entry', minimumMinutes: 0 },
    },
  });
  await call.ok('dpas.save', {
    customerId: customer.id,
    dpa: { signedOn: '2025-12-01', reference: 'PUB-1', signatory: 'Karin Jurist' },
  });
  const ticket = async (subject: string, externalRef: string, environmentId: string) =>
    call.ok('tickets.save', {
      ticket: {
        customerId: customer.id,
        requesterName: 'Åsa Öberg',
        requesterEmail: 'asa.oberg@vaxjo.se',
        subject,
        externalRef,
        environmentId,
        receivedAt: options.receivedAt,
      },
    });
  const standardTicket = await ticket('Inloggning via AD FS fungerar inte', 'HD-1001', environment.id);
  const specialTicket = await ticket('Synk från Skolnätet stannar', 'HD-1002', special.id);
  return { customer, environment, special, agreement, standardTicket, specialTicket };
}

/**
 * A store on a clock the test moves (at first Friday 20 November 2026, 10:00 Swedish time) with two customers ready
 * for billing, Växjö and Lund, whose tickets were received on 2 November. `call` is a support lead's (the team's
 * admin): agreements, tickets, time; `finance` approves months, imports time files and keeps the price list. On a team
 * database they are two members on two Lotsen backends; in the embedded default the one local user is both.
 */
export async function openTwoBillingCustomers() {
  const clock = { now: Date.parse('2026-11-20T10:00:00+01:00') };
  const lead = await openPassphraseBackend({ now: () => clock.now, teamRole: 'support_lead' });
  const financeBackend = await lead.joinAs('finance').catch(async (error: unknown) => {
    await lead.cleanup();
    throw error;
  });
  const opened = {
    ...lead,
    async cleanup() {
      await financeBackend.cleanup();
      await lead.cleanup();
    },
  };
  const call = apiCaller(createApi(lead.backend));
  const finance = apiCaller(createApi(financeBackend.backend));
  const receivedAt = Date.parse('2026-11-02T08:00:00+01:00');
  const vaxjo = await prepareBillingCustomer(call, { receivedAt });
  const lund = await prepareBillingCustomer(call, { name: 'Lunds kommun', serial: 121, receivedAt });
  return { clock, opened, call, finance, vaxjo, lund };
}
