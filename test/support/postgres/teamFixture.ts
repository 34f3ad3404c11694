import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { TeamDataSource } from '../../../main/app/dataConfig.node.ts';
import { TEAM_SCHEMA } from '../../../main/store/teamDatabase.node.ts';
import { asSuperuser, createMigratedTestDatabase, runPostgres, type TestDatabase } from './testDatabases.ts';

/** Which data source this run's parameterised suites open: `team` in the PostgreSQL project (vitest.config.ts). */
export const DATA_SOURCE_ENV = 'LOTSEN_TEST_DATA_SOURCE';

export function testDataSource(): 'embedded' | 'team' {
  return process.env[DATA_SOURCE_ENV] === 'team' ? 'team' : 'embedded';
}

export interface TeamFixture {
  database: TestDatabase;
  source: TeamDataSource;
  /** Makes the login with the password its Lotsen derived, and its member row: stands in for enrolment. */
  enrol(password: string): Promise<void>;
  drop(): Promise<void>;
}

/**
 * A team database of the test's own (a copy of the run's migrated template) and one member login for it, made with
 * superuser rights as fixture set-up. The login gets every privilege on Lotsen's tables and owns nothing: until
 * main/team/'s roles and member functions are merged this stands in for `team create` + `add-member` + enrolment,
 * and the store and service suites only need a member who may do everything (the rules have their own tests).
 */
export async function teamFixture(user: { name: string; email: string; role: string }): Promise<TeamFixture> {
  const database = await createMigratedTestDatabase();
  const login = `${database.name}_m_${randomBytes(4).toString('hex')}`;
  const source: TeamDataSource = {
    kind: 'team',
    host: '127.0.0.1',
    port: runPostgres().port,
    database: database.name,
    login,
    tls: { mode: 'disable' },
  };
  return {
    database,
    source,
    enrol: (password) =>
      asSuperuser(database.name, async (client) => {
        const role = pg.escapeIdentifier(login);
        await client.query(`CREATE ROLE ${role} LOGIN PASSWORD ${pg.escapeLiteral(password)}`);
        await client.query(`GRANT USAGE ON SCHEMA ${TEAM_SCHEMA} TO ${role}`);
        await client.query(`GRANT ALL ON ALL TABLES IN SCHEMA ${TEAM_SCHEMA} TO ${role}`);
        const id = randomUUID();
        await client.query(
          `INSERT INTO ${TEAM_SCHEMA}.users (id, name, email, role, is_local, created_at) VALUES ($1, $2, $3, $4, 0, $5)`,
          [id, user.name, user.email, user.role, Date.now()],
        );
        await client.query(`INSERT INTO ${TEAM_SCHEMA}.team_members (user_id, login) VALUES ($1, $2)`, [
          id,
          login,
        ]);
      }),
    async drop() {
      await database.drop();
      await asSuperuser('postgres', (client) =>
        client.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(login)}`),
      );
    },
  };
}
