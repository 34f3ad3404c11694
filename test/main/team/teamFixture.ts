import pg from 'pg';
import type { UserRole } from '../../../common/registry/vocabulary.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import type { SessionManagerOptions } from '../../../main/sessions/sessionManager.node.ts';
import { enrol, enrolmentFor, type EnrolledMember } from '../../../main/team/enrolment.node.ts';
import { parseTeamUrl, type TeamAddress } from '../../../main/team/teamConnection.node.ts';
import { addMember } from '../../../main/team/teamMembers.node.ts';
import { createTeam } from '../../../main/team/teamSetup.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { TEST_PASSPHRASE } from '../../support/passphraseBackend.ts';
import {
  createTestDatabase,
  runPostgres,
  superuserUrl,
  type TestDatabase,
} from '../../support/postgres/testDatabases.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

export interface TestMember extends EnrolledMember {
  password: string;
}

/** A member's own Lotsen: its data folder, enrolled in the team, unlocked, and its API. */
export interface MemberLotsen {
  member: EnrolledMember;
  backend: Backend;
  call: ReturnType<typeof apiCaller>;
  close(): Promise<void>;
}

export interface TestTeam {
  database: TestDatabase;
  address: TeamAddress;
  admin: TestMember;
  /** A new client logged in as the member with their own password. */
  connect(member: { login: string; password: string }): Promise<pg.Client>;
  /** Invites (as `by`, an admin) and enrols a member with a password of their own. */
  enrolNew(
    by: TestMember,
    member: { name: string; email: string; role: UserRole; isAdmin?: boolean },
  ): Promise<TestMember>;
  /**
   * Invites a member (as `by`, an admin) and enrols them as `lotsen init --team URL --enrol CODE` does on their
   * machine: a Lotsen of their own makes its key (under the test passphrase), derives the login's password from it
   * and opens the team database as them, with their role.
   */
  enrolLotsen(
    by: TestMember,
    member: { name: string; email: string; role: UserRole; isAdmin?: boolean },
    options?: { sessions?: SessionManagerOptions },
  ): Promise<MemberLotsen>;
  drop(): Promise<void>;
}

let serial = 0;
export const newPassword = () => `pw-${process.pid}-${++serial}-${Math.random().toString(36).slice(2)}`;

/**
 * A test database with a team: made by team create (the real migrations, as the owner) with the superuser as the
 * admin URL, and the first member enrolled.
 */
export async function createTestTeam(): Promise<TestTeam> {
  const database = await createTestDatabase();
  const address = parseTeamUrl(superuserUrl(database.name));
  const created = await createTeam({
    adminUrl: superuserUrl(database.name),
    firstMember: { name: 'Ada Admin', email: 'ada@leverantor.se', role: 'support_lead' },
  });
  const password = newPassword();
  const admin = { ...(await enrol(address, created.firstMember.code, password)), password };
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
  return {
    database,
    address,
    admin,
    connect,
    async enrolNew(by, member) {
      const client = await connect(by);
      try {
        const invitation = await addMember(client, { isAdmin: false, ...member });
        const memberPassword = newPassword();
        return { ...(await enrol(address, invitation.code, memberPassword)), password: memberPassword };
      } finally {
        await client.end();
      }
    },
    async enrolLotsen(by, member, options = {}) {
      const client = await connect(by);
      let code: string;
      try {
        code = (await addMember(client, { isAdmin: false, ...member })).code;
      } finally {
        await client.end();
      }
      const home = await makeTempDataDir();
      const backend = await Backend.open({ dataDir: home.dir });
      const enrolment = enrolmentFor(`postgresql://127.0.0.1:${runPostgres().port}/${database.name}`, code);
      let enrolled: EnrolledMember | undefined;
      try {
        await backend.initialize({
          passphrase: TEST_PASSPHRASE,
          preference: 'passphrase',
          team: {
            source: enrolment.source,
            enrol: async (password) => {
              enrolled = await enrolment.enrol(password);
            },
          },
        });
      } catch (error) {
        await backend.close();
        await home.cleanup();
        throw error;
      }
      return {
        member: enrolled!,
        backend,
        call: apiCaller(createApi(backend, () => undefined, options.sessions ?? {})),
        async close() {
          await backend.close();
          await home.cleanup();
        },
      };
    },
    drop: () => database.drop(),
  };
}
