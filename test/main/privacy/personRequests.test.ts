import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { openPersonal } from '../../../main/personalData/personalDataKeys.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { prepareBillingCustomer } from '../../support/billingCustomer.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { fileTicket } from '../../support/ticketLife.ts';
import { failInserts } from '../../support/writeFailure.ts';

/*
 * A person's data on the customer's request (GDPR articles 15 and 17), found by e-mail in any case. A ticket's
 * subject is stored sealed under its own data key: reading it back tells whether the key is still there.
 */

const clock = { now: Date.parse('2027-03-10T09:00:00+01:00') };
let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
let vaxjo: Awaited<ReturnType<typeof prepareBillingCustomer>>;
let lund: Awaited<ReturnType<typeof prepareBillingCustomer>>;

beforeEach(async () => {
  opened = await openPassphraseBackend({ now: () => clock.now });
  call = apiCaller(createApi(opened.backend, () => undefined));
  const receivedAt = Date.parse('2027-03-01T08:00:00+01:00');
  vaxjo = await prepareBillingCustomer(call, { receivedAt });
  lund = await prepareBillingCustomer(call, { name: 'Lunds kommun', serial: 121, receivedAt });
});
afterEach(async () => opened.cleanup());

const db = () => opened.backend.registryContext().db;

async function annasData() {
  const first = await fileTicket(call, {
    customerId: vaxjo.customer.id,
    requesterName: 'Anna Larsson',
    requesterEmail: 'Anna.Larsson@skola.se',
    subject: 'Elev 070512 kan inte logga in',
    description: 'Klass 4B på Norrskolan',
    externalRef: 'HD-2001',
    receivedAt: Date.parse('2027-03-02T08:00:00+01:00'),
  });
  const second = await fileTicket(call, {
    customerId: lund.customer.id,
    requesterName: 'Anna Larsson',
    requesterEmail: 'anna.larsson@skola.se',
    subject: 'WAP svarar inte',
    externalRef: 'L-88',
    receivedAt: Date.parse('2027-03-03T08:00:00+01:00'),
  });
  const note = await call.ok('time.addManual', {
    ticketId: first.id,
    startedAt: Date.parse('2027-03-04T09:00:00+01:00'),
    endedAt: Date.parse('2027-03-04T10:00:00+01:00'),
    note: 'Ringde Anna om klass 4B',
  });
  const contact = await call.ok('registry.saveContact', {
    customerId: lund.customer.id,
    contact: { name: 'Anna Larsson', email: 'ANNA.LARSSON@skola.se' },
  });
  const stored = await db().selectFrom('tickets').select(['id', 'subject']).execute();
  const sealed = new Map(stored.map((t) => [t.id, t.subject]));
  return { first, second, note, contact, sealed };
}

/** Everything an erase changes: the data keys, the contacts, the tickets' purge marks and the audit log. */
const eraseState = async () => ({
  keys: await db().selectFrom('personal_data_keys').select('id').orderBy('id').execute(),
  contacts: await db().selectFrom('contacts').select('id').orderBy('id').execute(),
  tickets: await db().selectFrom('tickets').select(['id', 'purged_at']).orderBy('id').execute(),
  events: await db().selectFrom('audit_events').select('seq').execute(),
});

describe('GDPR requests', () => {
  test('a GDPR extract lists every ticket of the requester', async () => {
    const { first, second, note, contact } = await annasData();
    const extract = await call.ok('privacy.extract', { email: 'anna.larsson@SKOLA.se' });
    expect(extract.tickets.map((t) => t.id).sort()).toEqual([first.id, second.id].sort());
    const vaxjoTicket = extract.tickets.find((t) => t.id === first.id)!;
    expect(vaxjoTicket).toMatchObject({
      customerName: 'Växjö kommun',
      subject: 'Elev 070512 kan inte logga in',
      description: 'Klass 4B på Norrskolan',
      timeEntryNotes: [{ entryId: note.id, note: 'Ringde Anna om klass 4B' }],
    });
    expect(extract.contacts).toEqual([
      expect.objectContaining({ id: contact.id, customerName: 'Lunds kommun', name: 'Anna Larsson' }),
    ]);

    const [event] = await call.ok('audit.list', { event: 'privacy.extracted' });
    expect(event!.details.ticketIds).toEqual(extract.tickets.map((t) => t.id));
    expect(event!.details.email).toBe('anna.larsson@skola.se');
    const stored = await db()
      .selectFrom('audit_events')
      .select('details')
      .where('event', '=', 'privacy.extracted')
      .executeTakeFirstOrThrow();
    expect(stored.details.toLowerCase()).not.toContain('anna');
    const sealedEmail = (JSON.parse(stored.details) as { email: string }).email;
    expect(await openPersonal(db(), [sealedEmail])).toEqual(['anna.larsson@skola.se']);
    expect(await call.fails('privacy.extract', { email: 'not an address' })).toMatchObject({
      code: 'VALIDATION',
    });
  });

  test("a GDPR erase destroys the requester's ticket keys", async () => {
    const { first, second, contact, sealed } = await annasData();
    const annaContact = contact;
    const lines = await db().selectFrom('time_entries').selectAll().execute();

    const erased = await call.ok('privacy.erase', { email: 'anna.larsson@skola.se' });
    expect([...erased.ticketIds].sort()).toEqual([first.id, second.id].sort());
    expect(erased.contactIds).toEqual([annaContact.id]);
    // Two ticket keys and the contact's.
    expect(erased).toMatchObject({ keysDestroyed: 3, recordings: 0 });
    expect(
      await openPersonal(db(), [
        sealed.get(first.id)!,
        sealed.get(second.id)!,
        sealed.get(vaxjo.standardTicket.id)!,
      ]),
    ).toEqual([null, null, vaxjo.standardTicket.subject]);
    const customer = await call.ok('registry.getCustomer', { id: lund.customer.id });
    expect(customer.contacts.map((c) => c.id)).not.toContain(annaContact.id);
    expect(await db().selectFrom('time_entries').selectAll().execute()).toEqual(lines);

    const [event] = await call.ok('audit.list', { event: 'privacy.erased' });
    expect(event!.details).toMatchObject({
      ticketIds: erased.ticketIds,
      contactIds: [annaContact.id],
      keysDestroyed: 3,
      recordings: 0,
    });
    // The request's address is kept (sealed under the month's key, so the next summer purge takes it), never clear.
    expect(event!.details.email).toBe('anna.larsson@skola.se');
    const stored = await db()
      .selectFrom('audit_events')
      .select('details')
      .where('event', '=', 'privacy.erased')
      .executeTakeFirstOrThrow();
    expect(stored.details.toLowerCase()).not.toContain('anna');
    expect(await call.ok('audit.verify', {})).toMatchObject({ intact: true });
  });

  test('a GDPR erase is refused while a timer runs on one of the tickets, and erases nothing', async () => {
    const { second } = await annasData();
    await call.ok('time.startTimer', { ticketId: second.id });
    const before = await eraseState();
    expect(await call.fails('privacy.erase', { email: 'anna.larsson@skola.se' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('timer'),
      details: { ticketId: second.id },
    });
    expect(await eraseState()).toEqual(before);
  });

  test('a GDPR erase whose audit event cannot be written erases nothing', async () => {
    await annasData();
    await failInserts(db(), 'audit_events', { when: "NEW.event = 'privacy.erased'" });
    const before = await eraseState();
    expect(await call.fails('privacy.erase', { email: 'anna.larsson@skola.se' })).toMatchObject({
      code: 'INTERNAL',
    });
    expect(await eraseState()).toEqual(before);
  });
});
