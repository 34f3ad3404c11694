import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { LotsenError } from '../../../common/api/errors.ts';
import { auditEventLabels } from '../../../common/audit/auditEvents.ts';
import { normaliseOrgNumber } from '../../../common/registry/orgNumber.ts';
import type { AccessReport } from '../../../common/reports/accessReport.ts';
import { writeFileAtomic } from '../../app/atomicFile.node.ts';
import { assertExportTarget } from '../../app/stagedFile.node.ts';
import { LOCAL_TERMINAL } from '../../reports/accessReportCsv.ts';
import { isIsoDay, periodOfDays } from '../../reports/reportPeriod.ts';
import { formatInstant } from '../../tickets/formatInstant.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { withForceHint } from '../exportTarget.ts';
import { openBackend, type CliSession } from '../lazyBackend.ts';
import { commandSummaries } from '../commandSummaries.ts';

const parseDay = (value: string) => {
  if (!isIsoDay(value)) throw new InvalidArgumentError('a day is written YYYY-MM-DD, like 2026-11-01');
  return value;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A customer named by its id or its organisation number (any spelling the registry accepts). */
async function customerIdOf(session: CliSession, given: string): Promise<string> {
  if (UUID.test(given.trim())) return given.trim();
  const orgNumber = normaliseOrgNumber(given);
  if (orgNumber === null) {
    throw new LotsenError(
      'VALIDATION',
      `"${given}" is neither a customer id nor an organisation number; see \`lotsen customers list\`.`,
    );
  }
  const customers = await session.call('registry.listCustomers', {});
  const customer = customers.find((c) => c.orgNumber === orgNumber);
  if (!customer) throw new LotsenError('NOT_FOUND', `No customer has organisation number ${orgNumber}.`);
  return customer.id;
}

interface AccessOptions {
  customer: string;
  from: string;
  to: string;
  out?: string;
  force?: boolean;
  excelSv?: boolean;
  json?: boolean;
}

export function reportCommand(io: CliIo): Command {
  const report = new Command('report')
    .description(commandSummaries.report.description)
    .addHelpText(
      'after',
      '\nExample:\n  lotsen report access --customer 212000-0704 --from 2026-11-01 --to 2026-11-30 --out access.csv',
    );

  report
    .command('access')
    .description(
      "A customer's access report for a period of Swedish days: every session on its servers (technician, " +
        'environment, server, when, how long, how it ended, ticket reference, recorded, eligibility overridden) and ' +
        'every export or reveal concerning it. Tickets appear by reference and id, never by subject or requester. ' +
        'Every run is audited (ids, the period and row counts), since whatever it prints leaves the app.',
    )
    .requiredOption('--customer <id|org number>', 'the customer, by its id or organisation number')
    .requiredOption('--from <YYYY-MM-DD>', 'the first day, Swedish time', parseDay)
    .requiredOption('--to <YYYY-MM-DD>', 'the last day (included), Swedish time', parseDay)
    .option(
      '--out <file>',
      'write the report as CSV (RFC 4180, UTF-8 with BOM); an existing file is kept unless --force',
    )
    .option('--force', 'replace the --out file if it exists')
    .option('--excel-sv', 'CSV for Excel on a Swedish Windows: semicolons')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen report access --customer 212000-0704 --from 2026-11-01 --to 2026-11-30\n' +
        '  lotsen report access --customer 212000-0704 --from 2026-01-01 --to 2026-06-30 --out vt2026.csv',
    )
    .action(async function (this: Command, options: AccessOptions) {
      if (options.to < options.from) {
        this.error('error: --to must be the same day as --from or later', { exitCode: 2 });
      }
      if ((options.force || options.excelSv) && !options.out) {
        this.error('error: --force and --excel-sv go with --out', { exitCode: 2 });
      }
      const out = options.out ? resolve(options.out) : null;
      // A file that is there (without --force) refuses the export before anything is audited.
      if (out) {
        try {
          await assertExportTarget(out, options.force ?? false);
        } catch (error) {
          throw withForceHint(error);
        }
      }
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const result = await session.call('reports.exportAccess', {
          customerId: await customerIdOf(session, options.customer),
          ...periodOfDays(options.from, options.to),
          excelSv: options.excelSv ?? false,
        });
        if (out) {
          await writeFileAtomic(out, result.csv, { mode: 0o600 });
          io.err(
            `Wrote ${result.report.sessions.length} sessions and ${result.report.exports.length} exports ` +
              `for ${result.report.customerName} to ${out}\n`,
          );
        }
        if (options.json) printJson(io, result.report);
        else if (!out) printReport(io, result.report);
      } finally {
        await session.close();
      }
    });

  return report;
}

const minutes = (seconds: number | null) => (seconds === null ? 'live' : String(Math.round(seconds / 60)));
const shortInstant = (ms: number) => formatInstant(ms).slice(0, 16).replace('T', ' ');

function printReport(io: CliIo, report: AccessReport): void {
  io.out(`Access report for ${report.customerName} (${report.orgNumber})\n\n`);
  if (report.sessions.length === 0) io.out('No sessions in the period.\n');
  else
    printTable(
      io,
      [
        'OPENED',
        'MINUTES',
        'TECHNICIAN',
        'ENVIRONMENT',
        'SERVER',
        'KIND',
        'STATE',
        'TICKET',
        'RECORDED',
        'OVERRIDE',
      ],
      report.sessions.map((s) => [
        shortInstant(s.openedAt),
        minutes(s.durationSeconds),
        s.technicianName,
        s.environmentName ?? '(deleted)',
        s.serverHost ? `${s.serverHost}${s.serverRole ? ` (${s.serverRole})` : ''}` : LOCAL_TERMINAL,
        s.kind,
        s.endCode ? `${s.state} (${s.endCode})` : s.state,
        s.ticketRef,
        s.recorded ? 'yes' : 'no',
        s.overridden ? 'yes' : 'no',
      ]),
    );
  io.out('\n');
  if (report.exports.length === 0) io.out('No exports or reveals in the period.\n');
  else
    printTable(
      io,
      ['AT', 'WHO', 'EVENT', 'SUBJECT'],
      report.exports.map((e) => [
        shortInstant(e.at),
        e.actorName,
        auditEventLabels[e.event],
        [e.subjectRef, e.subjectId ? `(${e.subjectType} ${e.subjectId})` : ''].filter(Boolean).join(' '),
      ]),
    );
}
