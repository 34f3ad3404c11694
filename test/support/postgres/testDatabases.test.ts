import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asSuperuser, createTestDatabase, runPostgres, type TestDatabase } from './testDatabases.ts';

describe("the run's PostgreSQL", () => {
  let one: TestDatabase;
  let two: TestDatabase;
  beforeAll(async () => {
    [one, two] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([one?.drop(), two?.drop()]);
  });

  test('listens on loopback only, stores SCRAM passwords and refuses a wrong one', async () => {
    const settings = await asSuperuser(one.name, async (client) => {
      const listen = await client.query<{ listen_addresses: string }>('SHOW listen_addresses');
      const hash = await client.query<{ rolpassword: string }>(
        "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'",
      );
      return { listen: listen.rows[0]!.listen_addresses, hash: hash.rows[0]!.rolpassword };
    });
    expect(settings.listen).toBe('127.0.0.1');
    expect(settings.hash).toMatch(/^SCRAM-SHA-256\$/);
    const { port, superuser } = runPostgres();
    const wrong = new pg.Client({
      host: '127.0.0.1',
      port,
      user: superuser.user,
      password: `${superuser.password}x`,
      database: one.name,
    });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
  });

  test("each test file's database is its own", async () => {
    expect(one.name).not.toBe(two.name);
    await asSuperuser(one.name, (client) => client.query('CREATE TABLE only_in_one (id int)'));
    const tables = (name: string) =>
      asSuperuser(
        name,
        async (client) =>
          (
            await client.query<{ n: string }>(
              "SELECT count(*) AS n FROM pg_tables WHERE tablename = 'only_in_one'",
            )
          ).rows[0]!.n,
      );
    expect([await tables(one.name), await tables(two.name)]).toEqual(['1', '0']);
  });

  test('a dropped database is gone', async () => {
    const gone = await createTestDatabase();
    await gone.drop();
    const left = await asSuperuser(
      'postgres',
      async (client) =>
        (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [gone.name])).rowCount,
    );
    expect(left).toBe(0);
  });
});
