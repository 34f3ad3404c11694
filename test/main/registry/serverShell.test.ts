import { describe, expect, test } from 'vitest';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { orgNumber } from '../../support/orgNumbers.ts';

/* A server's shell (issue 16, item 2; migration 0028), on both engines: kept, shown, audited, exported, checked. */

const { call } = apiPerTest();

async function environment() {
  const customer = await call.ok('registry.createCustomer', {
    name: 'Växjö kommun',
    orgNumber: orgNumber('212000', 70),
    kind: 'municipality',
  });
  return call.ok('registry.saveEnvironment', {
    customerId: customer.id,
    environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh' } },
  });
}

describe("a server's shell", () => {
  test('is a Unix shell unless set to PowerShell, kept through saves, audited and exported', async () => {
    const env = await environment();
    const plain = await call.ok('registry.saveServer', {
      environmentId: env.id,
      server: { host: 'sync01.vaxjo.se', role: 'sync' },
    });
    expect(plain.shell).toBe('posix');
    const adfs = await call.ok('registry.saveServer', {
      environmentId: env.id,
      server: { host: 'adfs01.vaxjo.se', role: 'adfs', os: 'Windows Server 2022', shell: 'powershell' },
    });
    expect(adfs.shell).toBe('powershell');
    const [added] = await call.ok('audit.list', { event: 'registry.record_added', subjectId: adfs.id });
    expect(added!.details).toMatchObject({ changes: { shell: [null, 'powershell'] } });

    const back = await call.ok('registry.saveServer', {
      environmentId: env.id,
      id: adfs.id,
      rowVersion: adfs.rowVersion,
      server: { host: 'adfs01.vaxjo.se', role: 'adfs', os: 'Windows Server 2022', shell: 'posix' },
    });
    expect(back.shell).toBe('posix');
    const [changed] = await call.ok('audit.list', { event: 'registry.record_changed', subjectId: adfs.id });
    expect(changed!.details).toMatchObject({
      fields: ['shell'],
      changes: { shell: ['powershell', 'posix'] },
    });

    await call.ok('registry.saveServer', {
      environmentId: env.id,
      id: adfs.id,
      rowVersion: back.rowVersion,
      server: { host: 'adfs01.vaxjo.se', role: 'adfs', shell: 'powershell' },
    });
    const file = await call.ok('registry.export', {});
    const servers = file.customers[0]!.environments[0]!.servers;
    expect(servers.map((s) => [s.host, s.shell])).toEqual([
      ['adfs01.vaxjo.se', 'powershell'],
      ['sync01.vaxjo.se', 'posix'],
    ]);
  });

  test('anything but posix or powershell is refused', async () => {
    const env = await environment();
    const refused = await call.fails('registry.saveServer', {
      environmentId: env.id,
      server: { host: 'adfs01.vaxjo.se', role: 'adfs', shell: 'cmd' as 'posix' },
    });
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    expect(JSON.stringify(refused)).toContain('Shell must be one of posix, powershell');
  });
});
