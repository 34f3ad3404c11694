import { Command } from 'commander';
import { slaState, slaStateLabels } from '../../../common/tickets/slaState.ts';
import { formatInstant } from '../../tickets/formatInstant.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { openBackend } from '../openBackend.node.ts';

export function ticketsCommand(io: CliIo): Command {
  const tickets = new Command('tickets')
    .description('Tickets (ärenden) and their response times.')
    .addHelpText('after', '\nExample:\n  lotsen tickets list');
  tickets
    .command('list')
    .description('Tickets sorted by when a response is due, with their SLA state.')
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
            formatInstant(t.dueAt),
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
