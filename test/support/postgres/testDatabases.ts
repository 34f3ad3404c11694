import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by test/globalSetup.ts for the run's PostgreSQL: where it listens and its superuser's password. */
export const POSTGRES_ENV = 'LOTSEN_TEST_POSTGRES';

export interface RunPostgres {
  port: number;
  superuser: { user: string; password: string };
  /** The database with every migration applied, built once per run (templateDatabase.ts); copies are cheap. */
  template?: string;
}

export function runPostgres(): RunPostgres {
  const value = process.env[POSTGRES_ENV];
  if (!value)
    throw new Error(`${POSTGRES_ENV} is not set: the run's PostgreSQL starts in test/globalSetup.ts`);
  return JSON.parse(value) as RunPostgres;
}

export function superuserUrl(database = 'postgres'): string {
  const { port, superuser } = runPostgres();
  return `postgresql://${superuser.user}:${encodeURIComponent(superuser.password)}@127.0.0.1:${port}/${database}`;
}

/** Runs statements as the cluster's superuser on one database: for the fixture's set-up, never for a rule's test. */
export async function asSuperuser<T>(database: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: superuserUrl(database) });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  readonly name: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database of its own for a test file, so files running in parallel never meet. Names are lower-case
 * and random: parallel files and a database left by a crashed run never collide.
 */
export async function createTestDatabase(options: { template?: string } = {}): Promise<TestDatabase> {
  return createDatabase(options.template);
}

/** A database of its own, already migrated: a copy of the run's template (no migration runs per test file). */
export async function createMigratedTestDatabase(): Promise<TestDatabase> {
  const { template } = runPostgres();
  if (!template) throw new Error("The run's template database was not built (test/globalSetup.ts)");
  return createDatabase(template);
}

async function createDatabase(template: string | undefined): Promise<TestDatabase> {
  const name = `lotsen_test_${randomBytes(6).toString('hex')}`;
  await asSuperuser('postgres', (client) =>
    client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : ''}`),
  );
  return {
    name,
    async drop() {
      await asSuperuser('postgres', (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
