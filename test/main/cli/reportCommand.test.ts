import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accessReportColumns } from '../../../main/reports/accessReportCsv.ts';
import { parseCsv } from '../../support/csvParse.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { cliEnv, initWithCli, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * `lotsen report access` as a child process on its own data folder. The period is today, Swedish time, so the
 * report's own exports fall inside it. The report's rows are the service test's (test/main/reports); this one checks
 * what the command adds: finding the customer by organisation number, the file, --force, and that every run is audited.
 */

const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const ORG_NUMBER = orgNumber('212000', 71);

let home: Awaited<ReturnType<typeof makeTempDataDir>>;
let env: NodeJS.ProcessEnv;
let customerId: string;
beforeAll(async () => {
  home = await makeTempDataDir('lotsen-cli-report-');
  env = cliEnv(join(home.dir, 'data'));
  await initWithCli(env);
  const added = await runCli(
    [
      'customers',
      'add',
      '--name',
      'Växjö kommun',
      '--org-number',
      ORG_NUMBER,
      '--kind',
      'municipality',
      '--json',
    ],
    env,
  );
  customerId = (JSON.parse(added.stdout) as { id: string }).id;
}, 120_000);
afterAll(async () => home?.cleanup());

describe('lotsen report access', () => {
  test('writes the CSV for a customer named by organisation number, audited, and keeps an existing file', async () => {
    const out = join(home.dir, 'access.csv');
    const args = [
      'report',
      'access',
      '--customer',
      ORG_NUMBER.replace('-', ''),
      '--from',
      today,
      '--to',
      today,
    ];
    const written = await runCli([...args, '--out', out], env);
    expect(written).toMatchObject({ code: 0, stdout: '' });
    expect(written.stderr).toBe(`Wrote 0 sessions and 0 exports for Växjö kommun to ${out}\n`);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(parseCsv(await readFile(out, 'utf8'))).toEqual([[...accessReportColumns]]);

    // A file at the target is kept, and a refused export is not in the log.
    const again = await runCli([...args, '--out', out], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Replace it with --force');

    // Printing is taking the report out too: the --json run lists the one file written, and is audited itself.
    const printed = await runCli(
      ['report', 'access', '--customer', customerId, '--from', today, '--to', today, '--json'],
      env,
    );
    expect(printed.code).toBe(0);
    const report = JSON.parse(printed.stdout) as {
      exports: { event: string; subjectId: string; subjectRef: string }[];
    };
    expect(report.exports).toEqual([
      expect.objectContaining({
        event: 'report.access_exported',
        subjectId: customerId,
        subjectRef: `${today} – ${today}`,
      }),
    ]);
    const table = await runCli(
      ['report', 'access', '--customer', customerId, '--from', today, '--to', today],
      env,
    );
    expect(table.stdout).toContain(`Access report for Växjö kommun (${ORG_NUMBER})`);
    expect(table.stdout).toContain('No sessions in the period.');
    expect(table.stdout.match(/Access report exported/g)).toHaveLength(2);
  }, 180_000);

  test('says what a wrong command line or an unknown customer needs', async () => {
    const help = await runCli(['report', 'access', '--help'], env);
    expect(help.stdout).toContain('--customer <id|org number>');
    expect(help.stdout).toContain(
      'lotsen report access --customer 212000-0704 --from 2026-11-01 --to 2026-11-30',
    );
    const badDay = await runCli(
      ['report', 'access', '--customer', customerId, '--from', '2026-13-01', '--to', today],
      env,
    );
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('a day is written YYYY-MM-DD');
    const backwards = await runCli(
      ['report', 'access', '--customer', customerId, '--from', '2026-11-30', '--to', '2026-11-01'],
      env,
    );
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('--to must be the same day as --from or later');
    const unknown = await runCli(
      ['report', 'access', '--customer', orgNumber('212000', 72), '--from', today, '--to', today],
      env,
    );
    expect(unknown).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No customer has organisation number'),
    });
  }, 120_000);
});
