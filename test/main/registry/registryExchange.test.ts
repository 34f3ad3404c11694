import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  REGISTRY_FILE_VERSION,
  registryFileSchema,
  type RegistryFile,
  type RegistryFileInput,
} from '../../../common/registry/registryFile.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { exportRegistry } from '../../../main/registry/registryExport.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { personalIdentityNumber } from '../../support/orgNumbers.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { makeRegistryFile } from '../../support/registryFixture.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import { failInserts } from '../../support/writeFailure.ts';
import { testDataSource } from '../../support/postgres/testTeam.ts';

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
beforeEach(async () => {
  opened = await openPassphraseBackend();
  call = apiCaller(createApi(opened.backend));
});
afterEach(async () => opened.cleanup());

const collator = new Intl.Collator('sv', { sensitivity: 'variant', numeric: true });
const byText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** The input in the export's canonical order, with defaults filled in as the importer fills them. */
function canonical(file: unknown): Omit<RegistryFile, 'exportedAt' | 'version'> {
  const parsed = registryFileSchema.parse(file);
  const { exportedAt: _ignored, version: _version, ...rest } = parsed;
  return {
    ...rest,
    customers: parsed.customers
      .map((c) => ({
        ...c,
        contacts: [...c.contacts].sort((a, b) => byText(a.name, b.name) || byText(a.email, b.email)),
        environments: [...c.environments]
          .sort((a, b) => byText(a.name, b.name))
          .map((e) => ({
            ...e,
            servers: [...e.servers].sort((a, b) => byText(a.host, b.host) || a.port - b.port),
            supportAccounts: [...e.supportAccounts].sort((a, b) => byText(a.username, b.username)),
          })),
      }))
      .sort((a, b) => byText(a.name, b.name) || byText(a.orgNumber, b.orgNumber)),
  };
}

describe('registry import and export', () => {
  test('200 customers with Swedish characters round-trip import -> export losslessly; secrets only on request', async () => {
    const input = makeRegistryFile(200, { secrets: true });
    const summary = await call.ok('registry.import', { file: input });
    expect(summary.customers).toBe(200);
    expect(summary.servers).toBeGreaterThan(400);

    const withSecrets = await exportRegistry(opened.backend.registryContext().db, {
      includeSecrets: true,
      now: 0,
    });
    expect(canonical(withSecrets)).toEqual(canonical({ ...input, includesSecrets: true }));

    const plain = await call.ok('registry.export', {});
    expect(plain.includesSecrets).toBe(false);
    expect(JSON.stringify(plain)).not.toContain('Hemligt-');
    expect(canonical(plain)).toEqual(canonical(makeRegistryFile(200)));
  });

  test('a bad organisation number, an unknown VPN type and a duplicate are all named, and nothing is written', async () => {
    await call.ok('registry.import', { file: makeRegistryFile(5) });
    const before = await call.ok('registry.export', {});

    const file = makeRegistryFile(12) as { customers: Record<string, unknown>[] } & ReturnType<
      typeof makeRegistryFile
    >;
    const fresh = file.customers.slice(5) as {
      name: string;
      orgNumber: string;
      environments: { access: { vpnType: string } }[];
    }[];
    fresh[1]!.orgNumber = '212000-0002'; // the check digit should be 1
    fresh[3]!.environments[0]!.access.vpnType = 'wireguard';
    fresh[5]!.orgNumber = fresh[0]!.orgNumber; // duplicate within the file
    const error = await call.fails('registry.import', { file: { ...file, customers: fresh } });

    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('The registry file was not imported: 3 problems. Nothing was written.');
    expect(error.details!.issues).toEqual([
      {
        path: 'customers.1.orgNumber',
        record: `customer 2 "${fresh[1]!.name}"`,
        message:
          '"212000-0002" is not a valid Swedish organisation number (NNNNNN-NNNN with a correct check digit)',
      },
      {
        path: 'customers.3.environments.0.access.vpnType',
        record: `customer 4 "${fresh[3]!.name}"`,
        message: expect.stringContaining('Unknown VPN type "wireguard"'),
      },
      {
        path: 'customers.5.orgNumber',
        record: `customer 6 "${fresh[5]!.name}"`,
        message: `Duplicate organisation number ${fresh[0]!.orgNumber}: customers.0 has it too`,
      },
    ]);
    expect(await call.ok('registry.export', {})).toEqual({ ...before, exportedAt: expect.any(String) });
  });

  test('a customer already in the registry is a duplicate too', async () => {
    await call.ok('registry.import', { file: makeRegistryFile(3) });
    const error = await call.fails('registry.import', { file: makeRegistryFile(4) });
    expect(error.details!.issues!.map((i) => i.path)).toEqual([
      'customers.0.orgNumber',
      'customers.1.orgNumber',
      'customers.2.orgNumber',
    ]);
    expect((await call.ok('registry.listCustomers', {})).length).toBe(3);
  });

  test("a person's identity number is refused as an organisation number, without being repeated", async () => {
    const file = makeRegistryFile(3);
    const person = personalIdentityNumber('811218', 987);
    file.customers[1]!.orgNumber = `19${person}`;
    const error = await call.fails('registry.import', { file });
    expect(error.details!.issues).toEqual([
      {
        path: 'customers.1.orgNumber',
        record: `customer 2 "${file.customers[1]!.name}"`,
        message: expect.stringContaining("looks like a person's identity number"),
      },
    ]);
    expect(JSON.stringify(error)).not.toContain(person.slice(0, 6));
    expect(await call.ok('registry.listCustomers', {})).toEqual([]);
  });

  test('not a registry file, or one from a newer Lotsen, is refused with a reason', async () => {
    expect(
      (await call.fails('registry.import', { file: { hello: 'world' } })).details!.issues![0],
    ).toMatchObject({ path: 'format' });
    const newer = await call.fails('registry.import', {
      file: { format: 'lotsen-registry', version: 99, customers: [] },
    });
    expect(newer.details!.issues![0]!.message).toContain('newer Lotsen');
  });
});

describe('version 2: agreements, DPAs and tickets', () => {
  const withContracts = () => {
    const file = makeRegistryFile(3) as RegistryFileInput;
    file.version = 2;
    const customer = file.customers[0]!;
    customer.agreements = [
      {
        reference: 'FA-2026-Å',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        responseHours: 4,
        acuteEscalation: { enabled: true, feeOre: 250_000 },
        allowedContacts: 5,
        services: [
          { kind: 'sso', name: 'AD FS-inloggning', environment: 'Produktion' },
          { kind: 'sync', name: 'Elevsynk', environment: null },
        ],
        hourlyRatesOre: { configuration_change: 125_000 },
        rounding: { incrementMinutes: 30, scope: 'ticket_day', minimumMinutes: 30 },
        notes: 'Förlängs årsvis',
      },
    ];
    customer.dpas = [
      {
        signedOn: '2025-12-15',
        reference: 'PUB-9',
        version: '3',
        signatory: 'Märta Jurist',
        endsOn: null,
        document: 'https://avtal.example/pub-9.pdf',
        notes: '',
      },
    ];
    customer.tickets = [
      {
        externalRef: 'HD-4711',
        externalUrl: 'https://helpdesk.example/4711',
        requesterName: 'Åsa Öberg 0',
        requesterEmail: 'kontakt0.k0@vaxjo.se',
        service: { agreement: 'FA-2026-Å', name: 'AD FS-inloggning' },
        environment: 'Produktion',
        subject: 'Inloggningen via WAP ger 503',
        description: 'Sedan i morse',
        priority: 'high',
        receivedAt: '2026-11-20T14:00:00+01:00',
        status: 'pending',
        firstResponseAt: '2026-11-20T14:20:00+01:00',
        escalatedAt: null,
        affectedUsers: 'elev1, elev2',
        schoolAndClass: 'Norrskolan 7B',
        problemStarted: 'fredag morgon',
        hasScreenshot: true,
        pageLinks: '',
        browser: 'Edge',
      },
    ];
    return file;
  };

  test('round-trip import -> export losslessly, with references by name and instants as text', async () => {
    const summary = await call.ok('registry.import', { file: withContracts() });
    expect(summary).toMatchObject({ customers: 3, agreements: 1, dpas: 1, tickets: 1 });
    const exported = await call.ok('registry.export', {});
    expect(exported.version).toBe(REGISTRY_FILE_VERSION);
    expect(canonical(exported)).toEqual(canonical(withContracts()));
    const [ticket] = await call.ok('tickets.list', {});
    // 4 office hours from Friday 14:00: 3 h Friday, 1 h Monday.
    expect(ticket).toMatchObject({
      serviceName: 'AD FS-inloggning',
      responseHours: 4,
      dueAt: Date.parse('2026-11-23T09:00:00+01:00'),
    });
  });

  test("a ticket naming a service and no environment gets the service's environment", async () => {
    const file = withContracts();
    const ticket = file.customers[0]!.tickets![0];
    file.customers[0]!.tickets = [
      { ...ticket!, environment: null },
      {
        ...ticket!,
        externalRef: 'HD-4712',
        service: { agreement: 'FA-2026-Å', name: 'Elevsynk' },
        environment: null,
      },
    ];
    await call.ok('registry.import', { file });
    const tickets = await call.ok('tickets.list', {});
    const customer = await call.ok('registry.getCustomer', { id: tickets[0]!.customerId });
    const production = customer.environments.find((e) => e.name === 'Produktion')!;
    const byRef = Object.fromEntries(tickets.map((t) => [t.externalRef, t.environmentId]));
    // The SSO service is Produktion's; the sync service is tied to no environment, so neither is its ticket.
    expect(byRef).toEqual({ 'HD-4711': production.id, 'HD-4712': null });
  });

  test('a version 1 file with version 2 sections is refused, naming them, and nothing is written', async () => {
    const file = { ...withContracts(), version: 1 };
    delete file.customers[0]!.dpas;
    const error = await call.fails('registry.import', { file });
    expect(error.code).toBe('VALIDATION');
    expect(error.details!.issues).toEqual([
      {
        path: 'version',
        message:
          'A version 1 file has no agreements, DPAs or tickets, but this one has agreements and tickets; set "version" to 2 if it was written for version 2',
      },
    ]);
    expect(await call.ok('registry.listCustomers', {})).toEqual([]);
    expect(await call.ok('registry.import', { file: { ...file, version: 2 } })).toMatchObject({
      agreements: 1,
    });
  });

  test('an import is audited once, with its counts and never a name or other text from the file', async () => {
    const summary = await call.ok('registry.import', { file: withContracts() });
    const events = await call.ok('audit.list', {});
    expect(events.map((e) => e.event)).toEqual(['registry.imported']);
    // Every count of the summary, pre-connect commands included, and nothing else.
    expect(events[0]!.details).toEqual({ ...summary });
    const { customers, agreements, dpas, tickets } = summary;
    expect({ customers, agreements, dpas, tickets }).toEqual({
      customers: 3,
      agreements: 1,
      dpas: 1,
      tickets: 1,
    });
    const logged = JSON.stringify(events[0]);
    for (const customer of withContracts().customers) expect(logged).not.toContain(customer.name);
    expect(logged).not.toMatch(/Åsa|Märta|HD-4711|FA-2026/);
    expect(await call.ok('audit.verify', {})).toMatchObject({ intact: true, events: 1 });
  });

  test('an import that fails, on checking or in its writes, leaves no event; one whose event fails is rolled back', async () => {
    const db = opened.backend.registryContext().db;
    await call.fails('registry.import', { file: { ...withContracts(), version: 1 } });
    // The customers are written, then a ticket fails: the whole import is rolled back, and so is any event.
    const ticketsBack = await failInserts(db, 'tickets');
    await call.fails('registry.import', { file: withContracts() });
    await ticketsBack();
    expect(await call.ok('registry.listCustomers', {})).toEqual([]);
    expect(await call.ok('audit.list', {})).toEqual([]);
    // The import's writes succeed but its audit event cannot be written: nothing of the import stays.
    const eventsBack = await failInserts(db, 'audit_events');
    await call.fails('registry.import', { file: withContracts() });
    await eventsBack();
    expect(await call.ok('registry.listCustomers', {})).toEqual([]);
    // And then it imports, audited.
    await call.ok('registry.import', { file: withContracts() });
    expect((await call.ok('audit.list', {})).map((e) => e.event)).toEqual(['registry.imported']);
    expect(await call.ok('audit.verify', {})).toMatchObject({ intact: true, events: 1 });
  });

  test('references that do not resolve are named, and nothing is written', async () => {
    const file = withContracts();
    const customer = file.customers[0]!;
    customer.agreements![0]!.services![0]!.environment = 'Prod';
    customer.tickets![0]!.service = { agreement: 'FA-2026-Å', name: 'SSO' };
    const error = await call.fails('registry.import', { file });
    expect(error.details!.issues!.map((i) => [i.path, i.message])).toEqual([
      ['customers.0.agreements.0.services.0.environment', 'No environment is named "Prod"'],
      ['customers.0.tickets.0.service', 'No service "SSO" in agreement "FA-2026-Å"'],
    ]);
    expect(await call.ok('registry.listCustomers', {})).toEqual([]);
  });
});

// The CLI's own stores, embedded whatever the run's data source: the team project would only run these twice.
// Each test runs the real CLI several times, each unlocking a passphrase store: over 30 s on a busy machine.
describe.skipIf(testDataSource() === 'team')('through the CLI', { timeout: 120_000 }, () => {
  test('import, export, re-import into a fresh store and export again give identical files', async () => {
    const a = await makeTempDataDir('lotsen-cli-a-');
    const b = await makeTempDataDir('lotsen-cli-b-');
    try {
      const source = join(a.dir, 'in.json');
      const file = makeRegistryFile(40, { secrets: true });
      // Two environments bring a VPN command: the import says they will not run until approved.
      for (const customer of file.customers.slice(0, 2)) {
        customer.environments![0]!.access!.preConnectCommand = `vpn connect vpn.${customer.orgNumber}.se`;
      }
      await writeFile(source, JSON.stringify(file));
      for (const home of [a.dir, b.dir]) {
        expect(
          (await runCli(['init', '--name', 'T', '--email', 't@l.se', '--role', 'technician'], cliEnv(home)))
            .code,
        ).toBe(0);
      }
      const imported = await runCli(['registry', 'import', source], cliEnv(a.dir));
      expect(imported.stdout).toMatch(/^Imported 40 customers, \d+ contacts/);
      expect(imported.stdout).toContain(
        '2 environments have pre-connect commands, which will not run until a person approves each on the machine that runs it',
      );

      const first = join(a.dir, 'first.json');
      const exported = await runCli(
        ['registry', 'export', '--include-secrets', '--out', first],
        cliEnv(a.dir),
      );
      expect(exported.stderr).toContain('holds support-account secrets');
      expect((await runCli(['registry', 'import', first], cliEnv(b.dir))).code).toBe(0);
      const second = await runCli(['registry', 'export', '--include-secrets'], cliEnv(b.dir));

      const strip = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "-"');
      expect(strip(second.stdout)).toBe(strip(await readFile(first, 'utf8')));
      expect(second.stdout).toContain('Hemligt-0-0-åäö!');
      expect((await runCli(['registry', 'export'], cliEnv(b.dir))).stdout).not.toContain('Hemligt-');
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });

  test('an invalid file names each problem on stderr and exits 1', async () => {
    const home = await makeTempDataDir('lotsen-cli-c-');
    try {
      const bad = join(home.dir, 'bad.json');
      const file = makeRegistryFile(2) as unknown as {
        customers: { environments: { access: { vpnType: string } }[] }[];
      };
      file.customers[1]!.environments[0]!.access.vpnType = 'openvpn';
      await writeFile(bad, JSON.stringify(file));
      expect(
        (await runCli(['init', '--name', 'T', '--email', 't@l.se', '--role', 'technician'], cliEnv(home.dir)))
          .code,
      ).toBe(0);
      const run = await runCli(['registry', 'import', bad], cliEnv(home.dir));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'lotsen: The registry file was not imported: 1 problem. Nothing was written.',
      );
      expect(run.stderr).toMatch(
        /customer 2 ".*" customers\.1\.environments\.0\.access\.vpnType: Unknown VPN type "openvpn"/,
      );
      await writeFile(bad, '{ not json');
      expect((await runCli(['registry', 'import', bad], cliEnv(home.dir))).stderr).toContain(
        'is not valid JSON',
      );
    } finally {
      await home.cleanup();
    }
  });
});
