import { Command, Option } from 'commander';
import { filterReview } from '../../../common/agreements/review.ts';
import { parseInstant } from '../cliArguments.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { openBackend } from '../lazyBackend.ts';
import { commandSummaries } from '../commandSummaries.ts';

export function eligibilityCommand(io: CliIo): Command {
  return new Command('eligibility')
    .description(commandSummaries.eligibility.description)
    .option('--customer <id>', 'only this customer (its id), with every reason')
    .option(
      '--at <instant>',
      'the verdict at this instant instead of now (ISO 8601 with offset)',
      parseInstant,
    )
    .addOption(
      new Option('--status <status>', 'only customers with this verdict').choices([
        'blocked',
        'warnings',
        'eligible',
      ]),
    )
    .option('--json', 'print the verdicts as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen eligibility --status blocked\n  lotsen eligibility --at 2027-01-01T00:00:00+01:00 --json',
    )
    .action(
      async (options: {
        customer?: string;
        at?: number;
        status?: 'blocked' | 'warnings' | 'eligible';
        json?: boolean;
      }) => {
        const session = await openBackend(io, { unlock: 'required' });
        try {
          const all = await session.call(
            'eligibility.review',
            options.at === undefined ? {} : { at: options.at },
          );
          const rows = filterReview(
            all.filter((row) => options.customer === undefined || row.customerId === options.customer),
            { status: options.status ?? 'all' },
          );
          if (options.customer !== undefined && rows.length === 0 && !options.status) {
            io.err(`lotsen: no customer has id ${options.customer}\n`);
            process.exitCode = 1;
            return;
          }
          if (options.json) return printJson(io, rows);
          if (rows.length === 0) return io.out('No customers match.\n');
          printTable(
            io,
            ['CUSTOMER', 'ORG. NO.', 'VERDICT', 'REASONS'],
            rows.map((row) => [
              row.name,
              row.orgNumber,
              row.verdict.status,
              [...row.verdict.blockers, ...row.verdict.warnings]
                .map((r) => `${r.code}: ${r.message}`)
                .join(' | '),
            ]),
          );
        } finally {
          await session.close();
        }
      },
    );
}
