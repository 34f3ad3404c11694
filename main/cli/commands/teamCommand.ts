import { Command, Option } from 'commander';
import { LotsenError } from '../../../common/api/errors.ts';
import { userRoles, type UserRole } from '../../../common/registry/vocabulary.ts';
import { memberTeamClient, type TeamClient } from '../../team/teamClient.ts';
import {
  addMember,
  changeRole,
  listMembers,
  removeMember,
  type TeamMember,
} from '../../team/teamMembers.node.ts';
import { createTeam, upgradeTeam, type Invitation } from '../../team/teamSetup.node.ts';
import { type RecoveryKit } from '../../team/teamVault.node.ts';
import { grantVaultKeys } from '../../team/vaultAccess.node.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { confirmIrreversible } from '../confirmPrompt.node.ts';
import { openBackend } from '../openBackend.node.ts';

const ADMIN_URL_HELP =
  "an administrator's URL of the team's (existing, empty) database, e.g. postgresql://dba@db.example.se/lotsen_team" +
  '?sslmode=verify-full; a role that may create roles. Used for this run only, never stored; its password may come ' +
  'from PGPASSWORD instead of the URL';

export function teamCommand(io: CliIo): Command {
  const team = new Command('team').description(
    "A team's shared PostgreSQL database: set it up, and manage its members (admins only).",
  );
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
      await asMember(io, async (client) => {
        const member = findMember(await listMembers(client), options.member);
        const isAdmin = options.admin ?? member.isAdmin;
        await changeRole(client, { userId: member.userId, role: options.role, isAdmin });
        io.out(`${member.name} is now ${options.role}${isAdmin ? ' with the admin right' : ''}.\n`);
      });
    });

  team
    .command('remove-member')
    .description('Remove a member: drops their login and ends their open connections (admins only).')
    .requiredOption('--member <id-or-email>', "the member's id or e-mail address")
    .option('--yes', 'do not ask for confirmation')
    .action(async (options: { member: string; yes?: boolean }) => {
      await asMember(io, async (client) => {
        const member = findMember(await listMembers(client), options.member);
        const sure = await confirmIrreversible(
          io,
          `Remove ${member.name} (${member.email}) from the team, ending their connections?`,
          options.yes === true,
        );
        if (!sure) return io.out('Nothing was changed.\n');
        const ended = await removeMember(client, member.userId);
        io.out(`${member.name} is removed; ${ended} open connection${ended === 1 ? '' : 's'} ended.\n`);
      });
    });
  return team;
}

/** Runs `use` on this folder's team database as its member (unlocking Lotsen, which unlocks the login). */
async function asMember(io: CliIo, use: (client: TeamClient) => Promise<void>): Promise<void> {
  const session = await openBackend(io, { unlock: 'if-possible' });
  try {
    await use(memberTeamClient(session.backend));
  } finally {
    await session.close();
  }
}

function findMember(members: TeamMember[], wanted: string): TeamMember {
  const key = wanted.trim().toLowerCase();
  const found = members.find((m) => m.userId === key || m.email.toLowerCase() === key);
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
