import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHANGE_CHANNEL } from '../../../../main/store/changeFeed/changeChannel.ts';
import { followStoreChanges } from '../../../../main/store/changeFeed/followStoreChanges.node.ts';
import {
  LISTENER_APPLICATION_NAME,
  listenForTeamChanges,
} from '../../../../main/store/changeFeed/teamChangeListener.node.ts';
import { recordEvents } from '../../../support/backendEvents.ts';
import { prepareBillingCustomer } from '../../../support/billingCustomer.ts';
import { orgNumber } from '../../../support/orgNumbers.ts';
import { TEST_PASSPHRASE } from '../../../support/testPassphrase.ts';
import { asSuperuser, runPostgres } from '../../../support/postgres/testDatabases.ts';
import {
  createTestTeamWithAdmin,
  type MemberLotsen,
  type TestTeamWithAdmin,
} from '../../../support/postgres/testTeam.ts';
import { teamPeople } from '../../../support/postgres/teamPeople.ts';

/*
 * Two members' Lotsens on one team database, each following it as the app does (followStoreChanges): what one
 * writes reaches the other's backend as the events its own handlers would emit, within the 2 s the issue asks, and
 * a listener whose connection the server kills comes back by itself and says so.
 */

const EVENTS = ['registry.changed', 'tickets.changed', 'billing.changed', 'store.resynced'] as const;

let team: TestTeamWithAdmin;
let lead: MemberLotsen;
let finance: MemberLotsen;
let leadEvents: ReturnType<typeof recordEvents>;
let financeEvents: ReturnType<typeof recordEvents>;

/** A day in the month before this one (Swedish time), and that month: ended, so finance may approve it. */
const lastMonth = () => {
  const firstOfThisMonth = new Date();
  firstOfThisMonth.setUTCDate(1);
  const day = firstOfThisMonth.getTime() - 10 * 86_400_000;
  return { day, month: new Date(day).toISOString().slice(0, 7) };
};

beforeAll(async () => {
  team = await createTestTeamWithAdmin();
  lead = await team.enrolLotsen(team.admin, teamPeople.lena);
  finance = await team.enrolLotsen(team.admin, teamPeople.fia);
  for (const member of [lead, finance]) followStoreChanges(member.backend);
  leadEvents = recordEvents(lead.backend, EVENTS);
  financeEvents = recordEvents(finance.backend, EVENTS);
  // Each listener is up once its own connection shows in pg_stat_activity.
  await listenerPids(finance.member.login, 1);
  await listenerPids(lead.member.login, 1);
}, 120_000);

afterAll(async () => {
  leadEvents?.stop();
  financeEvents?.stop();
  await lead?.close();
  await finance?.close();
  await team?.drop();
});

/** The listener connections of one login, waiting until there are `count` of them. */
async function listenerPids(login: string, count: number): Promise<number[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const pids = await asSuperuser(team.database.name, async (client) =>
      (
        await client.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE usename = $1 AND application_name = $2',
          [login, LISTENER_APPLICATION_NAME],
        )
      ).rows.map((r) => r.pid),
    );
    if (pids.length === count || Date.now() > deadline) return pids;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the change feed of a team database', () => {
  test("a customer one member saves reaches the other member's backend as registry.changed within 2 s", async () => {
    const customer = await lead.call.ok('registry.createCustomer', {
      name: 'Kalmar kommun',
      orgNumber: orgNumber('212000', 11),
      kind: 'municipality',
    });
    await financeEvents.next('registry.changed', (p) => p.customerId === customer.id);

    financeEvents.clear();
    const started = Date.now();
    await lead.call.ok('registry.updateCustomer', {
      id: customer.id,
      rowVersion: customer.rowVersion,
      customer: { name: 'Kalmar kommun (ny)', orgNumber: customer.orgNumber, kind: 'municipality' },
    });
    await financeEvents.next('registry.changed', (p) => p.customerId === customer.id);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test("a ticket escalated by the support lead, and a month finance approves, reach the other's backend", async () => {
    const { day, month } = lastMonth();
    const prepared = await prepareBillingCustomer(lead.call, {
      name: 'Nybro kommun',
      serial: 12,
      receivedAt: day - 3_600_000,
    });
    const ticket = prepared.standardTicket;
    const entry = await lead.call.ok('time.addManual', {
      ticketId: ticket.id,
      startedAt: day,
      endedAt: day + 1_800_000,
      note: 'telefon',
    });

    financeEvents.clear();
    await lead.call.ok('tickets.escalate', { id: ticket.id });
    await financeEvents.next(
      'tickets.changed',
      (p) => p.ticketId === ticket.id && p.customerId === prepared.customer.id,
    );

    await finance.call.ok('time.classify', {
      entryId: entry.id,
      rowVersion: entry.rowVersion,
      classification: 'included',
    });
    leadEvents.clear();
    await finance.call.ok('billing.approveMonth', { month, customerId: prepared.customer.id });
    await leadEvents.next(
      'billing.changed',
      (p) => p.month === month && p.customerId === prepared.customer.id,
    );
  });

  test('an import of many customers comes as one event, not one per row', async () => {
    // Under load the tests before may still have events on their way (CI saw one arrive after the clear): start from
    // a feed that has been quiet for 300 ms.
    for (let count = -1; count !== financeEvents.seen.length;) {
      count = financeEvents.seen.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    financeEvents.clear();
    const customers = Array.from({ length: 60 }, (_, i) => ({
      name: `Skola ${i}`,
      orgNumber: orgNumber('212000', 100 + i),
      kind: 'municipality' as const,
    }));
    await lead.call.ok('registry.import', {
      file: { format: 'lotsen-registry', version: 1, customers } as never,
    });
    await financeEvents.next('registry.changed', (p) => p.customerId === null);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(financeEvents.seen.filter((s) => s.event === 'registry.changed')).toHaveLength(1);
  });

  test('a listener whose connection the server ends connects again and emits store.resynced, then follows on', async () => {
    const [pid] = await listenerPids(finance.member.login, 1);
    expect(pid).toBeDefined();
    financeEvents.clear();
    await asSuperuser(team.database.name, (client) => client.query('SELECT pg_terminate_backend($1)', [pid]));
    await financeEvents.next('store.resynced', (p) => p.reason === 'reconnected');
    const [again] = await listenerPids(finance.member.login, 1);
    expect(again).not.toBe(pid);

    const customer = await lead.call.ok('registry.createCustomer', {
      name: 'Emmaboda kommun',
      orgNumber: orgNumber('212000', 13),
      kind: 'municipality',
    });
    await financeEvents.next('registry.changed', (p) => p.customerId === customer.id);
  });

  test('a notification carries ids only: no name, no org number, well under 8000 bytes', async () => {
    const listener = await team.connect(team.admin);
    const payloads: string[] = [];
    listener.on('notification', (m) => payloads.push(m.payload ?? ''));
    await listener.query(`LISTEN ${CHANGE_CHANNEL}`);
    try {
      const name = 'Hemliga skolan Åsa Öberg';
      const customer = await lead.call.ok('registry.createCustomer', {
        name,
        orgNumber: orgNumber('212000', 14),
        kind: 'municipality',
        notes: 'Rektor: Åsa Öberg, 070-123 45 67',
      });
      await lead.call.ok('registry.saveContact', {
        customerId: customer.id,
        contact: { name: 'Åsa Öberg', email: 'asa.oberg@skolan.se' },
      });
      const deadline = Date.now() + 2_000;
      while (payloads.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(payloads.length).toBeGreaterThanOrEqual(2);
      for (const payload of payloads) {
        // The phone number whole: a random id may hold "070" in its hex.
        expect(payload).not.toMatch(/Hemliga|Åsa|Öberg|asa\.oberg|070-123|212000/);
        expect(Buffer.byteLength(payload)).toBeLessThan(400);
        expect(
          Object.keys(JSON.parse(payload)).every((k) =>
            ['table', 'op', 'id', 'customerId', 'ticketId', 'month'].includes(k),
          ),
        ).toBe(true);
      }
      expect(payloads.map((p) => JSON.parse(p))).toEqual(
        expect.arrayContaining([
          { table: 'customers', op: 'insert', id: customer.id, customerId: customer.id },
          expect.objectContaining({ table: 'contacts', op: 'insert', customerId: customer.id }),
        ]),
      );
    } finally {
      await listener.end();
    }
  });
});

describe('the listener closes with the store', () => {
  test('locking ends its connection; unlocking starts a new one', async () => {
    await finance.backend.lock();
    expect(await listenerPids(finance.member.login, 0)).toEqual([]);
    await finance.backend.unlock(TEST_PASSPHRASE);
    expect(await listenerPids(finance.member.login, 1)).toHaveLength(1);
  });
});

describe('a login the server refuses', () => {
  test('is not tried again and again: the member was removed, or their password is no longer theirs', async () => {
    let tries = 0;
    const feed = await listenForTeamChanges({
      newClient: () => {
        tries += 1;
        const client = new pg.Client({
          host: '127.0.0.1',
          port: runPostgres().port,
          database: team.database.name,
          user: finance.member.login,
          password: 'not-the-password',
        });
        client.on('error', () => undefined);
        return client;
      },
      emit: () => undefined,
      firstRetryMs: 50,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await feed.close();
    expect(tries).toBe(1);
  });
});
