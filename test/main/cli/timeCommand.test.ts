import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
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
    version: 2,
    customers: [
      {
        name: 'Växjö kommun',
        orgNumber: orgNumber('212000', 70),
        kind: 'municipality',
        environments: [
          {
            name: 'Produktion',
            access: { vpnType: 'cisco_anyconnect', vpnGateway: 'vpn.vaxjo.se', method: 'ssh' },
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
    ],
  };
  await writeFile(join(home, 'registry.json'), JSON.stringify(registry));
  const imported = await runCli(['registry', 'import', join(home, 'registry.json')], env);
  expect(imported.code, imported.stderr).toBe(0);
});
afterEach(async () => cleanup());

const entry = (d: number, start: string, end: string, extra: Record<string, unknown> = {}) => ({
  ticketRef: 'HD-2001',
  startedAt: `${day(d)}T${start}:00+01:00`,
  endedAt: `${day(d)}T${end}:00+01:00`,
  ...extra,
});

describe('lotsen time', () => {
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
    const customers = JSON.parse((await runCli(['customers', 'list', '--json'], env)).stdout) as {
      id: string;
    }[];
    const customerId = customers[0]!.id;

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
});
