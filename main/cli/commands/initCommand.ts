import { Command, Option } from 'commander';
import { userRoles } from '../../../common/registry/vocabulary.ts';
import type { KeyStorePreference } from '../../vault/databaseKey.node.ts';
import { keychain } from '../../vault/keychain.node.ts';
import { printJson, type CliIo } from '../cliOutput.ts';
import { openBackend } from '../openBackend.node.ts';
import { obtainPassphrase } from '../passphrasePrompt.node.ts';

export function initCommand(io: CliIo): Command {
  return new Command('init')
    .description('Create the encrypted store in the data folder and record who you are.')
    .requiredOption('--name <name>', 'your name, as records and time entries will show it')
    .requiredOption('--email <email>', 'your e-mail address')
    .addOption(new Option('--role <role>', 'your role').choices(userRoles).makeOptionMandatory())
    .addOption(
      new Option(
        '--key-store <where>',
        'where the database key is kept: the OS keychain, or a key file wrapped by a passphrase',
      )
        .choices(['auto', 'keychain', 'passphrase'])
        .default('auto'),
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen init --name "Tekla Tekniker" --email tekla@leverantor.se --role technician\n' +
        '  LOTSEN_PASSPHRASE_FILE=~/.lotsen-pass lotsen init --name … --email … --role finance --key-store passphrase',
    )
    .action(
      async (options: {
        name: string;
        email: string;
        role: string;
        keyStore: KeyStorePreference;
        json?: boolean;
      }) => {
        const session = await openBackend(io, { unlock: 'no' });
        try {
          // Ask for a passphrase only when it will be used: chosen, or needed because no keychain answers.
          const wantsPassphrase =
            options.keyStore === 'passphrase' ||
            (options.keyStore === 'auto' && !(await keychain.probe()).available);
          const passphrase = wantsPassphrase
            ? await obtainPassphrase(io, { confirm: true, required: false })
            : null;
          const status = await session.backend.initialize({
            user: {
              name: options.name,
              email: options.email,
              role: options.role as (typeof userRoles)[number],
            },
            passphrase,
            preference: options.keyStore,
          });
          if (options.json) return printJson(io, status);
          const where =
            status.keyStore === 'keychain'
              ? 'in the OS keychain'
              : 'in lotsen.key, wrapped by your passphrase';
          io.out(
            `Lotsen is set up in ${status.dataDir} for ${status.user?.name}. The database key is kept ${where}.\n`,
          );
        } finally {
          await session.close();
        }
      },
    );
}
