import { Command, Option } from 'commander';
import { matchedFieldInWords, searchCustomers } from '../../../common/registry/search.ts';
import { customerKinds, customerKindLabels } from '../../../common/registry/vocabulary.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { openBackend } from '../lazyBackend.ts';
import { commandSummaries } from '../commandSummaries.ts';

export function customersCommand(io: CliIo): Command {
  const customers = new Command('customers')
    .description(commandSummaries.customers.description)
    .addHelpText('after', '\nExample:\n  lotsen customers list --search göteborg');

  customers
    .command('list')
    .description(
      'List customers; --search matches names, organisation numbers, hosts, contacts and their admin accounts, and access tools (as the app does).',
    )
    .option('--search <query>', 'words that must all match, accents ignored (goteborg finds Göteborg)')
    .option('--json', 'print the matches as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen customers list --search wap01\n  lotsen customers list --search 2120001355 --json',
    )
    .action(async (options: { search?: string; json?: boolean }) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const matches = searchCustomers(
          await session.call('registry.listCustomers', {}),
          options.search ?? '',
        );
        if (options.json)
          return printJson(
            io,
            matches.map((m) => ({ ...m.customer, matchedOn: m.matchedOn.map(matchedFieldInWords) })),
          );
        if (matches.length === 0) {
          io.out(
            options.search
              ? `No customer matches "${options.search}".\n`
              : 'No customers yet. Add one with `lotsen customers add` or import a registry file.\n',
          );
          return;
        }
        printTable(
          io,
          ['NAME', 'ORG. NO.', 'KIND', 'ENVS', 'ACCESS', 'HOSTS', 'MATCHED ON'],
          matches.map(({ customer, matchedOn }) => [
            customer.name,
            customer.orgNumber,
            customerKindLabels[customer.kind],
            String(customer.environmentCount),
            customer.nonStandardAccess ? 'non-standard (8.6)' : 'standard',
            customer.hosts.join(', '),
            matchedOn.map(matchedFieldInWords).join('; '),
          ]),
        );
      } finally {
        await session.close();
      }
    });

  customers
    .command('add')
    .description('Add a customer.')
    .requiredOption('--name <name>', 'the customer’s name')
    .requiredOption('--org-number <number>', 'Swedish organisation number, NNNNNN-NNNN')
    .addOption(
      new Option('--kind <kind>', 'municipality, school chain, school (a single school) or other')
        .choices(customerKinds)
        .makeOptionMandatory(),
    )
    .option('--notes <text>', 'free notes', '')
    .option('--json', 'print the new customer as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen customers add --name "Växjö kommun" --org-number 212000-0704 --kind municipality',
    )
    .action(
      async (options: { name: string; orgNumber: string; kind: string; notes: string; json?: boolean }) => {
        const session = await openBackend(io, { unlock: 'required' });
        try {
          const created = await session.call('registry.createCustomer', {
            name: options.name,
            orgNumber: options.orgNumber,
            kind: options.kind as (typeof customerKinds)[number],
            notes: options.notes,
          });
          if (options.json) return printJson(io, created);
          io.out(`Added ${created.name} (${created.orgNumber}), id ${created.id}\n`);
        } finally {
          await session.close();
        }
      },
    );

  return customers;
}
