import { Command, CommanderError } from 'commander';
import { auditCommand } from './commands/auditCommand.ts';
import { backupCommand } from './commands/backupCommand.ts';
import { certificatesCommand } from './commands/certificatesCommand.ts';
import { customersCommand } from './commands/customersCommand.ts';
import { doctorCommand } from './commands/doctorCommand.ts';
import { eligibilityCommand } from './commands/eligibilityCommand.ts';
import { initCommand } from './commands/initCommand.ts';
import { privacyCommand } from './commands/privacyCommand.ts';
import { purgeCommand } from './commands/purgeCommand.ts';
import { recordingsCommand } from './commands/recordingsCommand.ts';
import { registryCommand } from './commands/registryCommand.ts';
import { reportCommand } from './commands/reportCommand.ts';
import { restoreCommand } from './commands/restoreCommand.ts';
import { serveCommand } from './commands/serveCommand.ts';
import { slaCommand } from './commands/slaCommand.ts';
import { teamCommand } from './commands/teamCommand.ts';
import { ticketsCommand } from './commands/ticketsCommand.ts';
import { timeCommand } from './commands/timeCommand.ts';
import { EXIT_OK, EXIT_USAGE, processIo, reportError, type CliIo } from './cliOutput.ts';

export function createProgram(io: CliIo): Command {
  const program = new Command('lotsen')
    .description(
      'Lotsen: the remote-support console. The same services as the app; data in LOTSEN_HOME or the OS app-data folder.\n' +
        'Passphrase-locked stores read LOTSEN_PASSPHRASE or LOTSEN_PASSPHRASE_FILE, or ask.',
    )
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addHelpText(
      'after',
      '\nExample:\n  lotsen init --name "Tekla Tekniker" --email tekla@leverantor.se --role technician\n' +
        '  lotsen customers list --search wap01\n  lotsen serve\n\nReference: docs/cli.md',
    );
  for (const command of [
    initCommand(io),
    serveCommand(io),
    customersCommand(io),
    registryCommand(io),
    eligibilityCommand(io),
    certificatesCommand(io),
    ticketsCommand(io),
    timeCommand(io),
    slaCommand(io),
    auditCommand(io),
    reportCommand(io),
    doctorCommand(io),
    recordingsCommand(io),
    backupCommand(io),
    restoreCommand(io),
    purgeCommand(io),
    privacyCommand(io),
    teamCommand(io),
  ]) {
    program.addCommand(command);
  }
  // Usage errors exit 2 (as most Unix tools do); commander exits for them through this hook, in every subcommand.
  const exitOverride = (command: Command) => {
    command.exitOverride();
    command.showHelpAfterError('(add --help for usage)');
    command.configureOutput({ writeOut: io.out, writeErr: io.err });
    command.commands.forEach(exitOverride);
  };
  exitOverride(program);
  return program;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    return reportError(io, error);
  }
}
