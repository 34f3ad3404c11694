import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TIME_LIST_MAX_PAGE } from '../../../common/time/model.ts';
import { monthName } from '../../../main/billing/billingPeriod.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { parseCsv } from '../../support/csvParse.ts';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * `lotsen time` as a child process on its own data folder: import a time file, list, approve and export. The month
 * is one that has ended by the machine's clock (approval refuses a month still running).
 */

const month = (() => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 2);
  return d.toISOString().slice(0, 7);
})();
const day = (n: number) => `${month}-${String(n).padStart(2, '0')}`;

let home: string;
let cleanup: () => Promise<void>;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  ({ dir: home, cleanup } = await makeTempDataDir('lotsen-cli-time-'));
  env = cliEnv(home);
  expect(
    await runCli(['init', '--name', 'Fia Finans', '--email', 'fia@leverantor.se', '--role', 'finance'], env),
  ).toMatchObject({ code: 0 });
  const registry = {
    format: 'lotsen-registry',
    version: 3,
    customers: [
      {
        name: 'Växjö kommun',
        orgNumber: orgNumber('212000', 70),
        kind: 'municipality',
        environments: [
          {
            name: 'Produktion',
            access: {
              vpnType: 'cisco_anyconnect',
              vpnGateway: 'vpn.vaxjo.se',
              method: 'ssh',
              splitTunnel: 'yes',
            },
          },
        ],
        agreements: [
          {
            reference: 'AVT-1',
            startsOn: '2020-01-01',
            hourlyRatesOre: { configuration_change: 120_000 },
            rounding: { incrementMinutes: 15, scope: 'entry', minimumMinutes: 0 },
          },
        ],
        dpas: [{ signedOn: '2020-01-01', reference: 'PUB-1', signatory: 'Karin Jurist' }],
        tickets: [
          {
            externalRef: 'HD-2001',
            requesterName: 'Åsa Öberg',
            requesterEmail: 'asa.oberg@vaxjo.se',
            subject: 'Synken stannar',
            environment: 'Produktion',
            receivedAt: `${day(1)}T08:00:00+02:00`,
          },
        ],
      },
      {
        name: 'Lunds kommun',
        orgNumber: orgNumber('212000', 121),
        kind: 'municipality',
        agreements: [
          {
            reference: 'AVT-L',
            startsOn: '2020-01-01',
            hourlyRatesOre: { configuration_change: 100_000 },
            rounding: { incrementMinutes: 30, scope: 'entry', minimumMinutes: 0 },
          },
        ],
        dpas: [{ signedOn: '2020-01-01', reference: 'PUB-L', signatory: 'Lars Jurist' }],
        tickets: [
          {
            externalRef: 'HD-3001',
            requesterName: 'Lena Lund',
            requesterEmail: 'lena.lund@lund.se',
            subject: 'Inloggning i Lund',
            receivedAt: `${day(1)}T08:00:00+02:00`,
          },
        ],
      },
    ],
  };
  await writeFile(join(home, 'registry.json'), JSON.stringify(registry));
  const imported = await runCli(['registry', 'import', join(home, 'registry.json')], env);
  expect(imported.code, imported.stderr).toBe(0);
}, 120_000);
afterEach(async () => cleanup());

/** Customer ids by name. */
const customerIds = async () => {
  const customers = JSON.parse((await runCli(['customers', 'list', '--json'], env)).stdout) as {
    id: string;
    name: string;
  }[];
  return new Map(customers.map((c) => [c.name, c.id]));
};

const timeFile = (entries: object[]) => JSON.stringify({ format: 'lotsen-time', version: 1, entries });

const entry = (d: number, start: string, end: string, extra: Record<string, unknown> = {}) => ({
  ticketRef: 'HD-2001',
  startedAt: `${day(d)}T${start}:00+01:00`,
  endedAt: `${day(d)}T${end}:00+01:00`,
  ...extra,
});

// Every command is a child process that unwraps the key (scrypt, 128 MiB): seconds each on a busy machine.
describe('lotsen time', { timeout: 240_000 }, () => {
  test('import is all or nothing and names every bad record; list shows classification or suggestion', async () => {
    const bad = {
      format: 'lotsen-time',
      version: 1,
      entries: [
        entry(5, '09:00', '09:40', { classification: 'billable' }),
        entry(5, '10:00', '09:00'),
        { ...entry(6, '09:00', '10:00'), ticketRef: 'HD-9999' },
        entry(6, '11:00', '11:30', { note: 'ok' }),
      ],
    };
    await writeFile(join(home, 'bad.json'), JSON.stringify(bad));
    const refused = await runCli(['time', 'import', join(home, 'bad.json')], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The time file was not imported: 3 problems. Nothing was written.');
    expect(refused.stderr).toContain(
      `entry 1 HD-2001 ${day(5)}T09:00:00+01:00 entries.0.workType: Billable time needs a work type`,
    );
    expect(refused.stderr).toContain('entries.1.endedAt: The end must be after the start');
    expect(refused.stderr).toContain('entries.2.ticketRef: No ticket has the helpdesk reference HD-9999');
    expect((await runCli(['time', 'list', '--json'], env)).stdout.trim()).toBe('[]');

    const good = {
      format: 'lotsen-time',
      version: 1,
      entries: [
        entry(5, '09:00', '09:37', {
          classification: 'billable',
          workType: 'configuration_change',
          note: '=2+2',
        }),
        entry(5, '13:00', '13:50', { classification: 'included', note: 'Felsökning åäö' }),
        entry(6, '09:00', '09:20'),
      ],
    };
    await writeFile(join(home, 'good.json'), JSON.stringify(good));
    expect(await runCli(['time', 'import', join(home, 'good.json')], env)).toMatchObject({
      code: 0,
      stdout: 'Imported 3 time entries.\n',
    });
    const listed = JSON.parse((await runCli(['time', 'list', '--month', month, '--json'], env)).stdout) as {
      classification: string;
      suggestion: { classification: string } | null;
      note: string;
    }[];
    expect(listed.map((e) => [e.classification, e.suggestion?.classification ?? null, e.note])).toEqual([
      ['billable', null, '=2+2'],
      ['included', null, 'Felsökning åäö'],
      ['unclassified', 'included', ''],
    ]);
    const table = await runCli(['time', 'list', '--month', month], env);
    expect(table.stdout).toContain('unclassified (suggested: included)');
    expect(table.stdout).toContain('billable, Configuration change');
    expect((await runCli(['time', 'list', '--month', '2026-13'], env)).code).toBe(2);
  });

  test('approve, then export: CSV and XLSX come out the same bytes each time; an unapproved month is a preview', async () => {
    await writeFile(
      join(home, 'time.json'),
      JSON.stringify({
        format: 'lotsen-time',
        version: 1,
        entries: [
          entry(5, '09:00', '09:37', {
            classification: 'billable',
            workType: 'configuration_change',
            note: '=2+2',
          }),
          entry(5, '13:00', '13:50', { classification: 'included', note: 'Felsökning åäö' }),
        ],
      }),
    );
    expect((await runCli(['time', 'import', join(home, 'time.json')], env)).code).toBe(0);
    const customerId = (await customerIds()).get('Växjö kommun')!;

    const preview = await runCli(
      ['time', 'export', '--month', month, '--format', 'csv', '--out', join(home, 'preview.csv')],
      env,
    );
    expect(preview).toMatchObject({ code: 0 });
    expect(preview.stderr).toContain('Wrote 2 rows to');
    expect(preview.stderr).toContain('a preview');

    const approved = await runCli(['time', 'approve', '--month', month, '--customer', customerId], env);
    expect(approved).toMatchObject({ code: 0 });
    // 37 min -> 45 at 1 200 kr/h.
    expect(approved.stdout).toBe(
      `Approved ${month} for Växjö kommun as billing batch 1: 2 lines, 45 billed minutes, 900.00 SEK.\n`,
    );
    const exportTwice = async (format: string, extra: string[] = []) => {
      const files = [join(home, `a.${format}`), join(home, `b.${format}`)];
      for (const out of files) {
        const run = await runCli(
          ['time', 'export', '--month', month, '--format', format, '--out', out, ...extra],
          env,
        );
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toContain('(approved batch)');
      }
      const [a, b] = await Promise.all(files.map((f) => readFile(f)));
      expect(a!.equals(b!)).toBe(true);
      return a!;
    };
    const csv = await exportTwice('csv', ['--excel-sv']);
    const rows = parseCsv(csv.toString('utf8'), ';');
    expect(rows[1]!.slice(10)).toEqual(['37', '45', '0,75', '1200,00', '900,00', "'=2+2"]);
    expect(rows[2]![15]).toBe('Felsökning åäö');
    const xlsx = await exportTwice('xlsx');
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');

    const json = await runCli(
      ['time', 'export', '--month', month, '--format', 'csv', '--out', join(home, 'c.csv'), '--json'],
      env,
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ rows: 2, preview: false, path: join(home, 'c.csv') });
    const wrong = await runCli(
      ['time', 'export', '--month', month, '--format', 'xlsx', '--excel-sv', '--out', join(home, 'x.xlsx')],
      env,
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--excel-sv is for --format csv only');
    const audit = JSON.parse(
      (await runCli(['audit', 'list', '--event', 'billing.exported', '--json'], env)).stdout,
    );
    expect(audit).toHaveLength(6);
  });
  test('--customer narrows list and export; an approved month refuses imported time; --out is kept without --force', async () => {
    const lundEntry = (d: number, start: string, end: string) => ({
      ...entry(d, start, end, { classification: 'billable', workType: 'configuration_change' }),
      ticketRef: 'HD-3001',
    });
    await writeFile(
      join(home, 'time.json'),
      timeFile([
        entry(5, '09:00', '09:37', { classification: 'included', note: 'Växjö' }),
        lundEntry(5, '10:00', '10:20'),
        lundEntry(6, '10:00', '10:45'),
      ]),
    );
    expect((await runCli(['time', 'import', join(home, 'time.json')], env)).code).toBe(0);
    const ids = await customerIds();
    const [vaxjoId, lundId] = [ids.get('Växjö kommun')!, ids.get('Lunds kommun')!];
    const listed = async (...extra: string[]) =>
      (
        JSON.parse((await runCli(['time', 'list', '--json', ...extra], env)).stdout) as {
          customerName: string;
        }[]
      ).map((e) => e.customerName);
    expect(await listed()).toEqual(['Växjö kommun', 'Lunds kommun', 'Lunds kommun']);
    expect(await listed('--customer', lundId)).toEqual(['Lunds kommun', 'Lunds kommun']);
    expect(await listed('--customer', vaxjoId, '--month', month)).toEqual(['Växjö kommun']);
    const table = (await runCli(['time', 'list', '--customer', vaxjoId], env)).stdout;
    expect(table).toContain('Växjö');
    expect(table).not.toContain('Lund');

    const lundCsv = join(home, 'lund.csv');
    const exported = await runCli(
      ['time', 'export', '--month', month, '--format', 'csv', '--customer', lundId, '--out', lundCsv],
      env,
    );
    expect(exported.code, exported.stderr).toBe(0);
    // 20 min -> 30 and 45 min -> 60, at 1 000 kr/h: 500 and 1 000 kr.
    const rows = parseCsv(await readFile(lundCsv, 'utf8')).slice(1);
    expect(rows.map((r) => [r[0], r[11], r[14]])).toEqual([
      ['Lunds kommun', '30', '500.00'],
      ['Lunds kommun', '60', '1000.00'],
    ]);

    // An existing file is kept unless --force says to replace it.
    await writeFile(lundCsv, 'kept\n');
    const kept = await runCli(
      ['time', 'export', '--month', month, '--format', 'csv', '--customer', lundId, '--out', lundCsv],
      env,
    );
    expect(kept.code).toBe(1);
    expect(kept.stderr).toBe(
      `lotsen: ${lundCsv} exists already; nothing was exported. Replace it with --force.\n`,
    );
    expect(await readFile(lundCsv, 'utf8')).toBe('kept\n');
    const forced = await runCli(
      [
        'time',
        'export',
        '--month',
        month,
        '--format',
        'csv',
        '--customer',
        lundId,
        '--out',
        lundCsv,
        '--force',
      ],
      env,
    );
    expect(forced.code, forced.stderr).toBe(0);
    expect(parseCsv(await readFile(lundCsv, 'utf8')).slice(1)).toEqual(rows);
    expect((await readdir(home)).filter((f) => f.includes('lund.csv'))).toEqual(['lund.csv']);

    // Lund's month approved, a file with time in it is refused whole, Växjö's open month included.
    expect((await runCli(['time', 'approve', '--month', month, '--customer', lundId], env)).code).toBe(0);
    const before = (await runCli(['time', 'list', '--json'], env)).stdout;
    await writeFile(
      join(home, 'late.json'),
      timeFile([entry(7, '09:00', '09:30', { classification: 'included' }), lundEntry(7, '13:00', '13:30')]),
    );
    const refused = await runCli(['time', 'import', join(home, 'late.json')], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The time file was not imported: 1 problem. Nothing was written.');
    expect(refused.stderr).toContain(
      `entry 2 HD-3001 ${day(7)}T13:00:00+01:00 entries.1.startedAt: ${monthName(month)} is approved for Lunds kommun ` +
        '(billing batch 1); no time can be added to it',
    );
    expect((await runCli(['time', 'list', '--json'], env)).stdout).toBe(before);
  });

  test('a list longer than a page streams as one JSON array and one table', async () => {
    const count = TIME_LIST_MAX_PAGE + 3;
    // Spread over the month's first days, a minute each, a minute apart.
    const start = Date.parse(`${day(2)}T00:00:00Z`);
    const entries = Array.from({ length: count }, (_, i) => ({
      ticketRef: 'HD-2001',
      startedAt: new Date(start + i * 120_000).toISOString(),
      endedAt: new Date(start + i * 120_000 + 60_000).toISOString(),
      note: `rad ${i}`,
    }));
    await writeFile(join(home, 'many.json'), timeFile(entries));
    const imported = await runCli(['time', 'import', join(home, 'many.json')], env);
    expect(imported.code, imported.stderr).toBe(0);

    // 2,000 entries as JSON are more than runCli's default 1 MiB of output.
    const json = await runCli(['time', 'list', '--json'], env, { maxBuffer: 64 << 20, timeout: 120_000 });
    expect(json.code, json.stderr).toBe(0);
    const listed = JSON.parse(json.stdout) as { note: string }[];
    expect(listed.map((e) => e.note)).toEqual(entries.map((e) => e.note));
    // Byte for byte what printing the whole list at once gives.
    expect(json.stdout).toBe(JSON.stringify(listed, null, 2) + '\n');

    const table = (await runCli(['time', 'list', '--month', month], env)).stdout.trimEnd().split('\n');
    expect(table).toHaveLength(count + 1);
    expect(table[0]).toMatch(/^STARTED +MINUTES +CUSTOMER/);
    expect(table.filter((line) => line.startsWith('STARTED'))).toHaveLength(1);
    expect(table.at(-1)).toContain(`rad ${count - 1}`);
  });
});
