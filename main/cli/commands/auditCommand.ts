import { Command, InvalidArgumentError, Option } from 'commander';
import { auditEventCodes, auditEventLabels } from '../../../common/audit/auditEvents.ts';
import { formatInstant } from '../../tickets/formatInstant.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { openBackend } from '../openBackend.node.ts';

const parseLimit = (value: string) => {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000)
    throw new InvalidArgumentError('a limit is 1-5000');
  return limit;
};

export function auditCommand(io: CliIo): Command {
  const audit = new Command('audit')
    .description('The append-only, hash-chained audit log.')
    .addHelpText('after', '\nExample:\n  lotsen audit verify\n  lotsen audit list --limit 20');

  audit
    .command('verify')
    .description(
      'Check the whole chain; exits 1 and names the first bad sequence number on any edited, deleted, inserted or reordered event.',
    )
    .option('--json', 'print the verdict as JSON')
    .addHelpText('after', '\nExample:\n  lotsen audit verify')
    .action(async (options: { json?: boolean }) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const verdict = await session.call('audit.verify', {});
        if (options.json) printJson(io, verdict);
        else if (verdict.intact)
          io.out(`The audit log is intact: ${verdict.events} event${verdict.events === 1 ? '' : 's'}.\n`);
        else io.err(`lotsen: the audit log is broken at event ${verdict.firstBadSeq}: ${verdict.reason}\n`);
        if (!verdict.intact) process.exitCode = 1;
      } finally {
        await session.close();
      }
    });

  audit
    .command('list')
    .description('The newest audit events first.')
    .addOption(new Option('--event <code>', 'only this kind of event').choices(auditEventCodes))
    .option('--limit <n>', 'at most this many events', parseLimit, 100)
    .option('--json', 'print the events as JSON')
    .addHelpText('after', '\nExample:\n  lotsen audit list --event secret.revealed')
    .action(async (options: { event?: (typeof auditEventCodes)[number]; limit: number; json?: boolean }) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const events = await session.call('audit.list', {
          limit: options.limit,
          ...(options.event ? { event: options.event } : {}),
        });
        if (options.json) return printJson(io, events);
        if (events.length === 0) return io.out('No audit events yet.\n');
        printTable(
          io,
          ['SEQ', 'AT', 'WHO', 'EVENT', 'SUBJECT', 'DETAILS'],
          events.map((e) => [
            String(e.seq),
            formatInstant(e.at),
            e.actorName,
            auditEventLabels[e.event],
            e.subjectId ? `${e.subjectType} ${e.subjectId}` : '',
            JSON.stringify(e.details),
          ]),
        );
      } finally {
        await session.close();
      }
    });

  return audit;
}
