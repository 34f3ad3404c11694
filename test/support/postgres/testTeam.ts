import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { UserRole } from '../../../common/registry/vocabulary.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import type { TeamDataSource } from '../../../main/app/dataConfig.node.ts';
import type { SessionManagerOptions } from '../../../main/sessions/sessionManager.node.ts';
import { enrol, enrolmentFor, type EnrolledMember } from '../../../main/team/enrolment.node.ts';
import { parseTeamUrl, type TeamAddress } from '../../../main/team/teamConnection.node.ts';
import { addMember } from '../../../main/team/teamMembers.node.ts';
import { heldTreeKeysOf, type RecoveryKit } from '../../../main/team/teamVault.node.ts';
import { memberKeyPair, type MemberKeyPair } from '../../../main/vault/memberKeyPair.node.ts';
import { createTeam, type Invitation } from '../../../main/team/teamSetup.node.ts';
import {
  asSuperuser,
  createTestDatabase,
  runPostgres,
  superuserUrl,
  type TestDatabase,
} from './testDatabases.ts';
import { apiCaller } from '../apiCaller.ts';
import { TEST_PASSPHRASE } from '../testPassphrase.ts';
import { makeTempDataDir } from '../tempDataDir.ts';

/** A member and the password they log in with: the test's own, or the one their Lotsen derived at enrolment. */
export interface TestMember extends EnrolledMember {
  password: string;
  /** The vault key pair their Lotsen derived (enrolled through a Lotsen only): what opens their wraps. */
  keyPair?: MemberKeyPair;
}

export interface NewMember {
  name: string;
  email: string;
  role: UserRole;
  isAdmin?: boolean;
}

/** What `lotsen init --team URL --enrol CODE` hands Backend.initialize, and the member once it has run. */
export interface TestEnrolment {
  source: TeamDataSource;
  enrol(password: string, keyPair: MemberKeyPair): Promise<void>;
  /** The enrolled member with the password their Lotsen derived (to act as them, e.g. invite others as the admin). */
  member(): TestMember;
}

/** A member's own Lotsen: its data folder, enrolled in the team, unlocked, and its API. */
export interface MemberLotsen {
  member: TestMember;
  backend: Backend;
  call: ReturnType<typeof apiCaller>;
  close(): Promise<void>;
}

export interface TestTeam {
  database: TestDatabase;
  address: TeamAddress;
  /** The database's URL as a member is given it: no user, no password. */
  url: string;
  /** The first member's invitation, made by team create (with the admin right); not enrolled yet. */
  firstMember: Invitation;
  /** The vault's recovery kit team create printed. */
  recoveryKit: RecoveryKit;
  /** A new client logged in as the member with their own password. */
  connect(member: { login: string; password: string }): Promise<pg.Client>;
  /** `lotsen team add-member`, run by `by` (an admin) with their own login. */
  invite(by: TestMember, member: NewMember): Promise<Invitation>;
  /** Enrols an invitation with a password of the test's own (no Lotsen in between). */
  enrolWith(invitation: Invitation, password?: string, keyPair?: MemberKeyPair): Promise<TestMember>;
  /** Invites (as `by`) and enrols a member with a password of their own. */
  enrolNew(by: TestMember, member: NewMember): Promise<TestMember>;
  /** The enrolment `lotsen init --team` runs for an invitation, to give a Backend's initialize. */
  enrolment(invitation: Invitation): TestEnrolment;
  /**
   * Invites a member (as `by`, an admin) and enrols them as `lotsen init --team URL --enrol CODE` does on their
   * machine: a Lotsen of their own makes its key (under the test passphrase), derives the login's password from it
   * and opens the team database as them, with their role.
   */
  enrolLotsen(
    by: TestMember,
    member: NewMember,
    options?: {
      sessions?: SessionManagerOptions;
      /** The port its data source names instead of the server's: an outage proxy's (databaseOutage.ts). */
      port?: number;
    },
  ): Promise<MemberLotsen>;
  drop(): Promise<void>;
}

let serial = 0;
export const newPassword = () => `pw-${process.pid}-${++serial}-${Math.random().toString(36).slice(2)}`;

/**
 * A team database of the test's own, as an admin sets one up: `team create` (the real migrations run as the owner,
 * the group roles named after the database, the rules on every table) with the run's superuser as the admin URL, on
 * a new empty database. The first member is invited (with the admin right) but not enrolled: enrol them with
 * `enrolWith`, or through a Backend with `enrolment`, as `lotsen init --team` does.
 */
export async function createTestTeam(
  firstMember: { name: string; email: string; role: UserRole } = {
    name: 'Ada Admin',
    email: 'ada@leverantor.se',
    role: 'support_lead',
  },
): Promise<TestTeam> {
  const database = await createTestDatabase();
  let created;
  try {
    created = await createTeam({ adminUrl: superuserUrl(database.name), firstMember });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const url = `postgresql://127.0.0.1:${runPostgres().port}/${database.name}`;
  const address = parseTeamUrl(url);
  const connect = async (member: { login: string; password: string }) => {
    const client = new pg.Client({
      host: '127.0.0.1',
      port: runPostgres().port,
      database: database.name,
      user: member.login,
      password: member.password,
    });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  const invite = async (by: TestMember, member: NewMember) => {
    const client = await connect(by);
    try {
      // An admin enrolled through a Lotsen wraps the vault's trees for the invitation, as their app does.
      const vault = by.keyPair
        ? { userId: by.userId, held: heldTreeKeysOf(client, by.userId, by.keyPair.privateKey) }
        : undefined;
      return await addMember(Object.assign(client, vault ? { vault } : {}), {
        isAdmin: false,
        ...member,
      });
    } finally {
      await client.end();
    }
  };
  const enrolWith = async (invitation: Invitation, password = newPassword(), keyPair?: MemberKeyPair) => ({
    ...(await enrol(address, invitation.code, password, keyPair)),
    password,
    ...(keyPair ? { keyPair } : {}),
  });
  const enrolmentOf = (invitation: Invitation): TestEnrolment => {
    const enrolment = enrolmentFor(url, invitation.code);
    let enrolled: TestMember | undefined;
    return {
      source: enrolment.source,
      async enrol(password, keyPair) {
        enrolled = { ...(await enrolment.enrol(password, keyPair)), password, keyPair };
      },
      member() {
        if (!enrolled) throw new Error('This enrolment has not run yet');
        return enrolled;
      },
    };
  };
  return {
    database,
    address,
    url,
    firstMember: created.firstMember,
    recoveryKit: created.recoveryKit!,
    connect,
    invite,
    enrolWith,
    enrolNew: async (by, member) => enrolWith(await invite(by, member)),
    enrolment: enrolmentOf,
    async enrolLotsen(by, member, options = {}) {
      const enrolment = enrolmentOf(await invite(by, member));
      const home = await makeTempDataDir();
      const backend = await Backend.open({ dataDir: home.dir });
      try {
        // Enrolment itself reaches the server directly; the member's Lotsen then works through `port` when given.
        const team =
          options.port === undefined
            ? enrolment
            : { ...enrolment, source: { ...enrolment.source, port: options.port } };
        await backend.initialize({ passphrase: TEST_PASSPHRASE, preference: 'passphrase', team });
      } catch (error) {
        await backend.close();
        await home.cleanup();
        throw error;
      }
      return {
        member: enrolment.member(),
        backend,
        call: apiCaller(createApi(backend, () => undefined, options.sessions ?? {})),
        async close() {
          await backend.close();
          await home.cleanup();
        },
      };
    },
    // The database's roles are cluster-wide: drop the team's logins and groups with it.
    async drop() {
      await database.drop();
      await dropTeamRoles(database.name);
    },
  };
}

async function dropTeamRoles(databaseName: string): Promise<void> {
  await asSuperuser('postgres', async (client) => {
    const { rows } = await client.query<{ rolname: string }>(
      `SELECT rolname FROM pg_roles WHERE rolname LIKE $1 ORDER BY rolname LIKE '%\\_owner' , rolname`,
      [`${databaseName}\\_%`],
    );
    for (const { rolname } of rows) await client.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(rolname)}`);
  });
}

/** Which data source this run's parameterised suites open: `team` in the PostgreSQL project (vitest.config.ts). */
export const DATA_SOURCE_ENV = 'LOTSEN_TEST_DATA_SOURCE';

export function testDataSource(): 'embedded' | 'team' {
  return process.env[DATA_SOURCE_ENV] === 'team' ? 'team' : 'embedded';
}

/** A test team whose first member, an admin support lead, is enrolled with a password of the test's own. */
export async function createTestTeamWithAdmin(): Promise<TestTeamWithAdmin> {
  const team = await createTestTeam();
  try {
    // With a key pair of its own, as an admin's Lotsen has: its invitations carry the vault's trees.
    return {
      ...team,
      admin: await team.enrolWith(team.firstMember, undefined, memberKeyPair(randomBytes(32))),
    };
  } catch (error) {
    await team.drop();
    throw error;
  }
}

export type TestTeamWithAdmin = TestTeam & { admin: TestMember };
