import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { expectStaleSave } from '../../support/expectStaleSave.ts';
import { openPassphraseBackend, type OpenedBackend } from '../../support/passphraseBackend.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';

/*
 * Issue 14 for finance's classification of a time entry: `time.classify` names the version of the entry finance read,
 * and a classification against a stale one (the technician lengthened the entry meanwhile, or another finance window
 * classified it) is refused with CONFLICT and what is stored now, and changes nothing. On both data sources (the team
 * project runs this folder too): the support lead logs the time, a finance member classifies it.
 */

describe('stale classifications of time', { timeout: 120_000 }, () => {
  let lead: OpenedBackend;
  let financeMember: OpenedBackend;
  let call: ReturnType<typeof apiCaller>;
  let finance: ReturnType<typeof apiCaller>;

  beforeAll(async () => {
    lead = await openPassphraseBackend();
    financeMember = await lead.joinAs('finance');
    call = apiCaller(createApi(lead.backend));
    finance = apiCaller(createApi(financeMember.backend));
  }, 120_000);
  afterAll(async () => {
    await financeMember?.cleanup();
    await lead?.cleanup();
  });

  async function loggedEntry(name: string, serial: number) {
    const { customer } = await createCustomerWithEnvironment(call, name, serial);
    const ticket = await call.ok('tickets.save', {
      ticket: {
        customerId: customer.id,
        requesterName: 'Åsa Öberg',
        requesterEmail: 'asa.oberg@example.se',
        subject: 'Certifikatet går ut',
        receivedAt: Date.now() - 7_200_000,
      },
    });
    const startedAt = Date.now() - 3_600_000;
    const entry = await call.ok('time.addManual', {
      ticketId: ticket.id,
      startedAt,
      endedAt: startedAt + 1_800_000,
    });
    return { ticketId: ticket.id, entry };
  }

  test('a classification of an entry changed since finance read it is refused, and the change stays as made', async () => {
    const { ticketId, entry } = await loggedEntry('Pajala kommun', 91);
    const [read] = await finance.ok('time.list', { ticketId });
    expect(read).toMatchObject({ id: entry.id, rowVersion: 1, classification: 'unclassified' });

    // The technician adds the quarter hour they forgot while finance has the entry open.
    const lengthened = await call.ok('time.update', {
      id: entry.id,
      rowVersion: entry.rowVersion,
      endedAt: entry.endedAt! + 900_000,
      note: 'Bytte certifikat på WAP01',
    });
    const refused = await finance.fails('time.classify', {
      entryId: entry.id,
      rowVersion: read!.rowVersion,
      classification: 'billable',
      workType: 'configuration_change',
    });
    expect(refused.message).toMatch(/changed this time entry at \d\d:\d\d .*while you had it open/);
    const details = expectStaleSave(refused);
    expect(details).toMatchObject({ record: 'time entry', rowVersion: 2, current: lengthened });
    expect(details.changedFields.sort()).toEqual(['classification', 'workType']);
    const [stored] = await finance.ok('time.list', { ticketId });
    expect(stored).toEqual(lengthened);

    // Without a version: invalid, as every update of a versioned record.
    expect(
      await finance.fails('time.classify', { entryId: entry.id, classification: 'included' }),
    ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'rowVersion' }] } });

    // Against the version now stored, having seen the longer entry, finance classifies it.
    const classified = await finance.ok('time.classify', {
      entryId: entry.id,
      rowVersion: details.rowVersion,
      classification: 'billable',
      workType: 'configuration_change',
    });
    expect(classified).toMatchObject({
      classification: 'billable',
      workType: 'configuration_change',
      endedAt: lengthened.endedAt,
      rowVersion: 3,
    });
  });

  test('of two classifications made against the same version, one is kept and the other refused', async () => {
    const { ticketId, entry } = await loggedEntry('Övertorneå kommun', 92);
    const outcomes = await Promise.allSettled([
      finance.ok('time.classify', { entryId: entry.id, rowVersion: 1, classification: 'included' }),
      call.ok('time.classify', { entryId: entry.id, rowVersion: 1, classification: 'no_charge' }),
    ]);
    const kept = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(kept).toHaveLength(1);
    const refusal = outcomes.find((o) => o.status === 'rejected');
    expect(String((refusal as PromiseRejectedResult).reason)).toMatch(/CONFLICT/);
    expect(kept[0]!.rowVersion).toBe(2);
    const [stored] = await call.ok('time.list', { ticketId });
    expect(stored).toEqual(kept[0]);
  });
});
