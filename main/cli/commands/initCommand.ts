import { Command, Option } from 'commander';
import { LotsenError } from '../../../common/api/errors.ts';
import { userRoles } from '../../../common/registry/vocabulary.ts';
import type { KeyStorePreference } from '../../vault/databaseKey.node.ts';
import type { EnrolledMember } from '../../team/enrolment.node.ts';
import { printJson, type CliIo } from '../cliOutput.ts';
import { openBackend } from '../lazyBackend.ts';
import { obtainPassphrase } from '../passphrasePrompt.node.ts';
import { commandSummaries } from '../commandSummaries.ts';

export function initCommand(io: CliIo): Command {
  const command = new Command('init');
  return command
    .description(commandSummaries.init.description)
    .option('--name <name>', 'your name, as records and time entries will show it')
    .option('--email <email>', 'your e-mail address')
    .addOption(new Option('--role <role>', 'your role').choices(userRoles))
    .option('--team <url>', "the team database's URL, without user or password (with --enrol)")
    .option('--enrol <code>', 'the enrolment code an admin gave you (with --team)')
    .option(
      '--insecure',
      'with --team: allow a host other than this machine without TLS (a trusted network only)',
    )
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
        '  LOTSEN_PASSPHRASE_FILE=~/.lotsen-pass lotsen init --name … --email … --role finance --key-store passphrase\n' +
        '  lotsen init --team "postgresql://db.example.se/lotsen_team?sslmode=verify-full" --enrol LOTSEN-3f9a1c2e-…',
    )
    .action(
      async (options: {
        name?: string;
        email?: string;
        role?: string;
        team?: string;
        enrol?: string;
        insecure?: boolean;
        keyStore: KeyStorePreference;
        json?: boolean;
      }) => {
        if (options.team !== undefined || options.enrol !== undefined) return enrolInTeam(io, options);
        for (const [required, flag] of [
          ['name', '--name <name>'],
          ['email', '--email <email>'],
          ['role', '--role <role>'],
        ] as const) {
          // A usage error, as commander's own for a mandatory option (exit 2), now that --team makes these optional.
          if (options[required] === undefined) {
            command.error(
              `error: required option '${flag}' not specified (or give --team and --enrol to join a team)`,
              {
                exitCode: 2,
                code: 'commander.missingMandatoryOptionValue',
              },
            );
          }
        }
        const { keychain } = await import('../../vault/keychain.node.ts');
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
              name: options.name!,
              email: options.email!,
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

/**
 * `init --team URL --enrol CODE`: this machine joins a team. Lotsen makes the key it keeps here (the OS keychain, or
 * lotsen.key wrapped by the passphrase) and derives the member's database password from it, so unlocking Lotsen is
 * what unlocks the login; the enrolment sends the server only that password's SCRAM verifier. lotsen.json then names
 * the team database, and the app and every command work in it.
 */
async function enrolInTeam(
  io: CliIo,
  options: {
    team?: string;
    enrol?: string;
    insecure?: boolean;
    keyStore: KeyStorePreference;
    json?: boolean;
  },
): Promise<void> {
  if (options.team === undefined || options.enrol === undefined) {
    throw new LotsenError('VALIDATION', 'Give both --team <url> and --enrol <code> to join a team.');
  }
  const [{ enrolmentFor }, { keychain }] = await Promise.all([
    import('../../team/enrolment.node.ts'),
    import('../../vault/keychain.node.ts'),
  ]);
  const enrolment = enrolmentFor(options.team, options.enrol, { insecure: options.insecure === true });
  const wantsPassphrase =
    options.keyStore === 'passphrase' || (options.keyStore === 'auto' && !(await keychain.probe()).available);
  const passphrase = wantsPassphrase ? await obtainPassphrase(io, { confirm: true, required: true }) : null;
  const session = await openBackend(io, { unlock: 'no' });
  try {
    let member: EnrolledMember | undefined;
    const status = await session.backend.initialize({
      passphrase,
      preference: options.keyStore,
      team: {
        source: enrolment.source,
        enrol: async (password, keyPair) => {
          member = await enrolment.enrol(password, keyPair);
        },
      },
    });
    const enrolled = member!;
    if (options.json) {
      return printJson(io, { ...enrolled, database: enrolment.source.database, keyStore: status.keyStore });
    }
    const where =
      status.keyStore === 'keychain' ? 'in the OS keychain' : 'in lotsen.key, wrapped by your passphrase';
    io.out(
      `${enrolled.name} is enrolled in ${enrolment.source.database} as ${enrolled.role}` +
        `${enrolled.isAdmin ? ' with the admin right' : ''} (login ${enrolled.login}). Your database password comes` +
        ` from the key kept ${where}; Lotsen now works in the team database.\n`,
    );
  } finally {
    await session.close();
  }
}
