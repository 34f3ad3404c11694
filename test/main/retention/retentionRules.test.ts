import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { sealPersonal } from '../../../main/personalData/personalDataKeys.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { prepareBillingCustomer } from '../../support/billingCustomer.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { fileTicket, setTicketStatus } from '../../support/ticketLife.ts';
import { triggerDefinitions } from '../../support/storeTampering.ts';
import { failInserts } from '../../support/writeFailure.ts';
import { testDataSource } from '../../support/postgres/testTeam.ts';

const teamRun = testDataSource() === 'team';

/*
 * The summer purge's rules on a store whose clock the test moves. Each ticket's fields are sealed under its own data
 * key, made when it is filed; the tests watch those keys.
 */

const at = (iso: string) => Date.parse(iso);
const clock = { now: at('2027-01-10T09:00:00+01:00') };
let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
let customer: Awaited<ReturnType<typeof prepareBillingCustomer>>;

beforeEach(async () => {
  clock.now = at('2027-01-10T09:00:00+01:00');
  opened = await openPassphraseBackend({ now: () => clock.now });
  call = apiCaller(createApi(opened.backend, () => undefined));
  customer = await prepareBillingCustomer(call, { receivedAt: at('2027-01-04T08:00:00+01:00') });
});
afterEach(async () => opened.cleanup());

const db = () => opened.backend.registryContext().db;

async function ticketAt(iso: string, ref: string, email = 'anna.larsson@vaxjo.se') {
  clock.now = at(iso);
  const ticket = await fileTicket(call, {
    customerId: customer.customer.id,
    requesterName: 'Anna Larsson',
    requesterEmail: email,
    subject: `Inloggning ${ref}`,
    externalRef: ref,
    receivedAt: clock.now,
  });
  return ticket;
}

/** Everything a purge changes: the data keys, the tickets' purge marks, the runs and the audit log. */
const purgeState = async () => ({
  keys: await keyOwners(),
  tickets: await db().selectFrom('tickets').select(['id', 'purged_at']).orderBy('id').execute(),
  runs: await db().selectFrom('purge_runs').selectAll().execute(),
  events: await db().selectFrom('audit_events').select('seq').execute(),
});

const keyOwners = async () =>
  (await db().selectFrom('personal_data_keys').select(['owner_kind', 'owner_id']).execute())
    .map((k) => `${k.owner_kind}:${k.owner_id}`)
    .sort();

describe('the summer purge', () => {
  test('the purge takes only tickets closed long enough before the purge date', async () => {
    const old = await ticketAt('2027-04-01T09:00:00+02:00', 'HD-1');
    await setTicketStatus(call, old, 'closed');
    const resolved = await ticketAt('2027-04-02T09:00:00+02:00', 'HD-2');
    await setTicketStatus(call, resolved, 'resolved');
    const justOldEnough = await ticketAt('2027-05-25T09:00:00+02:00', 'HD-7');
    clock.now = at('2027-05-31T23:30:00+02:00'); // the last half hour before the cutoff day, 1 June
    await setTicketStatus(call, justOldEnough, 'closed');
    const recent = await ticketAt('2027-05-20T09:00:00+02:00', 'HD-3');
    clock.now = at('2027-06-01T00:30:00+02:00'); // the cutoff day's first hour, Swedish time (still May in UTC)
    await setTicketStatus(call, recent, 'closed');
    const stillOpen = await ticketAt('2027-02-01T09:00:00+01:00', 'HD-4');
    const laterTime = await ticketAt('2027-03-01T09:00:00+01:00', 'HD-5');
    await setTicketStatus(call, laterTime, 'closed');
    clock.now = at('2027-06-20T12:00:00+02:00');
    await call.ok('time.addManual', {
      ticketId: laterTime.id,
      startedAt: at('2027-06-15T09:00:00+02:00'),
      endedAt: at('2027-06-15T10:00:00+02:00'),
    });
    const timed = await ticketAt('2027-03-02T09:00:00+01:00', 'HD-6');
    await setTicketStatus(call, timed, 'closed');
    clock.now = at('2027-03-03T09:00:00+01:00');
    await call.ok('time.startTimer', { ticketId: timed.id });
    for (const month of ['2027-04', '2027-05', '2027-06']) {
      await sealPersonal(db(), { kind: 'month', id: month }, 'a reveal’s purpose');
    }

    clock.now = at('2027-06-30T12:00:00+02:00');
    const preview = await call.ok('retention.preview', { date: '2027-07-01' });
    expect(preview.cutoffDate).toBe('2027-06-01');
    expect(preview.tickets.map((t) => t.externalRef)).toEqual(['HD-1', 'HD-2', 'HD-7']);
    expect(preview.customers).toEqual([
      { customerId: customer.customer.id, customerName: 'Växjö kommun', tickets: 3 },
    ]);
    expect(preview.months).toEqual(['2027-04', '2027-05']);

    clock.now = at('2027-07-01T08:00:00+02:00');
    const status = await call.ok('retention.status', {});
    expect(status).toMatchObject({ today: '2027-07-01', due: true, nextPurgeDate: '2027-07-01' });
    const run = await call.ok('retention.purge', {});
    expect(run).toMatchObject({ purgeDate: '2027-07-01', tickets: 3, monthKeys: 2, keysDestroyed: 5 });
    const kept = [recent, stillOpen, laterTime, timed].map((t) => `ticket:${t.id}`);
    const gone = [old, resolved, justOldEnough].map((t) => `ticket:${t.id}`);
    const owners = await keyOwners();
    expect(owners).toEqual(expect.arrayContaining([...kept, 'month:2027-06']));
    for (const owner of [...gone, 'month:2027-04', 'month:2027-05']) expect(owners).not.toContain(owner);
    const purged = await db().selectFrom('tickets').select(['external_ref', 'purged_at']).execute();
    expect(
      purged
        .filter((t) => t.purged_at !== null)
        .map((t) => t.external_ref)
        .sort(),
    ).toEqual(['HD-1', 'HD-2', 'HD-7']);

    // Purged once this summer: the next is next summer, and purging again is refused, taking nothing.
    const after = await call.ok('retention.status', {});
    expect(after).toMatchObject({ due: false, nextPurgeDate: '2028-07-01', lastRun: { tickets: 3 } });
    clock.now = at('2027-09-01T08:00:00+02:00');
    await setTicketStatus(call, stillOpen, 'closed');
    const state = await purgeState();
    expect(await call.fails('retention.purge', {})).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('2028-07-01'),
      details: { nextPurgeDate: '2028-07-01' },
    });
    expect(await purgeState()).toEqual(state);
  });

  test.skipIf(teamRun)(
    'a purge never touches billing lines, time entries or audit events — embedded only until the team fixture has a second member: finance approves the month',
    async () => {
      const ticket = customer.standardTicket;
      clock.now = at('2027-01-20T12:00:00+01:00');
      const entry = await call.ok('time.addManual', {
        ticketId: ticket.id,
        startedAt: at('2027-01-05T09:00:00+01:00'),
        endedAt: at('2027-01-05T11:00:00+01:00'),
        note: 'Bytte certifikat åt Anna',
      });
      await call.ok('time.classify', {
        entryId: entry.id,
        rowVersion: entry.rowVersion,
        classification: 'billable',
        workType: 'configuration_change',
      });
      clock.now = at('2027-02-03T09:00:00+01:00');
      await setTicketStatus(call, await call.ok('tickets.get', { id: ticket.id }), 'closed');
      await call.ok('billing.approveMonth', { month: '2027-01', customerId: customer.customer.id });
      const rows = async () => ({
        lines: await db().selectFrom('billing_lines').selectAll().execute(),
        batches: await db().selectFrom('billing_batches').selectAll().execute(),
        entries: await db().selectFrom('time_entries').selectAll().execute(),
        events: await db().selectFrom('audit_events').selectAll().orderBy('seq').execute(),
        triggers: await triggerDefinitions(db()),
      });
      const before = await rows();
      expect(before.lines.length).toBeGreaterThan(0);

      clock.now = at('2027-07-01T08:00:00+02:00');
      const run = await call.ok('retention.purge', {});
      expect(run.tickets).toBe(1);
      const after = await rows();
      expect(after.lines).toEqual(before.lines);
      expect(after.batches).toEqual(before.batches);
      expect(after.entries).toEqual(before.entries);
      expect(after.triggers).toEqual(before.triggers);
      expect(after.events.slice(0, before.events.length)).toEqual(before.events);
      expect(after.events.slice(before.events.length).map((e) => e.event)).toEqual(['retention.purged']);
      expect(await call.ok('audit.verify', {})).toMatchObject({ intact: true });
    },
  );

  test('the purge is audited with counts, never content', async () => {
    const ticket = await ticketAt('2027-03-01T09:00:00+01:00', 'HD-77', 'bo.ek@vaxjo.se');
    await setTicketStatus(call, ticket, 'closed');
    clock.now = at('2027-07-01T08:00:00+02:00');
    const run = await call.ok('retention.purge', {});
    const [event] = await call.ok('audit.list', { event: 'retention.purged' });
    expect(event).toMatchObject({ subjectType: 'purge_run', subjectId: run.id });
    expect(event!.details).toEqual({
      purgeDate: '2027-07-01',
      tickets: 1,
      monthKeys: 0,
      keysDestroyed: 1,
      recordings: 0,
      customerIds: [customer.customer.id],
      customerTickets: [1],
    });
    const text = JSON.stringify(event);
    for (const personal of ['Anna', 'bo.ek', 'Inloggning', 'HD-77', 'Växjö'])
      expect(text).not.toContain(personal);
  });

  test('a purge whose audit event cannot be written destroys no key', async () => {
    const ticket = await ticketAt('2027-03-01T09:00:00+01:00', 'HD-8');
    await setTicketStatus(call, ticket, 'closed');
    await sealPersonal(db(), { kind: 'month', id: '2027-03' }, 'a reveal’s purpose');
    await failInserts(db(), 'audit_events', { when: "NEW.event = 'retention.purged'" });
    clock.now = at('2027-07-01T08:00:00+02:00');
    const before = await purgeState();
    expect(before.keys).toEqual(expect.arrayContaining([`ticket:${ticket.id}`, 'month:2027-03']));
    expect(await call.fails('retention.purge', {})).toMatchObject({ code: 'INTERNAL' });
    expect(await purgeState()).toEqual(before);
    expect(await call.ok('retention.status', {})).toMatchObject({ due: true, lastRun: null });
  });

  test('the retention policy is validated, kept and audited', async () => {
    expect(await call.ok('retention.status', {})).toMatchObject({
      policy: { purgeMonthDay: '07-01', keepClosedDays: 30 },
    });
    for (const bad of [
      { purgeMonthDay: '02-29', keepClosedDays: 30 },
      { purgeMonthDay: '7-1', keepClosedDays: 30 },
      { purgeMonthDay: '07-01', keepClosedDays: -1 },
      { purgeMonthDay: '07-01', keepClosedDays: 1.5 },
      { purgeMonthDay: '13-01', keepClosedDays: 30 },
      { purgeMonthDay: '07-01', keepClosedDays: 367 },
      { purgeMonthDay: '07-01' },
      { purgeMonthDay: '07-01', keepClosedDays: 30, purgeEverything: true },
    ]) {
      expect(await call.fails('retention.setPolicy', bad), JSON.stringify(bad)).toMatchObject({
        code: 'VALIDATION',
      });
    }
    // Nothing was kept or audited.
    expect(await call.ok('retention.status', {})).toMatchObject({
      policy: { purgeMonthDay: '07-01', keepClosedDays: 30 },
    });
    expect(await call.ok('audit.list', { event: 'retention.policy_changed' })).toEqual([]);
    for (const date of ['2027-02-30', '1.7.2027', '']) {
      expect(await call.fails('retention.preview', { date })).toMatchObject({ code: 'VALIDATION' });
    }
    const { rowVersion } = (await call.ok('retention.status', {})).policy;
    await call.ok('retention.setPolicy', { purgeMonthDay: '08-15', keepClosedDays: 60, rowVersion });
    const status = await call.ok('retention.status', {});
    expect(status).toMatchObject({ policy: { purgeMonthDay: '08-15', keepClosedDays: 60 }, due: true });
    const [event] = await call.ok('audit.list', { event: 'retention.policy_changed' });
    expect(event!.details).toEqual({ purgeMonthDay: '08-15', keepClosedDays: 60 });
  });
});
