import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openTwoBillingCustomers } from '../../support/billingCustomer.ts';

/* The time file through the real dispatcher, into a store where one customer's November is approved. */

const at = (iso: string) => Date.parse(iso);

describe('time import into approved months', () => {
  type Prepared = Awaited<ReturnType<typeof openTwoBillingCustomers>>;
  let clock: Prepared['clock'];
  let opened: Prepared['opened'];
  let call: Prepared['call'];
  let finance: Prepared['finance'];
  let vaxjo: Prepared['vaxjo'];
  let lund: Prepared['lund'];

  beforeEach(async () => {
    ({ clock, opened, call, finance, vaxjo, lund } = await openTwoBillingCustomers());
    const entry = await call.ok('time.addManual', {
      ticketId: vaxjo.standardTicket.id,
      startedAt: at('2026-11-05T09:00:00+01:00'),
      endedAt: at('2026-11-05T09:30:00+01:00'),
    });
    await call.ok('time.classify', {
      entryId: entry.id,
      rowVersion: entry.rowVersion,
      classification: 'included',
    });
    clock.now = at('2026-12-02T09:00:00+01:00');
    await finance.ok('billing.approveMonth', { month: '2026-11', customerId: vaxjo.customer.id });
  });
  afterEach(async () => opened.cleanup());

  const file = (entries: object[]) => ({ format: 'lotsen-time', version: 1, entries });
  /** Both customers' helpdesks number tickets alike (HD-1001, HD-1002): the organisation number says whose. */
  const entry = (customer: typeof vaxjo, ticketRef: string, startedAt: string, endedAt: string) => ({
    ticketRef,
    customerOrgNumber: customer.customer.orgNumber,
    startedAt,
    endedAt,
  });

  test('is refused as a whole, naming each entry in the approved month; nothing is written', async () => {
    const before = await call.ok('time.list', {});
    const summary = await call.ok('billing.monthSummary', { month: '2026-11' });
    // Växjö's December and Lund's November are open: on their own these two would be imported.
    const open = [
      entry(vaxjo, 'HD-1001', '2026-12-01T09:00:00+01:00', '2026-12-01T09:30:00+01:00'),
      entry(lund, 'HD-1001', '2026-11-12T09:00:00+01:00', '2026-11-12T10:00:00+01:00'),
    ];
    const refused = await finance.fails('time.import', {
      file: file([
        ...open,
        entry(vaxjo, 'HD-1001', '2026-11-12T09:00:00+01:00', '2026-11-12T10:00:00+01:00'),
        // The last minutes of 30 November in Sweden (22:50 UTC) are still November.
        entry(vaxjo, 'HD-1002', '2026-11-30T23:50:00+01:00', '2026-12-01T00:20:00+01:00'),
      ]),
    });
    const closed = 'November 2026 is approved for Växjö kommun (billing batch 1); no time can be added to it';
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      message: 'The time file was not imported: 2 problems. Nothing was written.',
    });
    expect(refused.details?.issues).toEqual([
      { path: 'entries.2.startedAt', record: 'entry 3 HD-1001 2026-11-12T09:00:00+01:00', message: closed },
      { path: 'entries.3.startedAt', record: 'entry 4 HD-1002 2026-11-30T23:50:00+01:00', message: closed },
    ]);
    expect(await call.ok('time.list', {})).toEqual(before);
    expect(await call.ok('billing.monthSummary', { month: '2026-11' })).toEqual(summary);

    expect(await finance.ok('time.import', { file: file(open) })).toEqual({ entries: 2 });
    expect((await call.ok('time.list', {})).map((e) => e.customerName)).toEqual([
      'Växjö kommun',
      'Lunds kommun',
      'Växjö kommun',
    ]);
  });

  test('refuses time on a ticket before the ticket was received, naming it; nothing is written', async () => {
    const before = await call.ok('time.list', {});
    // Lund's HD-1001 came in on 2 November at 08:00 (Swedish time).
    const refused = await finance.fails('time.import', {
      file: file([
        entry(lund, 'HD-1001', '2026-11-02T09:00:00+01:00', '2026-11-02T09:30:00+01:00'),
        entry(lund, 'HD-1001', '2026-11-02T07:30:00+01:00', '2026-11-02T08:30:00+01:00'),
      ]),
    });
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      message: 'The time file was not imported: 1 problem. Nothing was written.',
    });
    expect(refused.details?.issues).toEqual([
      {
        path: 'entries.1.startedAt',
        record: 'entry 2 HD-1001 2026-11-02T07:30:00+01:00',
        message:
          'Starts 2026-11-02T07:30:00+01:00, before its ticket was received (2026-11-02T07:00:00.000Z)',
      },
    ]);
    expect(await call.ok('time.list', {})).toEqual(before);
  });
});
