import { resolve } from 'node:path';
import { Command } from 'commander';
import { LotsenError } from '../../../common/api/errors.ts';
import { resolveDataDir } from '../../app/dataDir.node.ts';
import type { BackupPhase } from '../../backup/createBackup.node.ts';
import { printJson, type CliIo } from '../cliOutput.ts';
import { withForceHint } from '../exportTarget.ts';
import { obtainPassphrase } from '../passphrasePrompt.node.ts';
import { commandSummaries } from '../commandSummaries.ts';

const phaseLines: Record<BackupPhase, string> = {
  copying: 'Copying the store (the app may go on working)…',
  checking: 'Checking the copy…',
  writing: 'Writing the backup…',
};

export function backupCommand(io: CliIo): Command {
  return new Command('backup')
    .description(commandSummaries.backup.description)
    .requiredOption('--out <file>', 'the backup file to write')
    .option('--force', 'replace the --out file if it exists')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen backup --out ~/lotsen-2026-11-03.lotsenbackup\n' +
        '  LOTSEN_PASSPHRASE_FILE=~/.lotsen-backup-pass lotsen backup --out /mnt/usb/lotsen.lotsenbackup --force\n\n' +
        'Restore it with `lotsen restore FILE` into an empty data folder.',
    )
    .action(async (options: { out: string; force?: boolean; json?: boolean }) => {
      // The audit log names the file wherever it is read from, so not relative to this shell's folder.
      const out = resolve(options.out);
      // Loaded here, not at the top: the backend and the backup writer are what this command alone needs.
      const [{ Backend }, { createBackup }] = await Promise.all([
        import('../../app/backend.node.ts'),
        import('../../backup/createBackup.node.ts'),
      ]);
      const backend = await Backend.open({ dataDir: resolveDataDir(io.env) });
      try {
        const { keyStore, state } = backend.status();
        if (state === 'uninitialized') {
          throw new LotsenError(
            'NOT_INITIALIZED',
            `Lotsen is not set up in ${backend.dataDir}; there is nothing to back up.`,
          );
        }
        // A passphrase store's own passphrase unlocks it and wraps the backup's key; a keychain store's backup
        // gets a passphrase of its own, asked twice as `init` asks for one.
        const passphrase = await obtainPassphrase(io, { confirm: keyStore === 'keychain', required: true });
        await backend.unlock(keyStore === 'passphrase' ? passphrase : null);
        const result = await createBackup(backend, out, {
          passphrase: passphrase!,
          replace: options.force ?? false,
          onPhase: options.json ? undefined : (phase) => io.err(`${phaseLines[phase]}\n`),
        });
        if (options.json) return printJson(io, { file: out, ...result });
        io.err(
          `Wrote ${out} (${result.bytes} bytes of store, ${result.events} audit events); the backup is in the audit log.\n`,
        );
      } catch (error) {
        throw withForceHint(error);
      } finally {
        await backend.close();
      }
    });
}
