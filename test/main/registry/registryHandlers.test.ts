import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { openSecret } from '../../../main/vault/secretVault.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { orgNumber, personalIdentityNumber } from '../../support/orgNumbers.ts';
import { openPassphraseBackend, TEST_USER } from '../../support/passphraseBackend.ts';
import { storedVersion } from '../../support/storedVersion.ts';

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
beforeEach(async () => {
  opened = await openPassphraseBackend();
  call = apiCaller(createApi(opened.backend));
});
afterEach(async () => opened.cleanup());

const VAXJO = { name: 'Växjö kommun', orgNumber: orgNumber('212000', 70), kind: 'municipality' } as const;

async function customerWithEnvironment() {
  const customer = await call.ok('registry.createCustomer', VAXJO);
  const environment = await call.ok('registry.saveEnvironment', {
    customerId: customer.id,
    environment: {
      name: 'Produktion',
      access: {
        vpnType: 'cisco_anyconnect',
        vpnGateway: 'vpn.vaxjo.se',
        splitTunnel: 'yes',
        method: 'ssh',
        supportedTools: ['PowerShell'],
      },
    },
  });
  return { customer, environment };
}

describe('customers', () => {
  test('create normalises the organisation number and names the local user as author', async () => {
    const created = await call.ok('registry.createCustomer', {
      ...VAXJO,
      orgNumber: VAXJO.orgNumber.replace('-', ''),
    });
    expect(created).toMatchObject({
      name: 'Växjö kommun',
      orgNumber: VAXJO.orgNumber,
      createdBy: TEST_USER.name,
    });
    expect(await call.ok('registry.getCustomer', { id: created.id })).toEqual(created);
  });

  test("a person's identity number, 10 or 12 digits, is refused as a customer's organisation number", async () => {
    const person = personalIdentityNumber('811218', 987);
    const coordination = personalIdentityNumber('811278', 987);
    for (const number of [person, `19${person.replace('-', '')}`, coordination]) {
      const error = await call.fails('registry.createCustomer', { ...VAXJO, orgNumber: number });
      expect(error.code).toBe('VALIDATION');
      expect(error.details!.issues).toEqual([
        {
          path: 'orgNumber',
          message:
            "This looks like a person's identity number (personnummer or samordningsnummer), not an organisation's: a customer needs its organisation number, whose third digit is 2 or more",
        },
      ]);
    }
    expect(await call.ok('registry.listCustomers', {})).toEqual([]);
  });

  test('each invalid field is named with a reason, and nothing is stored', async () => {
    const error = await call.fails('registry.createCustomer', {
      name: '  ',
      orgNumber: '212000-0002',
      kind: 'kommun',
    });
    expect(error.code).toBe('VALIDATION');
    const byPath = Object.fromEntries(error.details!.issues!.map((i) => [i.path, i.message]));
    expect(byPath.name).toBe('Name is required');
    expect(byPath.orgNumber).toContain('not a valid Swedish organisation number');
    expect(byPath.kind).toContain('municipality, school_chain, school, other');
    expect(await call.ok('registry.listCustomers', {})).toEqual([]);
  });

  test('a second customer with the same organisation number is a conflict naming the first', async () => {
    await call.ok('registry.createCustomer', VAXJO);
    const error = await call.fails('registry.createCustomer', { ...VAXJO, name: 'Dubblett' });
    expect(error).toMatchObject({ code: 'CONFLICT', details: { issues: [{ path: 'orgNumber' }] } });
    expect(error.message).toContain('Växjö kommun');
    expect(await call.ok('registry.listCustomers', {})).toHaveLength(1);
  });

  test('update and delete of a missing customer answer NOT_FOUND', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await call.fails('registry.updateCustomer', { id, rowVersion: 1, customer: VAXJO })).code).toBe(
      'NOT_FOUND',
    );
    expect((await call.fails('registry.deleteCustomer', { id })).code).toBe('NOT_FOUND');
  });

  test('deleting a customer takes its environments, servers, accounts and contacts with it', async () => {
    const { customer, environment } = await customerWithEnvironment();
    await call.ok('registry.saveServer', {
      environmentId: environment.id,
      server: { host: 'wap01.vaxjo.se', role: 'wap' },
    });
    await call.ok('registry.saveContact', {
      customerId: customer.id,
      contact: { name: 'Åsa Öberg', email: 'asa@vaxjo.se' },
    });
    await call.ok('registry.deleteCustomer', { id: customer.id });
    expect(await call.ok('registry.listCustomers', {})).toEqual([]);
    const db = opened.backend.registryContext().db;
    for (const table of ['environments', 'servers', 'contacts', 'support_accounts'] as const) {
      expect(await db.selectFrom(table).selectAll().execute(), table).toEqual([]);
    }
  });
});

describe('environments, servers and access', () => {
  test('the summary lists hosts and contacts for search, and flags non-standard access', async () => {
    const { customer, environment } = await customerWithEnvironment();
    await call.ok('registry.saveServer', {
      environmentId: environment.id,
      server: { host: 'wap01.vaxjo.se', role: 'wap' },
    });
    await call.ok('registry.saveContact', {
      customerId: customer.id,
      contact: { name: 'Åsa Öberg', email: 'asa@vaxjo.se' },
    });
    let [summary] = await call.ok('registry.listCustomers', {});
    expect(summary).toMatchObject({
      hosts: ['wap01.vaxjo.se'],
      environmentCount: 1,
      nonStandardAccess: false,
    });
    expect(summary!.contacts).toEqual([
      { name: 'Åsa Öberg', email: 'asa@vaxjo.se', phone: '', adminAccount: '' },
    ]);
    // Each server with its role and environment, for the command palette's "wap växjö" → connect.
    expect(summary!.servers).toEqual([
      {
        id: expect.any(String),
        environmentId: environment.id,
        environmentName: environment.name,
        host: 'wap01.vaxjo.se',
        role: 'wap',
      },
    ]);

    const changed = await call.ok('registry.saveEnvironment', {
      customerId: customer.id,
      id: environment.id,
      rowVersion: await storedVersion(call, customer.id, environment.id),
      environment: { name: 'Produktion', access: { vpnType: 'other', method: 'ssh', notes: 'Fortinet' } },
    });
    expect(changed.access.standard).toBe(false);
    expect(changed.access.nonStandardReasons.join(' ')).toContain('is not an accepted solution');
    [summary] = await call.ok('registry.listCustomers', {});
    expect(summary!.nonStandardAccess).toBe(true);
  });

  test('access needs a gateway for gateway VPNs and a TeamViewer id for TeamViewer', async () => {
    const customer = await call.ok('registry.createCustomer', VAXJO);
    const noGateway = await call.fails('registry.saveEnvironment', {
      customerId: customer.id,
      environment: { name: 'P', access: { vpnType: 'checkpoint', method: 'rdp' } },
    });
    expect(noGateway.details?.issues).toEqual([
      { path: 'environment.access.vpnGateway', message: 'This VPN type needs a gateway' },
    ]);
    const noId = await call.fails('registry.saveEnvironment', {
      customerId: customer.id,
      environment: { name: 'P', access: { vpnType: 'teamviewer', method: 'teamviewer' } },
    });
    expect(noId.details?.issues?.[0]?.path).toBe('environment.access.teamViewerId');
    const unknownVpn = await call.fails('registry.saveEnvironment', {
      customerId: customer.id,
      environment: { name: 'P', access: { vpnType: 'wireguard', method: 'ssh' } },
    });
    expect(unknownVpn.details?.issues?.[0]?.message).toContain('Unknown VPN type "wireguard"');
  });

  test('two environments of one customer cannot share a name (agreements refer to them by name)', async () => {
    const { customer, environment } = await customerWithEnvironment();
    const error = await call.fails('registry.saveEnvironment', {
      customerId: customer.id,
      environment: { name: 'Produktion', access: { vpnType: 'none', method: 'rdp' } },
    });
    expect(error).toMatchObject({ code: 'CONFLICT', details: { issues: [{ path: 'environment.name' }] } });
    const renamed = await call.ok('registry.saveEnvironment', {
      customerId: customer.id,
      id: environment.id,
      rowVersion: await storedVersion(call, customer.id, environment.id),
      environment: { name: 'Produktion', access: { vpnType: 'none', method: 'rdp' } },
    });
    expect(renamed.access.method).toBe('rdp');
  });

  test('servers are checked for host and port', async () => {
    const { environment } = await customerWithEnvironment();
    const error = await call.fails('registry.saveServer', {
      environmentId: environment.id,
      server: { host: 'wap 01!', port: 70000, role: 'wap' },
    });
    const paths = error.details!.issues!.map((i) => i.path);
    expect(paths).toEqual(['server.host', 'server.port']);
    const ipv6 = await call.ok('registry.saveServer', {
      environmentId: environment.id,
      server: { host: 'fd00::10', port: 5986, role: 'adfs', os: 'Windows Server 2022' },
    });
    expect(ipv6).toMatchObject({ host: 'fd00::10', port: 5986, role: 'adfs' });
  });
});

describe('support account secrets', () => {
  test('a stored secret is never returned by reads; a save without a secret keeps it; a new one replaces it', async () => {
    const { customer, environment } = await customerWithEnvironment();
    const secret = 'Hemligt-Lösenord-42';
    const account = await call.ok('registry.saveSupportAccount', {
      environmentId: environment.id,
      account: { username: 'svc_support' },
      secret,
    });
    expect(account).toMatchObject({ username: 'svc_support', hasSecret: true });
    const detail = await call.ok('registry.getCustomer', { id: customer.id });
    const exported = await call.ok('registry.export', {});
    for (const read of [account, detail, exported, await call.ok('registry.listCustomers', {})]) {
      expect(JSON.stringify(read)).not.toContain(secret);
    }

    const db = opened.backend.registryContext().db;
    const stored = () =>
      db
        .selectFrom('support_accounts')
        .select('secret')
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow();
    await call.ok('registry.saveSupportAccount', {
      environmentId: environment.id,
      id: account.id,
      rowVersion: account.rowVersion,
      account: { username: 'svc_support2', notes: 'byt namn' },
    });
    // Kept, and kept sealed: the store holds the vault's sealed form, which opens to the secret.
    const kept = (await stored()).secret!;
    expect(kept).toMatch(/^sv1\./);
    expect(kept).not.toContain(secret);
    expect(await openSecret(db, kept)).toBe(secret);
    await call.ok('registry.saveSupportAccount', {
      environmentId: environment.id,
      id: account.id,
      rowVersion: account.rowVersion + 1,
      account: { username: 'svc_support2' },
      secret: 'Nytt-Lösen',
    });
    expect(await openSecret(db, (await stored()).secret!)).toBe('Nytt-Lösen');
  });

  test("deleting an account, its environment or its customer destroys the secret's data key with it", async () => {
    const db = opened.backend.registryContext().db;
    const keyOf = async (id: string) =>
      (await db.selectFrom('secret_data_keys').select('id').where('owner_id', '=', id).execute()).length;
    const { customer, environment } = await customerWithEnvironment();
    const save = (username: string) =>
      call.ok('registry.saveSupportAccount', {
        environmentId: environment.id,
        account: { username },
        secret: 'x-42',
      });
    const [one, two] = [await save('svc_one'), await save('svc_two')];
    expect([await keyOf(one.id), await keyOf(two.id)]).toEqual([1, 1]);
    await call.ok('registry.deleteSupportAccount', { id: one.id });
    expect([await keyOf(one.id), await keyOf(two.id)]).toEqual([0, 1]);
    await call.ok('registry.deleteEnvironment', { id: environment.id });
    expect(await keyOf(two.id)).toBe(0);
    const other = await call.ok('registry.saveEnvironment', {
      customerId: customer.id,
      environment: { name: 'Test', access: { vpnType: 'none', method: 'ssh' } },
    });
    const three = await call.ok('registry.saveSupportAccount', {
      environmentId: other.id,
      account: { username: 'svc_three' },
      secret: 'x-43',
    });
    await call.ok('registry.deleteCustomer', { id: customer.id });
    expect(await keyOf(three.id)).toBe(0);
  });

  test("a pre-connect secret is sealed under its environment's key: text sets, absent keeps, null clears; deleting destroys the key", async () => {
    const db = opened.backend.registryContext().db;
    const stored = async (id: string) =>
      (
        await db
          .selectFrom('environments')
          .select('pre_connect_secret')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).pre_connect_secret;
    const keys = async (id: string) =>
      (await db.selectFrom('secret_data_keys').select('id').where('owner_id', '=', id).execute()).length;
    const { customer, environment } = await customerWithEnvironment();
    expect(environment.access.hasPreConnectSecret).toBe(false);
    const input = {
      customerId: customer.id,
      id: environment.id,
      environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh' } },
    } as const;

    const set = await call.ok('registry.saveEnvironment', {
      ...input,
      rowVersion: environment.rowVersion,
      preConnectSecret: 'Vpn-Lösen-1',
    });
    expect(set.access.hasPreConnectSecret).toBe(true);
    expect(JSON.stringify(set)).not.toContain('Vpn-Lösen-1');
    const sealed = (await stored(environment.id))!;
    expect(sealed).toMatch(/^sv1\./);
    expect(sealed).not.toContain('Vpn-Lösen');
    expect(await openSecret(db, sealed)).toBe('Vpn-Lösen-1');

    const kept = await call.ok('registry.saveEnvironment', {
      ...input,
      rowVersion: set.rowVersion,
      environment: { ...input.environment, notes: 'n' },
    });
    expect(kept.access.hasPreConnectSecret).toBe(true);
    expect(await stored(environment.id)).toBe(sealed);

    const cleared = await call.ok('registry.saveEnvironment', {
      ...input,
      rowVersion: kept.rowVersion,
      preConnectSecret: null,
    });
    expect(cleared.access.hasPreConnectSecret).toBe(false);
    expect(await stored(environment.id)).toBeNull();
    expect(await keys(environment.id)).toBe(0);

    await call.ok('registry.saveEnvironment', {
      ...input,
      rowVersion: cleared.rowVersion,
      preConnectSecret: 'Vpn-Lösen-2',
    });
    expect(await keys(environment.id)).toBe(1);
    await call.ok('registry.deleteEnvironment', { id: environment.id });
    expect(await keys(environment.id)).toBe(0);
    const other = await call.ok('registry.saveEnvironment', {
      customerId: customer.id,
      environment: input.environment,
      preConnectSecret: 'Vpn-Lösen-3',
    });
    expect(await keys(other.id)).toBe(1);
    await call.ok('registry.deleteCustomer', { id: customer.id });
    expect(await keys(other.id)).toBe(0);

    const empty = await call.fails('registry.saveEnvironment', {
      ...input,
      id: undefined,
      preConnectSecret: '',
    });
    expect(empty.code).toBe('VALIDATION');
  });

  test('a pre-connect secret too long, not text, or for an environment that is not there is refused and leaves nothing behind', async () => {
    const db = opened.backend.registryContext().db;
    const { customer, environment } = await customerWithEnvironment();
    const otherCustomer = await call.ok('registry.createCustomer', {
      ...VAXJO,
      name: 'Kalmar kommun',
      orgNumber: orgNumber('212000', 71),
    });
    const other = {
      customer: otherCustomer,
      environment: await call.ok('registry.saveEnvironment', {
        customerId: otherCustomer.id,
        environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh' } },
      }),
    };
    const input = {
      customerId: customer.id,
      id: environment.id,
      rowVersion: environment.rowVersion,
      environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh' } },
    } as const;
    const issues = async (preConnectSecret: unknown) =>
      (
        await call.fails('registry.saveEnvironment', {
          ...input,
          preConnectSecret: preConnectSecret as string,
        })
      ).details?.issues;
    expect(await issues('x'.repeat(16_385))).toEqual([
      { path: 'preConnectSecret', message: 'Secret is longer than 16384 characters' },
    ]);
    expect(await issues(42)).toEqual([{ path: 'preConnectSecret', message: 'Secret must be text' }]);

    // An id that is no environment, or another customer's: NOT_FOUND, and the data key the save made is gone with it.
    const keysBefore = await db.selectFrom('secret_data_keys').select('id').execute();
    const elsewhere = { name: 'Reserv', access: { vpnType: 'none', method: 'ssh' } } as const;
    for (const wrong of [
      { ...input, id: randomUUID(), environment: elsewhere },
      { ...input, id: other.environment.id, environment: elsewhere },
    ]) {
      const refused = await call.fails('registry.saveEnvironment', {
        ...wrong,
        preConnectSecret: 'Vpn-Lösen',
      });
      expect(refused.code).toBe('NOT_FOUND');
      expect(refused.message).not.toContain('Vpn-Lösen');
    }
    expect(await db.selectFrom('secret_data_keys').select('id').execute()).toEqual(keysBefore);
    const untouched = await call.ok('registry.getCustomer', { id: other.customer.id });
    expect(untouched.environments[0]!.access.hasPreConnectSecret).toBe(false);
  });

  test('an empty secret is refused rather than silently stored', async () => {
    const { environment } = await customerWithEnvironment();
    const error = await call.fails('registry.saveSupportAccount', {
      environmentId: environment.id,
      account: { username: 'svc' },
      secret: '',
    });
    expect(error.details?.issues).toEqual([{ path: 'secret', message: 'Secret must not be empty' }]);
  });
});

describe('writes announce what changed', () => {
  test('registry.changed names the customer whose record changed', async () => {
    const seen: (string | null)[] = [];
    opened.backend.on('registry.changed', ({ customerId }) => seen.push(customerId));
    const { customer } = await customerWithEnvironment();
    expect(seen).toEqual([null, customer.id]);
  });

  test('registry.changed says which of the list’s follow-up parts (servers, contacts) a write touched', async () => {
    const seen: unknown[] = [];
    opened.backend.on('registry.changed', ({ touched }) => seen.push(touched));
    const { customer, environment } = await customerWithEnvironment();
    const server = await call.ok('registry.saveServer', {
      environmentId: environment.id,
      server: { host: 'wap01.vaxjo.se', role: 'wap' },
    });
    const contact = await call.ok('registry.saveContact', {
      customerId: customer.id,
      contact: { name: 'Åsa Öberg', email: 'asa.oberg@vaxjo.se' },
    });
    await call.ok('registry.saveSupportAccount', {
      environmentId: environment.id,
      account: { username: 'svc_lotsen' },
    });
    await call.ok('registry.deleteContact', { id: contact.id });
    await call.ok('registry.deleteServer', { id: server.id });
    await call.ok('registry.deleteCustomer', { id: customer.id });
    expect(seen).toEqual([
      [], // created: no servers or contacts yet
      ['servers'], // an environment's name is on its servers
      ['servers'],
      ['contacts'],
      [], // a support account is in neither
      ['contacts'],
      ['servers'],
      [],
    ]);
  });
});
