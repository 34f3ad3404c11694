import type { apiCaller } from './apiCaller.ts';
import { orgNumber } from './orgNumbers.ts';

export interface SessionTarget {
  host: string;
  port: number;
  username: string;
  /** The account's stored secret: a password or a private key. */
  secret: string;
}

/**
 * An eligible customer (agreement in force, DPA signed, trained contacts) whose environment has one server at
 * `target` with a support account, and an open ticket from a named contact: what a session needs.
 */
export async function prepareSessionCustomer(
  call: ReturnType<typeof apiCaller>,
  target: SessionTarget,
  options: { name?: string; serial?: number; withDpa?: boolean; preConnectCommand?: string } = {},
) {
  const customer = await call.ok('registry.createCustomer', {
    name: options.name ?? 'Kalmar kommun',
    orgNumber: orgNumber('212000', options.serial ?? 80),
    kind: 'municipality',
  });
  const environment = await call.ok('registry.saveEnvironment', {
    customerId: customer.id,
    environment: {
      name: 'Produktion',
      access: {
        vpnType: 'none',
        method: 'ssh',
        preConnectCommand: options.preConnectCommand ?? '',
      },
    },
  });
  const server = await call.ok('registry.saveServer', {
    environmentId: environment.id,
    server: { host: target.host, port: target.port, role: 'wap' },
  });
  const account = await call.ok('registry.saveSupportAccount', {
    environmentId: environment.id,
    account: { username: target.username },
    secret: target.secret,
  });
  await call.ok('registry.saveContact', {
    customerId: customer.id,
    contact: {
      name: 'Åsa Öberg',
      email: 'asa.oberg@kalmar.se',
      adminTrainingDone: true,
      toolTrainingDone: true,
    },
  });
  await call.ok('agreements.save', {
    customerId: customer.id,
    agreement: {
      reference: 'FA-2026',
      startsOn: '2020-01-01',
      responseHours: 8,
      services: [{ kind: 'sso', name: 'SSO', environmentId: environment.id }],
    },
  });
  if (options.withDpa ?? true) {
    await call.ok('dpas.save', {
      customerId: customer.id,
      dpa: { signedOn: '2020-01-01', reference: 'PUB-1', signatory: 'Karin Jurist' },
    });
  }
  const ticket = await call.ok('tickets.save', {
    ticket: {
      customerId: customer.id,
      requesterName: 'Åsa Öberg',
      requesterEmail: 'asa.oberg@kalmar.se',
      subject: 'WAP svarar inte',
      externalRef: 'HD-4711',
      environmentId: environment.id,
      receivedAt: Date.now() - 60_000,
    },
  });
  return { customer, environment, server, account, ticket };
}
