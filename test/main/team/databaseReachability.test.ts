import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppStatus } from '../../../common/api/contract.ts';
import {
  startDatabaseOutage,
  type DatabaseOutage,
  type OutageKind,
} from '../../support/postgres/databaseOutage.ts';
import { CONNECT_TIMEOUT_MS } from '../../../main/store/teamDatabase.node.ts';
import { asSuperuser, runPostgres } from '../../support/postgres/testDatabases.ts';
import {
  createTestTeamWithAdmin,
  type MemberLotsen,
  type TestTeamWithAdmin,
} from '../../support/postgres/testTeam.ts';

/*
 * A member's Lotsen reaches its team database through a loopback proxy that can cut it off as a server restart does
 * (refused) or as a full-tunnel VPN does (swallowed): the app finds out within seconds, says so in its status, answers
 * calls with DATABASE_UNREACHABLE (no address, login or password in it), and finds the database back by itself.
 */

const until = async (check: () => boolean, withinMs: number): Promise<number> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
};

describe('a member’s Lotsen whose team database goes away', { timeout: 120_000 }, () => {
  let team: TestTeamWithAdmin;
  let outage: DatabaseOutage;
  let lotsen: MemberLotsen;
  const changes: AppStatus['database'][] = [];

  beforeAll(async () => {
    team = await createTestTeamWithAdmin();
    outage = await startDatabaseOutage();
    lotsen = await team.enrolLotsen(
      team.admin,
      { name: 'Tove Tekniker', email: 'tove@leverantor.se', role: 'technician' },
      { port: outage.port },
    );
    lotsen.backend.on('app.statusChanged', (status) => changes.push(status.database));
  });
  afterAll(async () => {
    await lotsen?.close();
    await outage?.close();
    await team?.drop();
  });

  const database = () => lotsen.backend.status().database;

  test('it opens with its database reachable, through the proxy', async () => {
    expect((await lotsen.call.ok('app.status', {})).database).toMatchObject({ state: 'reachable' });
    expect(outage.connectionsForwarded).toBeGreaterThan(0);
  });

  test.each<OutageKind>(['refuse', 'blackhole'])(
    'cut off (%s): unreachable within seconds, said so, and back when the database is',
    async (kind) => {
      const before = changes.length;
      outage.cut(kind);
      const cutAt = Date.now();
      // The pool drops the connections the cut tore down, so the call needs a new one: refused, or never answered.
      await new Promise((resolve) => setTimeout(resolve, 300));

      const asked = Date.now();
      const refused = await lotsen.call.fails('registry.listCustomers', {});
      expect(refused.code).toBe('DATABASE_UNREACHABLE');
      // A refusal is known at once; a swallowed connection only by the pool's connect timeout (5 s), and then
      // within it and some slack for a loaded machine: seconds, not TCP's minutes.
      const took = Date.now() - asked;
      if (kind === 'blackhole') expect(took).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 500);
      expect(took).toBeLessThan(CONNECT_TIMEOUT_MS + 3_000);
      expect(refused.message).toMatch(/team database cannot be reached/);
      for (const secret of [
        lotsen.member.password,
        lotsen.member.login,
        team.database.name,
        '127.0.0.1',
        String(outage.port),
        String(runPostgres().port),
        'Error',
        'ECONN',
        'timeout',
      ]) {
        expect(refused.message).not.toContain(secret);
      }
      expect(JSON.stringify(refused.details ?? {})).not.toContain(lotsen.member.password);

      const lost = database();
      expect(lost.state).toBe('unreachable');
      expect(lost.since).toBeGreaterThanOrEqual(cutAt);
      expect(changes.slice(before)).toEqual([{ state: 'unreachable', since: lost.since }]);
      expect((await lotsen.call.ok('app.status', {})).database).toEqual(lost);

      // Still gone: the probe keeps it unreachable and says nothing new.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(database().state).toBe('unreachable');

      outage.restore();
      // The probe's next try: at most its wait so far doubled (1 s, 2 s, 4 s, ...) plus its own timeout.
      await until(() => database().state === 'reachable', 12_000);
      expect(changes.slice(before).map((c) => c.state)).toEqual(['unreachable', 'reachable']);
      expect(database().since).toBeGreaterThan(lost.since!);
      expect(await lotsen.call.ok('registry.listCustomers', {})).toEqual([]);
    },
  );

  // Last: the member's login stays refused.
  test('a login refused while it was away (the member removed, a password reissued) is an answer, and said as one', async () => {
    outage.cut('refuse');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await lotsen.call.fails('registry.listCustomers', {})).code).toBe('DATABASE_UNREACHABLE');
    await asSuperuser(team.database.name, (client) =>
      client.query(`ALTER ROLE "${lotsen.member.login}" PASSWORD 'reissued-meanwhile-by-an-admin'`),
    );

    outage.restore();
    await until(() => database().state === 'reachable', 12_000);
    const refused = await lotsen.call.fails('registry.listCustomers', {});
    expect(refused.code).toBe('UNAUTHORIZED');
    expect(refused.message).toMatch(/no longer accepts your login/);
  });
});
