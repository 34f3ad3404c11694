import { Command, InvalidArgumentError, Option } from 'commander';
import type { PurgePreview } from '../../../common/retention/model.ts';
import { calendarDateSchema } from '../../../common/retention/model.ts';
import { formatInstant } from '../../tickets/formatInstant.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { confirmIrreversible } from '../confirmPrompt.node.ts';
import { openBackend } from '../lazyBackend.ts';
import { commandSummaries } from '../commandSummaries.ts';

const BACKUP_WARNING =
  'Backups made before this purge still hold what it removes: delete or rotate them as your retention rules say.\n';

function parseDate(value: string): string {
  const parsed = calendarDateSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]!.message);
  return parsed.data;
}

function printPreview(io: CliIo, preview: PurgePreview): void {
  io.out(
    `Purge as of ${preview.purgeDate}: personal data of resolved and closed tickets last changed before ` +
      `${preview.cutoffDate} (${preview.policy.keepClosedDays} days), and month keys of months before it.\n` +
      `${preview.tickets.length} tickets, ${preview.months.length} month keys, ${preview.recordings} recordings.\n`,
  );
  if (preview.tickets.length === 0) return;
  io.out('\n');
  printTable(
    io,
    ['CUSTOMER', 'TICKETS'],
    preview.customers.map((c) => [c.customerName, String(c.tickets)]),
  );
  io.out('\n');
  printTable(
    io,
    ['REF', 'TICKET', 'CUSTOMER', 'STATUS', 'LAST CHANGE'],
    preview.tickets.map((t) => [
      t.externalRef || '-',
      t.ticketId,
      t.customerName,
      t.status,
      formatInstant(t.lastActivityAt),
    ]),
  );
}

export function purgeCommand(io: CliIo): Command {
  return new Command('purge')
    .description(commandSummaries.purge.description)
    .option('--dry-run', 'list what would go and change nothing')
    .addOption(
      new Option(
        '--date <YYYY-MM-DD>',
        'with --dry-run: the purge date to preview (default: the next purge)',
      ).argParser(parseDate),
    )
    .option('--yes', 'do not ask for confirmation')
    .option('--json', 'print the preview or the run as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen purge --dry-run\n  lotsen purge --dry-run --date 2027-07-01 --json\n  lotsen purge --yes',
    )
    .action(async function (
      this: Command,
      options: { dryRun?: boolean; date?: string; yes?: boolean; json?: boolean },
    ) {
      if (options.date && !options.dryRun) {
        this.error('error: only today’s purge can run; --date is for --dry-run', { exitCode: 2 });
      }
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const status = await session.call('retention.status', {});
        if (options.dryRun) {
          const preview = options.date
            ? await session.call('retention.preview', { date: options.date })
            : status.preview;
          if (options.json) return printJson(io, preview);
          printPreview(io, preview);
          if (!options.date && !status.due) io.out(`No purge is due until ${status.nextPurgeDate}.\n`);
          return;
        }
        if (!options.json) printPreview(io, status.preview);
        // Before the confirmation, so whoever confirms knows the backups still hold it.
        if (status.due) io.err(BACKUP_WARNING);
        if (
          status.due &&
          !(await confirmIrreversible(
            io,
            'Purge this personal data now? It cannot be undone.',
            options.yes ?? false,
          ))
        ) {
          io.err('Nothing was purged.\n');
          return;
        }
        const run = await session.call('retention.purge', {});
        if (options.json) return printJson(io, run);
        io.out(
          `Purged ${run.tickets} tickets and ${run.monthKeys} month keys (${run.keysDestroyed} keys destroyed, ` +
            `${run.recordings} recordings emptied); the run is in the audit log.\n`,
        );
      } finally {
        await session.close();
      }
    });
}
