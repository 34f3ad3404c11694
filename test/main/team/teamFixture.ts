import pg from 'pg';
import type { UserRole } from '../../../common/registry/vocabulary.ts';
import { enrol, type EnrolledMember } from '../../../main/team/enrolment.node.ts';
import { parseTeamUrl, type TeamAddress } from '../../../main/team/teamConnection.node.ts';
import { addMember } from '../../../main/team/teamMembers.node.ts';
import { createTeam } from '../../../main/team/teamSetup.node.ts';
import {
  createTestDatabase,
  runPostgres,
  superuserUrl,
  type TestDatabase,
} from '../../support/postgres/testDatabases.ts';

export interface TestMember extends EnrolledMember {
  password: string;
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
    drop: () => database.drop(),
  };
}
