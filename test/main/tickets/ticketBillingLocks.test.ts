import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { TicketInput, TicketView } from '../../../common/tickets/model.ts';
import { openTwoBillingCustomers } from '../../support/billingCustomer.ts';
import { ticketVersion } from '../../support/storedVersion.ts';

/*
 * A ticket's customer and its acute escalation decide who is billed for its time and its fee, and in which month.
 * Once a month is approved neither may move billed work out of it or into it, through any ticket call. Växjö's
 * agreement charges 2 500 kr an acute escalation; November is approved on 1 December.
 */

const at = (iso: string) => Date.parse(iso);
const minutes = (n: number) => n * 60_000;

describe('tickets and approved months', () => {
  type Prepared = Awaited<ReturnType<typeof openTwoBillingCustomers>>;
  let clock: Prepared['clock'];
  let opened: Prepared['opened'];
  let call: Prepared['call'];
  let finance: Prepared['finance'];
  let vaxjo: Prepared['vaxjo'];
  let lund: Prepared['lund'];

  beforeEach(async () => {
    ({ clock, opened, call, finance, vaxjo, lund } = await openTwoBillingCustomers());
  });
  afterEach(async () => opened.cleanup());

  /** The ticket's fields as `tickets.save` takes them, with `change` applied. */
  const edited = (ticket: TicketView, change: Partial<TicketInput>): TicketInput => ({
    customerId: ticket.customerId,
    requesterName: ticket.requesterName,
    requesterEmail: ticket.requesterEmail,
    subject: ticket.subject,
    externalRef: ticket.externalRef,
    environmentId: ticket.environmentId,
    receivedAt: ticket.receivedAt,
    escalatedAt: ticket.escalatedAt,
    ...change,
  });

  /**
   * 40 minutes of configuration change on Växjö's standard ticket on 5 November (45 billed at 1 200 kr/h: 900 kr),
   * approved with the month.
   */
  async function approvedNovember() {
    const entry = await call.ok('time.addManual', {
      ticketId: vaxjo.standardTicket.id,
      startedAt: at('2026-11-05T09:00:00+01:00'),
      endedAt: at('2026-11-05T09:00:00+01:00') + minutes(40),
    });
    await call.ok('time.classify', {
      entryId: entry.id,
      rowVersion: entry.rowVersion,
      classification: 'billable',
      workType: 'configuration_change',
    });
    clock.now = at('2026-12-01T09:00:00+01:00');
    const batch = await finance.ok('billing.approveMonth', {
      month: '2026-11',
      customerId: vaxjo.customer.id,
    });
    return { entry, batch };
  }

  const summaryOf = async (month: string) =>
    (await call.ok('billing.monthSummary', { month })).customers.map((c) => [
      c.customerName,
      c.entries,
      c.amountOre,
    ]);

  test('a ticket with logged time keeps its customer; one without time may move', async () => {
    const { entry } = await approvedNovember();
    const ticket = await call.ok('tickets.get', { id: vaxjo.standardTicket.id });
    const moved = await call.fails('tickets.save', {
      id: ticket.id,
      rowVersion: await ticketVersion(call, ticket.id),
      ticket: edited(ticket, { customerId: lund.customer.id, environmentId: lund.environment.id }),
    });
    expect(moved).toMatchObject({
      code: 'CONFLICT',
      message:
        'This ticket has logged time, which belongs to its customer: the customer cannot change. ' +
        'Open a new ticket for the other customer instead.',
      details: { issues: [{ path: 'ticket.customerId' }] },
    });
    expect(await call.ok('tickets.get', { id: ticket.id })).toEqual(ticket);
    // Lund's November is as it was: the locked entry was neither moved there nor billed again.
    expect(await summaryOf('2026-11')).toEqual([['Växjö kommun', 1, 90_000]]);
    expect((await call.ok('time.list', { customerId: vaxjo.customer.id })).map((e) => e.id)).toEqual([
      entry.id,
    ]);

    // Time not yet approved belongs to its customer just the same.
    const open = await call.ok('time.addManual', {
      ticketId: vaxjo.specialTicket.id,
      startedAt: at('2026-12-01T10:00:00+01:00'),
      endedAt: at('2026-12-01T10:30:00+01:00'),
    });
    const special = await call.ok('tickets.get', { id: open.ticketId });
    expect(
      (
        await call.fails('tickets.save', {
          id: special.id,
          rowVersion: await ticketVersion(call, special.id),
          ticket: edited(special, { customerId: lund.customer.id, environmentId: lund.environment.id }),
        })
      ).code,
    ).toBe('CONFLICT');

    const untimed = await call.ok('tickets.save', {
      ticket: edited(ticket, { subject: 'Fel kund', environmentId: null }),
    });
    const rehomed = await call.ok('tickets.save', {
      id: untimed.id,
      rowVersion: await ticketVersion(call, untimed.id),
      ticket: edited(untimed, { customerId: lund.customer.id }),
    });
    expect(rehomed).toMatchObject({ customerId: lund.customer.id, customerName: 'Lunds kommun' });
  });

  test('an escalation billed in an approved month cannot leave it; it may move within it', async () => {
    // Escalated with no time logged: the fee is the ticket's only line.
    const ticket = await call.ok('tickets.escalate', {
      id: vaxjo.specialTicket.id,
      at: at('2026-11-10T15:00:00+01:00'),
    });
    const { batch } = await approvedNovember();
    expect(batch.amountOre).toBe(90_000 + vaxjo.agreement.acuteEscalation.feeOre);

    for (const change of [
      { escalatedAt: at('2026-12-02T09:00:00+01:00') },
      { escalatedAt: null },
      { customerId: lund.customer.id, environmentId: lund.environment.id },
    ]) {
      const refused = await call.fails('tickets.save', {
        id: ticket.id,
        rowVersion: ticket.rowVersion,
        ticket: edited(ticket, change),
      });
      expect(refused).toMatchObject({
        code: 'LOCKED',
        message:
          "November 2026 is approved for Växjö kommun (billing batch 1), which holds this ticket's acute " +
          'escalation: the escalation can no longer move out of the month, be taken back or go to another customer.',
        details: { batchNumber: 1, month: '2026-11' },
      });
    }
    // Unchanged, but for the verdict, which is always for now.
    const after = await call.ok('tickets.get', { id: ticket.id });
    expect({ ...after, verdict: ticket.verdict }).toEqual(ticket);
    // December does not bill the fee again, and Lund never sees it.
    expect(await summaryOf('2026-12')).toEqual([]);

    const corrected = await call.ok('tickets.save', {
      id: ticket.id,
      rowVersion: await ticketVersion(call, ticket.id),
      ticket: edited(ticket, { escalatedAt: at('2026-11-10T14:30:00+01:00') }),
    });
    expect(corrected.escalatedAt).toBe(at('2026-11-10T14:30:00+01:00'));

    // Nor can the ticket go: the invoiced fee line names it.
    expect(await call.fails('tickets.delete', { id: ticket.id })).toMatchObject({
      code: 'CONFLICT',
      message:
        "November 2026 is approved for Växjö kommun (billing batch 1), which billed this ticket's acute " +
        'escalation: the ticket cannot be deleted; close it instead.',
    });
    expect(await call.ok('tickets.get', { id: ticket.id })).toEqual(corrected);
  });

  test('no escalation can be recorded in an approved month: escalate, save or a new ticket', async () => {
    await approvedNovember();
    const ticket = await call.ok('tickets.get', { id: vaxjo.specialTicket.id });
    const message =
      'November 2026 is approved for Växjö kommun (billing batch 1): an acute escalation cannot be recorded in ' +
      'it, as its fee could no longer be billed. Record the escalation in an open month.';
    const late = at('2026-11-28T20:00:00+01:00');
    expect(await call.fails('tickets.escalate', { id: ticket.id, at: late })).toMatchObject({
      code: 'LOCKED',
      message,
    });
    expect(
      await call.fails('tickets.save', {
        id: ticket.id,
        rowVersion: ticket.rowVersion,
        ticket: edited(ticket, { escalatedAt: late }),
      }),
    ).toMatchObject({ code: 'LOCKED', message });
    const tickets = await call.ok('tickets.list', {});
    expect(
      await call.fails('tickets.save', { ticket: edited(ticket, { subject: 'Ny', escalatedAt: late }) }),
    ).toMatchObject({ code: 'LOCKED', message });
    expect(await call.ok('tickets.list', {})).toEqual(tickets);
    // Lund's November is open: an escalation there is billed with Lund's month.
    const lundTicket = await call.ok('tickets.escalate', { id: lund.standardTicket.id, at: late });
    expect(lundTicket.escalatedAt).toBe(late);
    expect(await summaryOf('2026-11')).toEqual([
      ['Lunds kommun', 0, lund.agreement.acuteEscalation.feeOre],
      ['Växjö kommun', 1, 90_000],
    ]);

    // Escalated now (December, open), the fee goes to December.
    const escalated = await call.ok('tickets.escalate', { id: ticket.id });
    expect(escalated.escalatedAt).toBe(clock.now);
    expect(await summaryOf('2026-12')).toEqual([['Växjö kommun', 0, vaxjo.agreement.acuteEscalation.feeOre]]);
  });

  test('time locked in a batch is never billed again, even if its ticket was moved by other means', async () => {
    const { entry, batch } = await approvedNovember();
    // What no API call allows any more, done in the store as an older version could: the ticket moves to Lund.
    await opened.backend
      .registryContext()
      .db.updateTable('tickets')
      .set({ customer_id: lund.customer.id, environment_id: null })
      .where('id', '=', vaxjo.standardTicket.id)
      .execute();
    expect(await summaryOf('2026-11')).toEqual([
      ['Lunds kommun', 0, 0],
      ['Växjö kommun', 1, 90_000],
    ]);
    const lundBatch = await finance.ok('billing.approveMonth', {
      month: '2026-11',
      customerId: lund.customer.id,
    });
    expect(lundBatch).toMatchObject({ entries: 0, lines: 0, amountOre: 0 });
    // A correction goes to the customer the entry was billed to, in its next open month.
    const adjustment = await finance.ok('billing.addAdjustment', {
      entryId: entry.id,
      minutes: 15,
      note: 'Dokumentation',
    });
    expect(adjustment).toMatchObject({ customerId: batch.customerId, month: '2026-12' });
  });
});
