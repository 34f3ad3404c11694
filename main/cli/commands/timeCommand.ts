import { resolve } from 'node:path';
import { progressLines } from '../progressLines.ts';
import { Command, InvalidArgumentError, Option } from 'commander';
import { billableWorkTypeLabels } from '../../../common/agreements/model.ts';
import { issuesFromZod, validationError } from '../../../common/api/errors.ts';
import { exportInputSchema, monthSchema } from '../../../common/billing/model.ts';
import type { TimeEntryView } from '../../../common/time/model.ts';
import { MAX_TIME_FILE_ENTRIES } from '../../../common/time/timeFile.ts';
import { timeEntryPages } from '../../../common/time/timePages.ts';
import { billingPeriod } from '../../billing/billingPeriod.ts';
import { formatInstant } from '../../tickets/formatInstant.ts';
import { jsonArrayOutput, pagedTableOutput, printJson, type CliIo } from '../cliOutput.ts';
import { withForceHint } from '../exportTarget.ts';
import { lazily } from '../lazily.ts';
import { openBackend } from '../lazyBackend.ts';
import { readRecordFile } from '../readJsonFile.ts';
import { commandSummaries } from '../commandSummaries.ts';

// The export writers and the database driver: loaded when an export runs, not for `--help`.
const exportMonthAudited = lazily(
  async () => (await import('../../billing/auditedExport.ts')).exportMonthAudited,
);

const parseMonth = (value: string) => {
  const parsed = monthSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('a month is written YYYY-MM, like 2026-11');
  return parsed.data;
};

const count = (n: number) => n.toLocaleString('en-GB');

function classificationText(entry: TimeEntryView): string {
  if (entry.classification === 'unclassified') {
    const s = entry.suggestion;
    if (!s) return 'unclassified';
    return `unclassified (suggested: ${s.classification === 'billable' && s.workType ? `billable, ${billableWorkTypeLabels[s.workType]}` : s.classification})`;
  }
  if (entry.classification === 'billable' && entry.workType) {
    return `billable, ${billableWorkTypeLabels[entry.workType]}`;
  }
  return entry.classification;
}

export function timeCommand(io: CliIo): Command {
  const time = new Command('time')
    .description(commandSummaries.time.description)
    .addHelpText(
      'after',
      '\nExample:\n  lotsen time list --month 2026-11\n  lotsen time export --month 2026-11 --format xlsx --out november.xlsx',
    );

  time
    .command('list')
    .description(
      'Time entries, oldest first, with their classification (or the suggestion) and batch. They are read and ' +
        'printed a page (2,000 entries) at a time, so a long list starts at once and never needs to fit in memory.',
    )
    .addOption(new Option('--month <YYYY-MM>', 'only entries started in this month').argParser(parseMonth))
    .option('--customer <id>', 'only this customer’s entries')
    .option('--json', 'print the entries as JSON')
    .addHelpText('after', '\nExample:\n  lotsen time list --month 2026-11 --json')
    .action(async (options: { month?: string; customer?: string; json?: boolean }) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const period = options.month ? billingPeriod(options.month) : null;
        const pages = timeEntryPages((input) => session.call('time.list', input), {
          ...(options.customer ? { customerId: options.customer } : {}),
          ...(period ? { from: period.start, to: period.end } : {}),
        });
        const output = options.json
          ? jsonArrayOutput<TimeEntryView>(io)
          : pagedTableOutput(io, ENTRY_COLUMNS, entryCells, 'No time entries.\n');
        for await (const page of pages) output.write(page);
        output.end();
      } finally {
        await session.close();
      }
    });

  time
    .command('import')
    .description(
      'Import time entries from a time file (docs/time-file.md) as your manual entries. All or nothing: any ' +
        'invalid record rejects the whole file, naming each record and field.',
    )
    .argument('<file>', 'a time file (format lotsen-time)')
    .option('--json', 'print the count as JSON')
    .addHelpText('after', '\nExample:\n  lotsen time import tid-november.json')
    .action(async (file: string, options: { json?: boolean }) => {
      const { checkTimeFileEntry, timeFileRefused } = await import('../../time/timeImport.ts');
      const parsed = await readRecordFile(file, {
        listKey: 'entries',
        maxRecords: MAX_TIME_FILE_ENTRIES,
        checkRecord: checkTimeFileEntry,
        refused: timeFileRefused,
      });
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const summary = await session.call('time.import', { file: parsed });
        if (options.json) return printJson(io, summary);
        io.out(`Imported ${count(summary.entries)} time entr${summary.entries === 1 ? 'y' : 'ies'}.\n`);
      } finally {
        await session.close();
      }
    });

  time
    .command('approve')
    .description(
      "Approve a customer's month for billing: its lines are stored and its time is locked. Refused while any " +
        'entry of the month is unclassified or running.',
    )
    .requiredOption('--month <YYYY-MM>', 'the month, Swedish time', parseMonth)
    .requiredOption('--customer <id>', 'the customer')
    .option('--json', 'print the batch as JSON')
    .addHelpText('after', '\nExample:\n  lotsen time approve --month 2026-11 --customer 0b6f…')
    .action(async (options: { month: string; customer: string; json?: boolean }) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const batch = await session.call('billing.approveMonth', {
          month: options.month,
          customerId: options.customer,
        });
        if (options.json) return printJson(io, batch);
        io.out(
          `Approved ${batch.month} for ${batch.customerName} as billing batch ${batch.number}: ` +
            `${count(batch.lines)} lines, ${count(batch.billedMinutes)} billed minutes, ` +
            `${(batch.amountOre / 100).toFixed(2)} SEK.\n`,
        );
      } finally {
        await session.close();
      }
    });

  time
    .command('export')
    .description(
      'Export a month for finance: every billing line per customer, as CSV (RFC 4180, UTF-8 with BOM) or XLSX ' +
        '(a summary sheet and a detail sheet). An approved month comes from its stored lines, the same bytes ' +
        'every time; an open month is a preview. Progress goes to standard error.',
    )
    .requiredOption('--month <YYYY-MM>', 'the month, Swedish time', parseMonth)
    .addOption(new Option('--format <format>', 'csv or xlsx').choices(['csv', 'xlsx']).makeOptionMandatory())
    .requiredOption(
      '--out <file>',
      'the file to write, when complete; an existing file is kept unless --force',
    )
    .option('--force', 'replace the --out file if it exists')
    .option('--customer <id>', 'only this customer')
    .option('--excel-sv', 'CSV for Excel on a Swedish Windows: semicolons and decimal commas')
    .option('--json', 'print what was written as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen time export --month 2026-11 --format xlsx --out november.xlsx\n' +
        '  lotsen time export --month 2026-11 --format csv --excel-sv --out november.csv',
    )
    .action(async function (
      this: Command,
      options: {
        month: string;
        format: 'csv' | 'xlsx';
        out: string;
        force?: boolean;
        customer?: string;
        excelSv?: boolean;
        json?: boolean;
      },
    ) {
      if (options.excelSv && options.format !== 'csv') {
        this.error('error: --excel-sv is for --format csv only', { exitCode: 2 });
      }
      const request = exportInputSchema.safeParse({
        month: options.month,
        format: options.format,
        excelSv: options.excelSv ?? false,
        ...(options.customer ? { customerId: options.customer } : {}),
      });
      if (!request.success) {
        throw validationError('The export was not started.', issuesFromZod(request.error));
      }
      const session = await openBackend(io, { unlock: 'required' });
      const progress = progressLines(
        (text) => io.err(text),
        (done, total) => `Exporting: ${count(done)} of ${count(total)} rows`,
      );
      try {
        // The file is written here, in the backend's process: no API call can have main write a file.
        const result = await exportMonthAudited(
          session.backend,
          request.data,
          { kind: 'file', path: resolve(options.out), replace: options.force ?? false },
          progress,
        );
        if (options.json) {
          printJson(io, {
            fileName: result.fileName,
            format: result.format,
            mediaType: result.mediaType,
            rows: result.rows,
            bytes: result.bytes,
            sha256: result.sha256,
            preview: result.preview,
            batchIds: result.batchIds,
            path: result.path,
          });
        }
        io.err(
          `Wrote ${count(result.rows)} rows to ${result.path}` +
            (result.preview
              ? ' (a preview: the month is not approved for every customer in it).\n'
              : result.batchIds.length === 0
                ? ' (nothing is logged in the month).\n'
                : ` (approved ${result.batchIds.length === 1 ? 'batch' : 'batches'}).\n`),
        );
      } catch (error) {
        throw withForceHint(error);
      } finally {
        await session.close();
      }
    });

  return time;
}

const ENTRY_COLUMNS = [
  'STARTED',
  'MINUTES',
  'CUSTOMER',
  'TICKET',
  'TECHNICIAN',
  'CLASSIFICATION',
  'LOCKED',
  'NOTE',
];

function entryCells(e: TimeEntryView): string[] {
  return [
    formatInstant(e.startedAt).slice(0, 16).replace('T', ' '),
    e.actualSeconds === null ? 'running' : String(Math.round(e.actualSeconds / 60)),
    e.customerName,
    e.ticketSubject,
    e.technicianName,
    classificationText(e),
    e.batchId === null ? '' : 'yes',
    e.note.replace(/\s+/g, ' '),
  ];
}
