import { Command } from 'commander';
import { certificateKindLabels } from '../../../common/registry/vocabulary.ts';
import { parseInstant } from '../cliArguments.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { openBackend } from '../lazyBackend.ts';
import { commandSummaries } from '../commandSummaries.ts';

const stateLabels = { valid: 'valid', expiring: 'EXPIRING', expired: 'EXPIRED' } as const;

export function certificatesCommand(io: CliIo): Command {
  return new Command('certificates')
    .description(commandSummaries.certificates.description)
    .option('--customer <id>', 'only this customer (its id)')
    .option('--at <instant>', 'standing at this instant instead of now (ISO 8601 with offset)', parseInstant)
    .option('--warnings', 'only certificates that expire within 30 days or have expired')
    .option('--json', 'print the certificates as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen certificates --warnings\n  lotsen certificates --at 2027-01-01T00:00:00+01:00 --json',
    )
    .action(async (options: { customer?: string; at?: number; warnings?: boolean; json?: boolean }) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const all = await session.call('certificates.list', {
          ...(options.customer === undefined ? {} : { customerId: options.customer }),
          ...(options.at === undefined ? {} : { at: options.at }),
        });
        const rows = options.warnings ? all.filter((row) => row.state !== 'valid') : all;
        if (options.json) return printJson(io, rows);
        if (rows.length === 0) {
          io.out(
            options.warnings ? 'No certificate expires within 30 days.\n' : 'No certificates recorded.\n',
          );
          return;
        }
        printTable(
          io,
          ['EXPIRES', 'STATE', 'CUSTOMER', 'ENVIRONMENT', 'KIND', 'SUBJECT', 'SERVER', 'WARNING'],
          rows.map((row) => [
            row.certificate.expiresOn,
            stateLabels[row.state],
            row.customerName,
            row.environmentName,
            certificateKindLabels[row.certificate.kind],
            row.certificate.subject,
            row.certificate.serverHost ?? '',
            row.warning ?? '',
          ]),
        );
      } finally {
        await session.close();
      }
    });
}
