import { Command, InvalidArgumentError, Option } from 'commander';
import { auditEventCodes, auditEventLabels } from '../../../common/audit/auditEvents.ts';
import { formatInstant } from '../../tickets/formatInstant.ts';
import { parseInstant } from '../cliArguments.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { openBackend } from '../lazyBackend.ts';
import { commandSummaries } from '../commandSummaries.ts';

const parseLimit = (value: string) => {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000)
    throw new InvalidArgumentError('a limit is 1-5000');
  return limit;
};

const parseSeq = (value: string) => {
  const seq = Number(value);
  if (!Number.isInteger(seq) || seq < 1)
    throw new InvalidArgumentError('a sequence number is a whole number from 1');
  return seq;
};

const parseSubject = (value: string) => {
  const [type = '', ...rest] = value.split(':');
  const id = rest.join(':');
  if (!type.trim()) throw new InvalidArgumentError('give a kind of record, e.g. session, or session:ID');
  return { type: type.trim(), id: id.trim() || null };
};

interface AuditListOptions {
  event?: (typeof auditEventCodes)[number];
  actor?: string;
  subject?: { type: string; id: string | null };
  since?: number;
  until?: number;
  beforeSeq?: number;
  limit: number;
  json?: boolean;
}

const filtered = (options: AuditListOptions) =>
  Boolean(options.event || options.actor || options.subject) ||
  options.since !== undefined ||
  options.until !== undefined ||
  options.beforeSeq !== undefined;

export function auditCommand(io: CliIo): Command {
  const audit = new Command('audit')
    .description(commandSummaries.audit.description)
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
    .description("The newest audit events first; the filters are those of the app's audit view.")
    .addOption(new Option('--event <code>', 'only this kind of event').choices(auditEventCodes))
    .option('--actor <id>', "only this person's events (the id in --json output)")
    .option(
      '--subject <type[:id]>',
      'only events about this kind of record, or this one record (session:ID)',
      parseSubject,
    )
    .option('--since <instant>', 'from this instant on (ISO 8601 with offset)', parseInstant)
    .option('--until <instant>', 'before this instant (ISO 8601 with offset)', parseInstant)
    .option('--before-seq <n>', 'older than this sequence number (the next page)', parseSeq)
    .option('--limit <n>', 'at most this many events', parseLimit, 100)
    .option('--json', 'print the events as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen audit list --event secret.revealed\n' +
        '  lotsen audit list --subject session --since 2026-11-01T00:00:00+01:00',
    )
    .action(async (options: AuditListOptions) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const events = await session.call('audit.list', {
          limit: options.limit,
          ...(options.event ? { event: options.event } : {}),
          ...(options.actor ? { actorId: options.actor } : {}),
          ...(options.subject ? { subjectType: options.subject.type } : {}),
          ...(options.subject?.id ? { subjectId: options.subject.id } : {}),
          ...(options.since === undefined ? {} : { from: options.since }),
          ...(options.until === undefined ? {} : { to: options.until }),
          ...(options.beforeSeq === undefined ? {} : { beforeSeq: options.beforeSeq }),
        });
        if (options.json) return printJson(io, events);
        if (events.length === 0)
          return io.out(filtered(options) ? 'No audit events match.\n' : 'No audit events yet.\n');
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
