import type { apiCaller } from './apiCaller.ts';
import { orgNumber } from './orgNumbers.ts';

/**
 * A customer with one production environment (AD FS and WAP servers, a support account) and two trained named
 * contacts; agreements and DPAs are left to each test.
 */
export async function createCustomerWithEnvironment(
  call: ReturnType<typeof apiCaller>,
  name = 'Växjö kommun',
  serial = 70,
) {
  const customer = await call.ok('registry.createCustomer', {
    name,
    orgNumber: orgNumber('212000', serial),
    kind: 'municipality',
  });
  const environment = await call.ok('registry.saveEnvironment', {
    customerId: customer.id,
    environment: {
      name: 'Produktion',
      access: { vpnType: 'cisco_anyconnect', vpnGateway: 'vpn.vaxjo.se', splitTunnel: 'yes', method: 'ssh' },
    },
  });
  await call.ok('registry.saveServer', {
    environmentId: environment.id,
    server: { host: 'adfs01.vaxjo.se', role: 'adfs' },
  });
  await call.ok('registry.saveServer', {
    environmentId: environment.id,
    server: { host: 'wap01.vaxjo.se', role: 'wap' },
  });
  await call.ok('registry.saveSupportAccount', {
    environmentId: environment.id,
    account: { username: 'svc_lotsen' },
    secret: 'x',
  });
  for (const [contactName, email] of [
    ['Åsa Öberg', 'asa.oberg@vaxjo.se'],
    ['Erik Ek', 'erik.ek@vaxjo.se'],
  ] as const) {
    await call.ok('registry.saveContact', {
      customerId: customer.id,
      contact: { name: contactName, email, adminTrainingDone: true, toolTrainingDone: true },
    });
  }
  return { customer, environment };
}
