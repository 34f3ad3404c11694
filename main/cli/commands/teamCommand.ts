import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { LotsenError } from '../../../common/api/errors.ts';
import { userRoles, type UserRole } from '../../../common/registry/vocabulary.ts';
import type { TeamClient } from '../../team/teamClient.ts';
import type { TeamMember } from '../../team/teamMembers.node.ts';
import type { Invitation } from '../../team/teamSetup.node.ts';
import { printDeparting } from './departingOutput.ts';
import { printRotations } from './rotationOutput.ts';
import type { RecoveryKit } from '../../team/teamVault.node.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { confirmIrreversible } from '../confirmPrompt.node.ts';
import { openBackend, type CliSession } from '../lazyBackend.ts';
import { lazily } from '../lazily.ts';
import type { ImportLocalOptions } from './teamImportLocal.ts';
import { commandSummaries } from '../commandSummaries.ts';

// The team's services bring pg and the vault's crypto: loaded when a team command runs, not for `--help`.
const memberTeamClient = lazily(async () => (await import('../../team/teamClient.ts')).memberTeamClient);
const addMember = lazily(async () => (await import('../../team/teamMembers.node.ts')).addMember);
const listMembers = lazily(async () => (await import('../../team/teamMembers.node.ts')).listMembers);
const reissueCode = lazily(async () => (await import('../../team/teamMembers.node.ts')).reissueCode);
const createTeam = lazily(async () => (await import('../../team/teamSetup.node.ts')).createTeam);
const reissueCodeAsOwner = lazily(
  async () => (await import('../../team/teamSetup.node.ts')).reissueCodeAsOwner,
);
const upgradeTeam = lazily(async () => (await import('../../team/teamSetup.node.ts')).upgradeTeam);
const departingSecrets = lazily(
  async () => (await import('../../team/departingMember.node.ts')).departingSecrets,
);
const grantVaultKeys = lazily(async () => (await import('../../team/vaultAccess.node.ts')).grantVaultKeys);
const importLocalCommand = lazily(async () => (await import('./teamImportLocal.ts')).importLocalCommand);

const ADMIN_URL_HELP =
  "an administrator's URL of the team's database, e.g. postgresql://dba@db.example.se/lotsen_team" +
  '?sslmode=verify-full; a role that may create roles. Used for this run only, never stored; its password may come ' +
  'from PGPASSWORD instead of the URL';

export function teamCommand(io: CliIo): Command {
  const team = new Command('team').description(commandSummaries.team.description);
  const roleOption = () =>
    new Option('--role <role>', 'the work role').choices(userRoles).makeOptionMandatory();

  team
    .command('create')
    .description(
      'Set up a team in an empty PostgreSQL database: its roles, the schema, the rules on every table, and the first member (with the admin right), who enrols with the code printed.',
    )
    .requiredOption('--database <admin-url>', ADMIN_URL_HELP)
    .requiredOption('--name <name>', "the first member's name")
    .requiredOption('--email <email>', "the first member's e-mail address")
    .addOption(roleOption())
    .option('--insecure', 'allow a host other than this machine without TLS (a trusted network only)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  PGPASSWORD=… lotsen team create --database "postgresql://dba@db.example.se/lotsen_team?sslmode=verify-full" \\\n' +
        '    --name "Ada Admin" --email ada@leverantor.se --role support_lead',
    )
    .action(
      async (options: {
        database: string;
        name: string;
        email: string;
        role: UserRole;
        insecure?: boolean;
        json?: boolean;
      }) => {
        const created = await createTeam({
          adminUrl: options.database,
          insecure: options.insecure === true,
          firstMember: { name: options.name, email: options.email, role: options.role },
        });
        if (options.json) {
          return printJson(io, {
            database: created.database,
            closedTables: created.closedTables,
            firstMember: created.firstMember,
            recoveryKit: created.recoveryKit,
          });
        }
        io.out(`The team is set up in ${created.database}.\n`);
        if (created.recoveryKit) printRecoveryKit(io, created.recoveryKit);
        if (created.closedTables.length > 0) {
          io.out(
            `No member may use these tables yet (no rule covers them): ${created.closedTables.join(', ')}\n`,
          );
        }
        printInvitation(io, options.name, created.firstMember);
      },
    );

  team
    .command('upgrade')
    .description("Bring a team database's schema and rules up to date (safe to run again).")
    .requiredOption('--database <admin-url>', ADMIN_URL_HELP)
    .option('--insecure', 'allow a host other than this machine without TLS (a trusted network only)')
    .action(async (options: { database: string; insecure?: boolean }) => {
      const upgraded = await upgradeTeam({ adminUrl: options.database, insecure: options.insecure === true });
      io.out(`${upgraded.database} is up to date.\n`);
      if (upgraded.recoveryKit) {
        io.out(
          'The team has a vault now. Members who have unlocked Lotsen since get their keys with `lotsen team grant-keys`, run by a member who holds them (an admin restores their own with the kit: `lotsen team recover`).\n',
        );
        printRecoveryKit(io, upgraded.recoveryKit);
      }
      if (upgraded.closedTables.length > 0) {
        io.out(
          `No member may use these tables yet (no rule covers them): ${upgraded.closedTables.join(', ')}\n`,
        );
      }
    });

  team
    .command('add-member')
    .description(
      'Invite a member: prints a single-use enrolment code that expires in 24 hours (admins only).',
    )
    .requiredOption('--name <name>', "the member's name")
    .requiredOption('--email <email>', "the member's e-mail address")
    .addOption(roleOption())
    .option('--admin', 'give the member the admin right too')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: { name: string; email: string; role: UserRole; admin?: boolean; json?: boolean }) => {
        await asMember(io, async (client) => {
          const invitation = await addMember(client, {
            name: options.name,
            email: options.email,
            role: options.role,
            isAdmin: options.admin === true,
          });
          if (options.json) return printJson(io, invitation);
          printInvitation(io, options.name, invitation);
        });
      },
    );

  team
    .command('grant-keys')
    .description(
      "Wrap the vault's keys you hold for every member entitled to them who has none yet (finance gets the personal-data key only).",
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const session = await openBackend(io, { unlock: 'if-possible' });
      try {
        const granted = await grantVaultKeys(session.backend);
        if (options.json) return printJson(io, granted);
        if (granted.length === 0) return io.out('Every member entitled to a key you hold has it.\n');
        for (const g of granted) io.out(`${g.userId}: ${g.trees.join(', ')}\n`);
      } finally {
        await session.close();
      }
    });

  team
    .command('members')
    .description("The team's members: role, admin right, and whether they have enrolled.")
    .option('--removed', 'list removed members too')
    .option('--json', 'print the list as JSON')
    .action(async (options: { removed?: boolean; json?: boolean }) => {
      await asMember(io, async (client) => {
        const members = await listMembers(client, { removed: options.removed === true });
        if (options.json) return printJson(io, members);
        printTable(
          io,
          ['NAME', 'E-MAIL', 'ROLE', 'ADMIN', 'STATE', 'ID'],
          members.map((m) => [m.name, m.email, m.role, m.isAdmin ? 'yes' : '', stateText(m), m.userId]),
        );
      });
    });

  team
    .command('change-role')
    .description("Change a member's work role or admin right (admins only).")
    .requiredOption('--member <id-or-email>', "the member's id or e-mail address")
    .addOption(roleOption())
    .addOption(new Option('--admin', 'give the admin right'))
    .addOption(new Option('--no-admin', 'take the admin right away'))
    .action(async (options: { member: string; role: UserRole; admin?: boolean }) => {
      await asMember(io, async (client, call) => {
        const member = findMember(await listMembers(client), options.member);
        const isAdmin = options.admin ?? member.isAdmin;
        const changed = await call('team.changeRole', { userId: member.userId, role: options.role, isAdmin });
        io.out(`${member.name} is now ${options.role}${isAdmin ? ' with the admin right' : ''}.\n`);
        printRotations(io, changed.vault);
      });
    });

  team
    .command('remove-member')
    .description('Remove a member: drops their login and ends their open connections (admins only).')
    .requiredOption('--member <id-or-email>', "the member's id or e-mail address")
    .option('--yes', 'do not ask for confirmation')
    .action(async (options: { member: string; yes?: boolean }) => {
      await asMember(io, async (client, call) => {
        const member = findMember(await listMembers(client), options.member);
        const sure = await confirmIrreversible(
          io,
          `Remove ${member.name} (${member.email}) from the team, ending their connections?`,
          options.yes === true,
        );
        if (!sure) return io.out('Nothing was changed.\n');
        const removed = await call('team.removeMember', { userId: member.userId });
        const ended = removed.endedConnections;
        io.out(`${member.name} is removed; ${ended} open connection${ended === 1 ? '' : 's'} ended.\n`);
        printRotations(io, removed.vault);
        io.out('\n');
        printDeparting(io, member.name, removed.departing);
      });
    });

  team
    .command('reissue-code')
    .description(
      "A new enrolment code for a member who lost their machine's keychain: the same member, a new login; the old " +
        'login is dropped and the keys it held are forgotten. By an admin, or by the DBA with --database when no ' +
        'admin can log in.',
    )
    .requiredOption('--member <id-or-email>', "the member's id or e-mail address")
    // The same name as team create's, upgrade's and import-local's for the same administrator's URL.
    .option('--database <admin-url>', ADMIN_URL_HELP)
    .option(
      '--insecure',
      'with --database: allow a host other than this machine without TLS (a trusted network only)',
    )
    .option('--yes', 'do not ask for confirmation')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  lotsen team reissue-code --member tekla@leverantor.se\n' +
        '  PGPASSWORD=… lotsen team reissue-code --member ada@leverantor.se \\\n' +
        '    --database "postgresql://dba@db.example.se/lotsen_team?sslmode=verify-full"',
    )
    .action(
      async (options: {
        member: string;
        database?: string;
        insecure?: boolean;
        yes?: boolean;
        json?: boolean;
      }) => {
        const confirm = (name: string) =>
          confirmIrreversible(
            io,
            `Give ${name} a new enrolment code? Their current login stops working now.`,
            options.yes === true,
          );
        if (options.database !== undefined) {
          if (!(await confirm(options.member))) return io.out('Nothing was changed.\n');
          const invitation = await reissueCodeAsOwner({
            adminUrl: options.database,
            insecure: options.insecure === true,
            member: options.member,
          });
          if (options.json) return printJson(io, invitation);
          return printInvitation(io, invitation.name, invitation);
        }
        await asMember(io, async (client) => {
          const member = findMember(await listMembers(client), options.member);
          if (!(await confirm(member.name))) return io.out('Nothing was changed.\n');
          const invitation = await reissueCode(client, member.userId);
          if (options.json) return printJson(io, invitation);
          printInvitation(io, member.name, invitation);
        });
      },
    );

  team
    .command('rotate')
    .description(
      "Finish a rotation of the team's keys that was interrupted, and run those due (after a removal, a change to " +
        "finance or a reissued code), as far as your keys allow (admins only; any holder's unlock does it too).",
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      await asMember(io, async (_client, call) => {
        const run = await call('team.rotate', {});
        if (options.json) return printJson(io, run);
        if (run.rotated.length === 0 && run.leftDue.length === 0) io.out('No rotation is due.\n');
        printRotations(io, run);
      });
    });

  team
    .command('recover')
    .description(
      "Restore the vault's keys for yourself (an admin on a machine whose keychain is new) with the recovery kit " +
        '`team create` printed; audited.',
    )
    .requiredOption('--kit <file>', 'a file holding the kit, or - to read it from standard input')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample:\n  lotsen team recover --kit - < /media/usb/lotsen-kit.txt')
    .action(async (options: { kit: string; json?: boolean }) => {
      const kit = await readKit(options.kit);
      await asMember(io, async (_client, call) => {
        const recovered = await call('team.recover', { kit });
        if (options.json) return printJson(io, recovered);
        io.out(
          `The recovery kit (fingerprint ${recovered.kitFingerprint}) restored your keys to: ` +
            `${recovered.trees.join(', ') || 'nothing (no tree has a recovery wrap)'}.\n` +
            'Give the other members theirs with `lotsen team grant-keys`.\n',
        );
      });
    });

  team
    .command('departing')
    .description(
      "What a member (current or removed) revealed or used of customers' secrets, to have those passwords changed (admins only).",
    )
    .requiredOption('--member <id-or-email>', "the member's id or e-mail address")
    .option('--json', 'print the list as JSON')
    .action(async (options: { member: string; json?: boolean }) => {
      await asMember(io, async (client) => {
        const member = findMember(await listMembers(client, { removed: true }), options.member);
        const report = await departingSecrets(client, member.userId);
        if (options.json) return printJson(io, report);
        printDeparting(io, member.name, report);
      });
    });
  team
    .command('import-local')
    .description(
      "Bring a local store (Lotsen used alone) into this team database in one transaction, all or nothing: its registry, agreements, tickets, sessions' books, recordings and time, its audit log kept as a verified segment linked to the team's. The local files are only read. Run it in your team folder; the local user becomes you.",
    )
    .requiredOption('--from <folder>', "the local store's data folder (its LOTSEN_HOME)")
    .requiredOption(
      '--database <admin-url>',
      `${ADMIN_URL_HELP}. The rows go in as the team's owner: no one work role may write all a local store holds`,
    )
    .option('--insecure', 'allow a host other than this machine without TLS (a trusted network only)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      "\nThe local store's passphrase comes from LOTSEN_FROM_PASSPHRASE or LOTSEN_FROM_PASSPHRASE_FILE, else this folder's.\n" +
        'Example:\n  PGPASSWORD=… lotsen team import-local --from ~/.config/Lotsen-alone \\\n' +
        '    --database "postgresql://dba@db.example.se/lotsen_team?sslmode=verify-full"',
    )
    .action((options: ImportLocalOptions) => importLocalCommand(io, options));
  return team;
}

/**
 * Runs `use` on this folder's team database as its member (unlocking Lotsen, which unlocks the login): with a
 * client for the member functions, and the API for what the vault's keys take part in (rotation).
 */
async function asMember(
  io: CliIo,
  use: (client: TeamClient, call: CliSession['call']) => Promise<void>,
): Promise<void> {
  const session = await openBackend(io, { unlock: 'if-possible' });
  try {
    await use(await memberTeamClient(session.backend), (method, input) => session.call(method, input));
  } finally {
    await session.close();
  }
}

function findMember(members: TeamMember[], wanted: string): TeamMember {
  const key = wanted.trim().toLowerCase();
  // A removed member's address may belong to a current member again: the current one is meant.
  const matching = members.filter((m) => m.userId === key || m.email.toLowerCase() === key);
  const found = matching.find((m) => m.state !== 'removed') ?? matching[0];
  if (!found) throw new LotsenError('NOT_FOUND', `No current member has the id or e-mail address ${wanted}.`);
  return found;
}

function stateText(member: TeamMember): string {
  if (member.state !== 'invited') return member.state;
  return member.codeExpiresAt <= Date.now() ? 'invited (code expired)' : 'invited';
}

/** The kit is printed here once and never again: Lotsen keeps no copy. */
function printRecoveryKit(io: CliIo, kit: RecoveryKit): void {
  io.out(
    "\nThe team's recovery kit (shown this once; Lotsen keeps no copy):\n\n" +
      `${kit.text}\n\n` +
      `Fingerprint ${kit.fingerprint}. Print it or write it down and store it offline (a safe), never in a file on\n` +
      'a shared drive or in the team database: whoever holds it can read every secret of the team. It restores an\n' +
      "admin's access if every admin's keychain is lost: `lotsen team recover --kit FILE`.\n\n",
  );
}

function printInvitation(io: CliIo, name: string, invitation: Invitation): void {
  io.out(
    `Enrolment code for ${name} (single use, valid until ${new Date(invitation.expiresAt).toISOString()}):\n\n` +
      `  ${invitation.code}\n\n` +
      `Give it to ${name} by a channel of its own (not with the database URL); on their machine they run\n` +
      `  lotsen init --team <database-url> --enrol <code>\n`,
  );
}

/** The kit from a file or standard input; a kit is one short line, so anything long is not one. */
async function readKit(from: string): Promise<string> {
  const text =
    from === '-'
      ? await new Promise<string>((resolve, reject) => {
          const chunks: Buffer[] = [];
          process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
          process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          process.stdin.on('error', reject);
        })
      : await readFile(from, 'utf8').catch(() => {
          throw new LotsenError('VALIDATION', `Could not read the recovery kit from ${from}.`);
        });
  // The kit's own line, wherever it is in the file (a printout's text around it).
  const line = text.split(/\r?\n/).find((l) => l.includes('LOTSEN-RECOVERY-'));
  if (!line) {
    throw new LotsenError(
      'VALIDATION',
      'That holds no recovery kit: its line starts LOTSEN-RECOVERY-, as `lotsen team create` printed it.',
    );
  }
  return line.trim();
}
