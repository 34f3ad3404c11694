import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDatabaseOutage, type DatabaseOutage } from './databaseOutage.ts';
import { runPostgres } from './testDatabases.ts';

describe('the database outage proxy', () => {
  let outage: DatabaseOutage;
  beforeAll(async () => {
    outage = await startDatabaseOutage();
  });
  afterAll(async () => {
    await outage?.close();
  });

  const client = (connectionTimeoutMillis = 5_000) => {
    const { superuser } = runPostgres();
    const made = new pg.Client({
      host: '127.0.0.1',
      port: outage.port,
      user: superuser.user,
      password: superuser.password,
      database: 'postgres',
      connectionTimeoutMillis,
    });
    made.on('error', () => undefined);
    return made;
  };
  const answer = async (made: pg.Client) => (await made.query<{ n: number }>('SELECT 1 AS n')).rows[0]?.n;

  test('passes connections through, and a cut ends the open ones and refuses new ones until restored', async () => {
    const before = client();
    await before.connect();
    expect(await answer(before)).toBe(1);

    outage.cut('refuse');
    expect(outage.isCut).toBe(true);
    await expect(answer(before)).rejects.toThrow();
    await expect(client().connect()).rejects.toThrow();

    outage.restore();
    const after = client();
    await after.connect();
    expect(await answer(after)).toBe(1);
    await after.end();
  });

  test('a blackhole accepts a connection and never answers it: only the client’s own timeout ends the wait', async () => {
    outage.cut('blackhole');
    const started = Date.now();
    await expect(client(800).connect()).rejects.toThrow(/timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    outage.restore();
    const back = client();
    await back.connect();
    expect(await answer(back)).toBe(1);
    await back.end();
  });
});
