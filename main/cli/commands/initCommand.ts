import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { LotsenError } from '../../../common/api/errors.ts';
import { userRoles } from '../../../common/registry/vocabulary.ts';
import type { KeyStorePreference } from '../../vault/databaseKey.node.ts';
import { resolveDataDir } from '../../app/dataDir.node.ts';
import { enrolThisMachine } from '../../team/memberMachine.node.ts';
import { keychain } from '../../vault/keychain.node.ts';
import { printJson, type CliIo } from '../cliOutput.ts';
import { openBackend } from '../openBackend.node.ts';
import { obtainPassphrase } from '../passphrasePrompt.node.ts';

export function initCommand(io: CliIo): Command {
  const command = new Command('init');
  return command
    .description(
      'Create the encrypted store in the data folder and record who you are; or, with --team and --enrol, join a ' +
        "team's database with the code an admin gave you.",
    )
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
 * `init --team URL --enrol CODE`: this machine joins a team. The member's database password is made here (or taken
 * from LOTSEN_TEAM_PASSWORD / LOTSEN_TEAM_PASSWORD_FILE when they want to choose it, e.g. to use psql), kept in the
 * keychain or wrapped by the passphrase, and only its SCRAM verifier goes to the server.
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
  const wantsPassphrase =
    options.keyStore === 'passphrase' || (options.keyStore === 'auto' && !(await keychain.probe()).available);
  const passphrase = wantsPassphrase ? await obtainPassphrase(io, { confirm: true, required: true }) : null;
  const { member, membership } = await enrolThisMachine(resolveDataDir(io.env), {
    url: options.team,
    code: options.enrol,
    insecure: options.insecure === true,
    password: await teamPasswordFromEnvironment(io.env),
    preference: options.keyStore,
    passphrase,
    keychain,
  });
  if (options.json)
    return printJson(io, {
      ...member,
      database: membership.database,
      passwordStore: membership.passwordStore,
    });
  const where =
    membership.passwordStore === 'keychain'
      ? 'in the OS keychain'
      : 'in team.key, wrapped by your passphrase';
  io.out(
    `${member.name} is enrolled in ${membership.database} as ${member.role}${member.isAdmin ? ' with the admin right' : ''}` +
      ` (login ${member.login}). Your database password is kept ${where}.\n`,
  );
}

async function teamPasswordFromEnvironment(env: NodeJS.ProcessEnv): Promise<string | null> {
  if (env.LOTSEN_TEAM_PASSWORD) return env.LOTSEN_TEAM_PASSWORD;
  const file = env.LOTSEN_TEAM_PASSWORD_FILE;
  if (!file) return null;
  const firstLine = (await readFile(file, 'utf8').catch(() => '')).split(/\r?\n/)[0] ?? '';
  if (firstLine === '') {
    throw new LotsenError(
      'VALIDATION',
      `LOTSEN_TEAM_PASSWORD_FILE names ${file}, which is unreadable or starts empty.`,
    );
  }
  return firstLine;
}
