import { Command } from 'commander';
import { slaState, slaStateLabels } from '../../../common/tickets/slaState.ts';
import { formatInstant } from '../../tickets/formatInstant.ts';
import { parseInstant } from '../cliArguments.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { openBackend } from '../lazyBackend.ts';
import { commandSummaries } from '../commandSummaries.ts';

export function ticketsCommand(io: CliIo): Command {
  const tickets = new Command('tickets')
    .description(commandSummaries.tickets.description)
    .addHelpText('after', '\nExample:\n  lotsen tickets list');
  tickets
    .command('list')
    .description(
      'Tickets sorted by when a response is due, with their SLA state; tickets of customers without an agreement ' +
        'in force promise no response time and come last.',
    )
    .option('--all', 'include resolved and closed tickets')
    .option('--customer <id>', 'only this customer’s tickets')
    .option('--json', 'print the tickets as JSON')
    .addHelpText('after', '\nExample:\n  lotsen tickets list\n  lotsen tickets list --all --json')
    .action(async (options: { all?: boolean; customer?: string; json?: boolean }) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const list = await session.call('tickets.list', {
          openOnly: !options.all,
          ...(options.customer ? { customerId: options.customer } : {}),
        });
        const now = Date.now();
        if (options.json)
          return printJson(
            io,
            list.map((t) => ({ ...t, slaState: slaState(t, now) })),
          );
        if (list.length === 0) return io.out(options.all ? 'No tickets.\n' : 'No open tickets.\n');
        printTable(
          io,
          ['DUE', 'SLA', 'CUSTOMER', 'SUBJECT', 'REQUESTER', 'STATUS', 'REF'],
          list.map((t) => [
            t.dueAt === null ? 'none' : formatInstant(t.dueAt),
            slaStateLabels[slaState(t, now)],
            t.customerName,
            t.subject,
            `${t.requesterName}${t.requesterIsContact ? '' : t.sentBackAt === null ? ' (not a named contact)' : ' (not a named contact; sent back)'}`,
            t.status,
            t.externalRef,
          ]),
        );
      } finally {
        await session.close();
      }
    });
  tickets
    .command('escalate <id>')
    .description(
      'Acute escalation (2 hours, any day): needs an agreement in force with the acute option, else an exception ' +
        'with its reason, which bills the price list’s fee and is audited.',
    )
    .option('--at <instant>', 'when it was escalated (ISO 8601 with offset); now when left out', parseInstant)
    .option('--exception <reason>', 'escalate outside the agreement’s option, for this reason')
    .option('--json', 'print the ticket as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen tickets escalate 5f0c… --exception "Rektor ringde: hela kommunen utan inloggning"',
    )
    .action(async (id: string, options: { at?: number; exception?: string; json?: boolean }) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const ticket = await session.call('tickets.escalate', {
          id,
          ...(options.at === undefined ? {} : { at: options.at }),
          ...(options.exception === undefined ? {} : { exception: { reason: options.exception } }),
        });
        if (options.json) return printJson(io, ticket);
        const escalation = ticket.escalation;
        const basis =
          escalation?.basis === 'exception' ? 'by exception (price list)' : 'under the agreement’s option';
        io.out(
          `Escalated ${basis} at ${formatInstant(ticket.escalatedAt!)}; fee ${((escalation?.feeOre ?? 0) / 100).toFixed(2)} kr; ` +
            `${ticket.acuteDueAt === null ? 'no response time promised' : `response due ${formatInstant(ticket.acuteDueAt)}`}.\n`,
        );
      } finally {
        await session.close();
      }
    });
  tickets
    .command('send-back')
    .description(
      "Send a ticket from someone who is not a named contact back to the customer's contacts (first line is the customer's); the ticket is resolved.",
    )
    .argument('<id>', 'the ticket’s id (lotsen tickets list --json)')
    .option('--json', 'print the ticket as JSON')
    .addHelpText('after', '\nExample:\n  lotsen tickets send-back 6f1c…')
    .action(async (id: string, options: { json?: boolean }) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const ticket = await session.call('tickets.sendBack', { id });
        if (options.json) return printJson(io, ticket);
        io.out(
          `Sent "${ticket.subject}" back to ${ticket.customerName}'s support contacts; the ticket is resolved.\n`,
        );
      } finally {
        await session.close();
      }
    });
  return tickets;
}
