import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { booksOf } from '../../../main/team/outbox/sessionBooks.ts';
import { startDatabaseOutage, type DatabaseOutage } from '../../support/postgres/databaseOutage.ts';
import {
  createTestTeamWithAdmin,
  type MemberLotsen,
  type TestTeamWithAdmin,
} from '../../support/postgres/testTeam.ts';
import {
  localOpenInput,
  prepareSessionCustomer,
  type PreparedSessionCustomer,
} from '../../support/sessionCustomer.ts';
import { until } from '../../support/until.ts';

/*
 * Starting a new session while the team database cannot be reached: refused with DATABASE_UNREACHABLE and the reason,
 * unless this Lotsen fetched the ticket's eligibility verdict within the hour; then the session starts on it, says
 * which verdict (its time) and is audited as such. The member's clock is the test's, so an hour can pass at once.
 */

const MINUTE = 60_000;
/** Never connected to: the sessions here are local terminals on the ticket. */
const RECORDED_SERVER = { host: 'wap01.kalmar.se', port: 22, username: 'svc_lotsen', secret: 'ej-använd' };

describe('a new session while the team database is away', { timeout: 180_000 }, () => {
  let team: TestTeamWithAdmin;
  let outage: DatabaseOutage;
  let lotsen: MemberLotsen;
  let prepared: PreparedSessionCustomer;
  let otherTicket: string;
  let shift = 0;
  const now = () => Date.now() + shift;
  /** When the gate fetched the verdict: after the test asked, before the session's row was written. */
  let fetchedAt: number;
  let asked: number;
  let openedAt: number;

  beforeAll(async () => {
    team = await createTestTeamWithAdmin();
    outage = await startDatabaseOutage();
    lotsen = await team.enrolLotsen(
      team.admin,
      { name: 'Tove Tekniker', email: 'tove@leverantor.se', role: 'support_lead' },
      { port: outage.port, now, sessions: { shell: '/bin/sh' } },
    );
    prepared = await prepareSessionCustomer(lotsen.call, RECORDED_SERVER);
    otherTicket = (
      await lotsen.call.ok('tickets.save', {
        ticket: {
          customerId: prepared.customer.id,
          requesterName: 'Åsa Öberg',
          requesterEmail: 'asa.oberg@kalmar.se',
          subject: 'AD FS-certifikatet går ut',
          externalRef: 'HD-4712',
          environmentId: prepared.environment.id,
          receivedAt: Date.now() - MINUTE,
        },
      })
    ).id;
    // With the database there, the gate fetches the verdict, and this Lotsen keeps it.
    asked = now();
    const first = await lotsen.call.ok('sessions.open', localOpenInput(prepared));
    openedAt = first.openedAt;
    expect(first.verdictCachedAt).toBeUndefined();
    await lotsen.call.ok('sessions.close', { sessionId: first.id });
  });
  afterAll(async () => {
    await lotsen?.close();
    await outage?.close();
    await team?.drop();
  });

  /** Cuts the database off and lets a call find it out, as the app's next call would. */
  const cutOff = async () => {
    outage.cut('refuse');
    expect((await lotsen.call.fails('registry.listCustomers', {})).code).toBe('DATABASE_UNREACHABLE');
    expect(lotsen.backend.status().database.state).toBe('unreachable');
  };
  const backAgain = async () => {
    outage.restore();
    const started = Date.now();
    while (lotsen.backend.status().database.state !== 'reachable') {
      if (Date.now() - started > 15_000) throw new Error('the database did not come back');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  test('a ticket whose verdict was never fetched here is refused, saying why', async () => {
    await cutOff();
    const refused = await lotsen.call.fails('sessions.open', {
      ...localOpenInput(prepared),
      ticketId: otherTicket,
    });
    expect(refused.code).toBe('DATABASE_UNREACHABLE');
    expect(refused.message).toContain('not checked for this ticket and environment on this machine');
    expect(refused.message).toContain('A new session needs a verdict from within the hour');
    expect(refused.message).not.toContain('127.0.0.1');
    expect(refused.message).not.toContain(lotsen.member.login);
    await backAgain();
  });

  test('a verdict fetched 61 minutes ago is too old', async () => {
    shift = 61 * MINUTE;
    try {
      await cutOff();
      const refused = await lotsen.call.fails('sessions.open', localOpenInput(prepared));
      expect(refused.code).toBe('DATABASE_UNREACHABLE');
      expect(refused.message).toContain('is more than an hour old');
      fetchedAt = (refused.details as { verdictFetchedAt: number }).verdictFetchedAt;
      expect(fetchedAt).toBeGreaterThanOrEqual(asked);
      expect(fetchedAt).toBeLessThanOrEqual(openedAt);
      await backAgain();
    } finally {
      shift = 0;
    }
  });

  test('a verdict fetched 50 minutes ago starts the session, which says which verdict, and is audited', async () => {
    shift = 50 * MINUTE;
    try {
      await cutOff();
      // The database answers again, but this Lotsen has not found out yet (its probe waits a second): the gate goes
      // by what it knows, the cached verdict, and the session's own books reach the database.
      outage.restore();
      const opened = await lotsen.call.ok('sessions.open', localOpenInput(prepared));
      expect(opened.verdictCachedAt).toBe(fetchedAt);
      const [listed] = await lotsen.call.ok('sessions.list', { live: true });
      expect(listed).toMatchObject({ id: opened.id, verdictCachedAt: fetchedAt });

      // Its cached-verdict event goes with its books: a first write that met a connection the cut tore down waits in
      // the local queue for the drain, a moment later.
      await until('its books written', () => booksOf(lotsen.backend).waiting() === 0);
      const [audited] = await lotsen.call.ok('audit.list', { event: 'session.cached_verdict' });
      expect(audited).toMatchObject({
        event: 'session.cached_verdict',
        subjectType: 'session',
        subjectId: opened.id,
        details: {
          ticketId: prepared.ticket.id,
          customerId: prepared.customer.id,
          environmentId: prepared.environment.id,
          verdictFetchedAt: fetchedAt,
        },
      });
      expect(Object.keys(audited!.details).sort()).toEqual([
        'customerId',
        'environmentId',
        'ticketId',
        'verdictFetchedAt',
      ]);
      await lotsen.call.ok('sessions.close', { sessionId: opened.id });
      expect(lotsen.backend.status().database.state).toBe('reachable');
    } finally {
      shift = 0;
    }
  });
});
