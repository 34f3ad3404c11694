import { describe, expect, test } from 'vitest';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { vaxjoAndLund } from '../../support/vaxjoAndLund.ts';

/*
 * The customer list's servers after its first paint (issue 17: 50,000 servers were most of the first answer): the list
 * asked without them counts each customer's distinct hosts, then `registry.listCustomerServers` gives the servers.
 */
const { call } = apiPerTest();

async function environment(customerId: string, name: string) {
  return call.ok('registry.saveEnvironment', {
    customerId,
    environment: { name, access: { vpnType: 'none', method: 'ssh' } },
  });
}

async function server(environmentId: string, host: string, role: 'wap' | 'adfs' | 'sync', port?: number) {
  return call.ok('registry.saveServer', { environmentId, server: { host, role, ...(port && { port }) } });
}

/**
 * Växjö: two environments, four servers on three hosts (one host in both environments, one serving SSH on two ports),
 * saved out of host order. Lund: none.
 */
async function twoCustomers() {
  const { vaxjo, lund } = await vaxjoAndLund(call);
  const production = await environment(vaxjo.id, 'Produktion');
  const test = await environment(vaxjo.id, 'Test');
  await server(production.id, 'wap01.vaxjo.se', 'wap');
  await server(production.id, 'adfs01.vaxjo.se', 'adfs');
  await server(production.id, 'adfs01.vaxjo.se', 'adfs', 2222);
  await server(test.id, 'wap01.vaxjo.se', 'wap');
  await server(test.id, 'sync01.vaxjo.se', 'sync');
  return { vaxjo, lund, production, test };
}

describe('the customer list without its servers, then the servers', () => {
  test('the list asked without servers counts the distinct hosts and holds none; the whole list counts the same', async () => {
    const { vaxjo } = await twoCustomers();
    const light = await call.ok('registry.listCustomers', { contacts: false, servers: false });
    expect(light.map((c) => [c.name, c.hosts, c.servers, c.hostCount])).toEqual([
      ['Lunds kommun', [], [], 0],
      ['Växjö kommun', [], [], 3],
    ]);
    const whole = await call.ok('registry.listCustomers', {});
    expect(whole.find((c) => c.id === vaxjo.id)).toMatchObject({
      hostCount: 3,
      hosts: ['adfs01.vaxjo.se', 'sync01.vaxjo.se', 'wap01.vaxjo.se'],
    });
    expect(whole.map((c) => c.hostCount)).toEqual(light.map((c) => c.hostCount));
  });

  test("listCustomerServers gives each customer's servers in host order, as the whole list holds them, and leaves out customers without", async () => {
    const { vaxjo, production, test } = await twoCustomers();
    const servers = await call.ok('registry.listCustomerServers', {});
    expect(servers.map((c) => c.customerId)).toEqual([vaxjo.id]);
    expect(servers[0]!.servers.map((s) => [s.host, s.role, s.environmentId, s.environmentName])).toEqual([
      ['adfs01.vaxjo.se', 'adfs', production.id, 'Produktion'],
      ['adfs01.vaxjo.se', 'adfs', production.id, 'Produktion'],
      ['sync01.vaxjo.se', 'sync', test.id, 'Test'],
      ['wap01.vaxjo.se', 'wap', expect.any(String), expect.any(String)],
      ['wap01.vaxjo.se', 'wap', expect.any(String), expect.any(String)],
    ]);
    const whole = await call.ok('registry.listCustomers', {});
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(servers[0]!.servers)).toEqual(byId(whole.find((c) => c.id === vaxjo.id)!.servers));
  });

  test('a deleted server leaves the count and the servers at once', async () => {
    const { vaxjo } = await twoCustomers();
    const [sync] = (await call.ok('registry.listCustomerServers', {}))[0]!.servers.filter(
      (s) => s.host === 'sync01.vaxjo.se',
    );
    await call.ok('registry.deleteServer', { id: sync!.id });
    const light = await call.ok('registry.listCustomers', { contacts: false, servers: false });
    expect(light.find((c) => c.id === vaxjo.id)!.hostCount).toBe(2);
    const hosts = (await call.ok('registry.listCustomerServers', {}))[0]!.servers.map((s) => s.host);
    expect(hosts).not.toContain('sync01.vaxjo.se');
  });
});
