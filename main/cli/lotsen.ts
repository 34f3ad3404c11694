import { Command, CommanderError, Help } from 'commander';
import { EXIT_OK, EXIT_USAGE, processIo, type CliIo } from './cliOutput.ts';
import { commandSummaries, type CommandName } from './commandSummaries.ts';

type CommandModule = () => Promise<(io: CliIo) => Command>;

/*
 * Each command's module, loaded only when the arguments name it (issue 17: `lotsen sla due` never loads the time
 * export, `lotsen --help` loads none). Literal `import('…')`s, so the bundler (scripts/bundle-cli.mjs) gives each
 * command a chunk of its own.
 */
const commandModules: Record<CommandName, CommandModule> = {
  init: async () => (await import('./commands/initCommand.ts')).initCommand,
  serve: async () => (await import('./commands/serveCommand.ts')).serveCommand,
  customers: async () => (await import('./commands/customersCommand.ts')).customersCommand,
  registry: async () => (await import('./commands/registryCommand.ts')).registryCommand,
  eligibility: async () => (await import('./commands/eligibilityCommand.ts')).eligibilityCommand,
  certificates: async () => (await import('./commands/certificatesCommand.ts')).certificatesCommand,
  tickets: async () => (await import('./commands/ticketsCommand.ts')).ticketsCommand,
  time: async () => (await import('./commands/timeCommand.ts')).timeCommand,
  sla: async () => (await import('./commands/slaCommand.ts')).slaCommand,
  audit: async () => (await import('./commands/auditCommand.ts')).auditCommand,
  report: async () => (await import('./commands/reportCommand.ts')).reportCommand,
  doctor: async () => (await import('./commands/doctorCommand.ts')).doctorCommand,
  recordings: async () => (await import('./commands/recordingsCommand.ts')).recordingsCommand,
  backup: async () => (await import('./commands/backupCommand.ts')).backupCommand,
  restore: async () => (await import('./commands/restoreCommand.ts')).restoreCommand,
  purge: async () => (await import('./commands/purgeCommand.ts')).purgeCommand,
  privacy: async () => (await import('./commands/privacyCommand.ts')).privacyCommand,
  team: async () => (await import('./commands/teamCommand.ts')).teamCommand,
};

const isCommandName = (name: string | undefined): name is CommandName =>
  name !== undefined && Object.hasOwn(commandSummaries, name);

/**
 * The command the arguments name: the first operand (the program itself takes no option with a value), or the one
 * after `help`. Undefined for `lotsen --help`, a bare `lotsen` and an unknown name, which need only the summaries.
 */
export function commandNamedBy(argv: readonly string[]): CommandName | undefined {
  const operands = argv.filter((arg) => !arg.startsWith('-'));
  const named = operands[0] === 'help' ? operands[1] : operands[0];
  return isCommandName(named) ? named : undefined;
}

/**
 * The `lotsen` program. Every command is listed (help, suggestions for a misspelt name); only `load`'s are built in
 * full, the others stand as their summary: a name and a description, with the term `--help` shows beside them.
 */
export async function createProgram(io: CliIo, load: readonly CommandName[]): Promise<Command> {
  const program = new Command('lotsen')
    .description(
      'Lotsen: the remote-support console. The same services as the app; data in LOTSEN_HOME or the OS app-data folder.\n' +
        'Passphrase-locked stores read LOTSEN_PASSPHRASE or LOTSEN_PASSPHRASE_FILE, or ask.',
    )
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .configureHelp({
      subcommandTerm(command) {
        const name = command.name();
        return isCommandName(name)
          ? commandSummaries[name].term
          : Help.prototype.subcommandTerm.call(this, command);
      },
    })
    .addHelpText(
      'after',
      '\nExample:\n  lotsen init --name "Tekla Tekniker" --email tekla@leverantor.se --role technician\n' +
        '  lotsen customers list --search wap01\n  lotsen serve\n\nReference: docs/cli.md',
    );
  for (const name of Object.keys(commandSummaries) as CommandName[]) {
    program.addCommand(
      load.includes(name)
        ? (await commandModules[name]())(io)
        : new Command(name).description(commandSummaries[name].description),
    );
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
  const named = commandNamedBy(argv);
  try {
    const program = await createProgram(io, named === undefined ? [] : [named]);
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    return (await import('./reportError.ts')).reportError(io, error);
  }
}
