import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { resolveDataDir } from '../../app/dataDir.node.ts';
import type { KeyStorePreference } from '../../vault/databaseKey.node.ts';
import { printJson, type CliIo } from '../cliOutput.ts';
import { obtainPassphrase } from '../passphrasePrompt.node.ts';
import { commandSummaries } from '../commandSummaries.ts';

export function restoreCommand(io: CliIo): Command {
  return new Command('restore')
    .description(commandSummaries.restore.description)
    .argument('<file>', 'the backup file')
    .addOption(
      new Option(
        '--key-store <where>',
        "where the restored store's key is kept: the OS keychain, or a key file wrapped by the backup's passphrase",
      )
        .choices(['auto', 'keychain', 'passphrase'])
        .default('auto'),
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  LOTSEN_HOME=~/lotsen-restored lotsen restore ~/lotsen-2026-11-03.lotsenbackup\n' +
        '  lotsen restore /mnt/usb/lotsen.lotsenbackup --key-store passphrase\n\n' +
        'Afterwards `lotsen audit verify` passes and the store unlocks as usual.',
    )
    .action(async (file: string, options: { keyStore: KeyStorePreference; json?: boolean }) => {
      const dataDir = resolveDataDir(io.env);
      const [{ restoreBackup }, { keychain }] = await Promise.all([
        import('../../backup/restoreBackup.node.ts'),
        import('../../vault/keychain.node.ts'),
      ]);
      const passphrase = await obtainPassphrase(io, { confirm: false, required: true });
      const result = await restoreBackup(resolve(file), dataDir, {
        passphrase: passphrase!,
        preference: options.keyStore,
        keychain,
        now: Date.now,
      });
      if (options.json) return printJson(io, { dataDir, ...result });
      const where =
        result.keyStore === 'keychain'
          ? 'in the OS keychain'
          : "in lotsen.key, wrapped by the backup's passphrase";
      io.out(
        `Restored ${dataDir} from ${resolve(file)}: ${result.events} audit events, verified. The database key is kept ${where}.\n`,
      );
    });
}
