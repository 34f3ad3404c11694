import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startPostgres, type PostgresServer } from '../../support/postgres/postgresServer.ts';
import { shiftedClockEnv } from '../../support/shiftedClock.ts';
import {
  lotsenEnv,
  printedLinks,
  repoRoot,
  STARTUP_TIMEOUT_MS,
  stop,
  test as base,
  type LotsenServer,
} from './lotsenServer.ts';

export interface TeamMemberSpec {
  name: string;
  email: string;
  role: 'technician' | 'support_lead' | 'finance';
}

export interface OtherMachine {
  home: string;
  cli(args: string[]): Promise<{ stdout: string }>;
  /**
   * `lotsen serve` in this machine's data folder (stopped with the test): the link it printed first. With `clockAt`
   * (epoch ms) the server's clock starts there and runs at real speed, as `clockStart` does for the embedded fixture;
   * `env` adds to its environment (SHELL, say, for its local terminals).
   */
  serve(options?: { clockAt?: number; env?: NodeJS.ProcessEnv }): Promise<string>;
}

export interface TeamLotsen extends LotsenServer {
  /** The team database's URL as members give it to `lotsen init --team`: no user, no password. */
  teamUrl: string;
  /** Runs `lotsen` in the admin's data folder (beside the running server), as the admin would in a terminal. */
  cli(args: string[]): Promise<{ stdout: string; stderr: string }>;
  /** A second machine joins with a code: `lotsen init --team URL --enrol CODE` in a data folder of its own. */
  enrolElsewhere(code: string): Promise<OtherMachine>;
  /** A second machine runs `lotsen <args>` (as shown to an admin, say) in a data folder of its own. */
  runElsewhere(args: string[]): Promise<OtherMachine>;
}

/**
 * A real team for browser tests: the PostgreSQL (one per Playwright worker, started only when a test asks for a team,
 * so the other specs pay nothing), a database of its own per test set up by `lotsen team create`, its first member
 * enrolled through `lotsen init --team URL --enrol CODE`, and `lotsen serve` in that member's data folder.
 */
export const test = base.extend<
  { teamAdmin: TeamMemberSpec; teamLotsen: TeamLotsen },
  { postgres: PostgresServer }
>({
  postgres: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startPostgres();
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker' },
  ],
  teamAdmin: [{ name: 'Ada Admin', email: 'ada@leverantor.se', role: 'support_lead' }, { option: true }],
  teamLotsen: async ({ postgres, teamAdmin }, use, testInfo) => {
    const database = `lotsen_e2e_${randomBytes(6).toString('hex')}`;
    await superuser(postgres, (client) => client.query(`CREATE DATABASE ${database}`));
    const homes: string[] = [];
    const log: string[] = [];
    let server: ChildProcess | null = null;
    const others: ChildProcess[] = [];
    const serve = (home: string, { clockAt, env }: { clockAt?: number; env?: NodeJS.ProcessEnv } = {}) => {
      const child = spawn(process.execPath, ['bin/lotsen.js', 'serve', '--port', '0'], {
        cwd: repoRoot,
        env: {
          ...lotsenEnv(home),
          ...env,
          ...(clockAt === undefined ? {} : shiftedClockEnv(clockAt - Date.now())),
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      return { child, links: printedLinks(child, log) };
    };
    const newHome = async () => {
      const home = await mkdtemp(join(tmpdir(), 'lotsen-e2e-team-'));
      homes.push(home);
      return home;
    };
    const lotsen = (home: string, args: string[], extra: NodeJS.ProcessEnv = {}) =>
      promisify(execFile)(process.execPath, ['bin/lotsen.js', ...args], {
        cwd: repoRoot,
        env: { ...lotsenEnv(home), ...extra },
        timeout: STARTUP_TIMEOUT_MS,
      });
    const elsewhere = async (args: string[]): Promise<OtherMachine> => {
      const other = await newHome();
      await lotsen(other, args);
      return {
        home: other,
        cli: (more) => lotsen(other, more),
        serve(options = {}) {
          const { child, links } = serve(other, options);
          others.push(child);
          return links.first;
        },
      };
    };
    try {
      const home = await newHome();
      const teamUrl = `postgresql://127.0.0.1:${postgres.port}/${database}`;
      // The administrator's password comes from PGPASSWORD, as the README tells a DBA; the URL holds none.
      const created = await lotsen(
        home,
        [
          'team',
          'create',
          '--database',
          `postgresql://${postgres.superuser.user}@127.0.0.1:${postgres.port}/${database}`,
          '--name',
          teamAdmin.name,
          '--email',
          teamAdmin.email,
          '--role',
          teamAdmin.role,
          '--json',
        ],
        { PGPASSWORD: postgres.superuser.password },
      );
      const { code } = (JSON.parse(created.stdout) as { firstMember: { code: string } }).firstMember;
      await lotsen(home, ['init', '--team', teamUrl, '--enrol', code]);
      const admin = serve(home);
      server = admin.child;
      const links = admin.links;
      const url = await links.first;
      await use({
        url,
        origin: new URL(url).origin,
        newLink: links.next,
        home,
        now: Date.now,
        teamUrl,
        cli: (args) => lotsen(home, args),
        enrolElsewhere: (enrolCode) => elsewhere(['init', '--team', teamUrl, '--enrol', enrolCode]),
        runElsewhere: elsewhere,
      });
    } finally {
      await Promise.all([...others, ...(server ? [server] : [])].map(stop));
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('lotsen-serve.log', {
          body: log.filter((line) => !line.includes('token=')).join('\n'),
          contentType: 'text/plain',
        });
      }
      await Promise.all(homes.map((home) => rm(home, { recursive: true, force: true })));
      await superuser(postgres, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    }
  },
});

export { expect } from './lotsenServer.ts';

async function superuser<T>(postgres: PostgresServer, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgres.superuserUrl() });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
