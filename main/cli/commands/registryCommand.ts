import { Command } from 'commander';
import { writeFileAtomic } from '../../app/atomicFile.node.ts';
import { personalDetail } from '../../audit/auditDetails.ts';
import { MAX_FILE_CUSTOMERS } from '../../../common/registry/registryFile.ts';
import { printJson, type CliIo } from '../cliOutput.ts';
import { lazily } from '../lazily.ts';
import { openBackend } from '../lazyBackend.ts';
import { readRecordFile } from '../readJsonFile.ts';
import { commandSummaries } from '../commandSummaries.ts';

// The repositories (Kysely, the vault's sealing): loaded when a command runs, not for `--help`.
const exportRegistry = lazily(async () => (await import('../../registry/registryExport.ts')).exportRegistry);

export function registryCommand(io: CliIo): Command {
  const registry = new Command('registry')
    .description(commandSummaries.registry.description)
    .addHelpText('after', '\nExample:\n  lotsen registry export --out kunder.json');

  registry
    .command('import')
    .description(
      'Import customers from a registry file. All or nothing: any invalid record rejects the whole file.',
    )
    .argument('<file>', 'a registry file (format lotsen-registry)')
    .option('--json', 'print the counts as JSON')
    .addHelpText('after', '\nExample:\n  lotsen registry import kunder.json')
    .action(async (file: string, options: { json?: boolean }) => {
      const { checkCustomerRecord, registryFileRefused } = await import('../../registry/registryImport.ts');
      const parsed = await readRecordFile(file, {
        listKey: 'customers',
        maxRecords: MAX_FILE_CUSTOMERS,
        checkRecord: checkCustomerRecord,
        refused: registryFileRefused,
      });
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const summary = await session.call('registry.import', { file: parsed });
        if (options.json) return printJson(io, summary);
        io.out(
          `Imported ${summary.customers} customers, ${summary.contacts} contacts, ${summary.environments} environments, ` +
            `${summary.servers} servers, ${summary.supportAccounts} support accounts, ${summary.agreements} agreements, ` +
            `${summary.dpas} data-processing agreements and ${summary.tickets} tickets.\n`,
        );
        if (summary.preConnectCommands > 0) {
          const [count, which] =
            summary.preConnectCommands === 1
              ? ['1 environment has a pre-connect command', 'it']
              : [`${summary.preConnectCommands} environments have pre-connect commands`, 'each'];
          io.out(
            `${count}, which will not run until a person approves ${which} on the machine that runs it ` +
              '(shown in full when a session is opened).\n',
          );
        }
      } finally {
        await session.close();
      }
    });

  registry
    .command('export')
    .description('Export the whole registry. Secrets are left out unless --include-secrets is given.')
    .option('--out <file>', 'write to this file instead of standard output')
    .option(
      '--include-secrets',
      'include support-account secrets (the file is then as sensitive as the store)',
    )
    .addHelpText(
      'after',
      '\nExample:\n  lotsen registry export --out kunder.json\n  lotsen registry export --include-secrets --out backup.json',
    )
    .action(async (options: { out?: string; includeSecrets?: boolean }) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        // Secrets never travel through the API contract: this export is made here, in the backend's process.
        const file = options.includeSecrets
          ? await exportRegistry(session.backend.registryContext().db, {
              includeSecrets: true,
              now: Date.now(),
            })
          : await session.call('registry.export', {});
        const text = JSON.stringify(file, null, 2) + '\n';
        if (options.includeSecrets) {
          await session.backend.audit().append({
            event: 'registry.exported_with_secrets',
            details: {
              customers: file.customers.length,
              to: personalDetail(options.out ?? 'standard output'),
            },
          });
        }
        if (options.includeSecrets)
          io.err(
            'lotsen: warning: this export holds support-account secrets; keep it like a password vault.\n',
          );
        if (options.out) {
          // Owner-only with or without secrets: the file names customers, their contacts and their hosts.
          await writeFileAtomic(options.out, text, { mode: 0o600 });
          io.err(`Exported ${file.customers.length} customers to ${options.out}\n`);
        } else {
          io.out(text);
        }
      } finally {
        await session.close();
      }
    });

  return registry;
}
