import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openPersonal } from '../../../main/personalData/personalDataKeys.ts';
import { isSealed } from '../../../main/vault/sealedText.ts';
import { openTwoBillingCustomers } from '../../support/billingCustomer.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';
import { contractVersion, ticketVersion } from '../../support/storedVersion.ts';

/*
 * Acute escalation is a paid option of the agreement (DOMAIN: "Response times"). Växjö's and Lund's agreements have
 * the option at 2 500 kr; a third customer, Ljungby, is made per test with or without an agreement.
 */

let setup: Awaited<ReturnType<typeof openTwoBillingCustomers>>;
beforeEach(async () => {
  setup = await openTwoBillingCustomers();
});
afterEach(async () => setup.opened.cleanup());

const at = (iso: string) => Date.parse(iso);
const REASON = 'Rektorn ringde: ingen elev i Ljungby kan logga in inför nationella proven';

async function ljungby(agreement: 'none' | 'without option') {
  const { call } = setup;
  const { customer, environment } = await createCustomerWithEnvironment(call, 'Ljungby kommun', 44);
  if (agreement === 'without option') {
    await call.ok('agreements.save', {
      customerId: customer.id,
      agreement: {
        reference: 'LJ-2026',
        startsOn: '2026-01-01',
        responseHours: 8,
        services: [{ kind: 'sso', name: 'SSO' }],
      },
    });
  }
  const ticket = await call.ok('tickets.save', {
    ticket: {
      customerId: customer.id,
      requesterName: 'Åsa Öberg',
      requesterEmail: 'asa.oberg@vaxjo.se',
      subject: 'Ingen kan logga in',
      environmentId: environment.id,
      receivedAt: at('2026-11-20T09:00:00+01:00'),
    },
  });
  return { customer, ticket };
}

/** The batch's fee lines as stored, their notes opened (approved lines hold them sealed). */
async function feeLines(batchId: string) {
  const db = setup.opened.backend.registryContext().db;
  const lines = await db
    .selectFrom('billing_lines')
    .select(['ticket_id', 'amount_ore', 'note'])
    .where('batch_id', '=', batchId)
    .where('kind', '=', 'fee')
    .orderBy('seq')
    .execute();
  const notes = await openPersonal(
    db,
    lines.map((line) => line.note),
  );
  return lines.map((line, i) => ({ ...line, note: notes[i] }));
}

describe('acute escalation as a paid option', () => {
  test('escalation without an agreement in force is refused', async () => {
    const { ticket } = await ljungby('none');
    const refused = await setup.call.fails('tickets.escalate', { id: ticket.id });
    expect(refused).toMatchObject({
      code: 'NOT_ELIGIBLE',
      message: 'Acute escalation refused: no agreement in force on 2026-11-20.',
      details: { reason: 'NO_AGREEMENT', on: '2026-11-20', exceptionPriceOre: 250_000 },
    });
    const after = await setup.call.ok('tickets.get', { id: ticket.id });
    expect(after).toMatchObject({ escalatedAt: null, escalation: null, acuteDueAt: null });
  });

  test('escalation without the acute option is refused with the reason', async () => {
    const { ticket } = await ljungby('without option');
    const refused = await setup.call.fails('tickets.escalate', { id: ticket.id });
    expect(refused).toMatchObject({
      code: 'NOT_ELIGIBLE',
      message: 'Acute escalation refused: the agreement has no acute option (LJ-2026).',
      details: { reason: 'NO_ACUTE_OPTION', agreements: ['LJ-2026'] },
    });
    // Saving the ticket with an escalation is the same act, refused the same way.
    const saved = await setup.call.fails('tickets.save', {
      id: ticket.id,
      rowVersion: await ticketVersion(setup.call, ticket.id),
      ticket: {
        customerId: ticket.customerId,
        requesterName: ticket.requesterName,
        requesterEmail: ticket.requesterEmail,
        subject: ticket.subject,
        environmentId: ticket.environmentId,
        receivedAt: ticket.receivedAt,
        escalatedAt: at('2026-11-20T10:00:00+01:00'),
      },
    });
    expect(saved).toMatchObject({ code: 'NOT_ELIGIBLE', details: { reason: 'NO_ACUTE_OPTION' } });
    expect((await setup.call.ok('tickets.get', { id: ticket.id })).escalatedAt).toBeNull();
  });

  test('an exception records its reason, bills the list price and is audited', async () => {
    const { call, finance, opened, clock } = setup;
    const { customer, ticket } = await ljungby('without option');
    expect(await call.ok('settings.priceList', {})).toEqual({ acuteEscalationOre: 250_000, rowVersion: 0 });
    await finance.ok('settings.savePriceList', { acuteEscalationOre: 180_000, rowVersion: 0 });
    expect(
      await call.fails('tickets.escalate', { id: ticket.id, exception: { reason: '  ' } }),
    ).toMatchObject({
      code: 'VALIDATION',
    });

    const escalatedAt = at('2026-11-20T10:00:00+01:00');
    const escalated = await call.ok('tickets.escalate', {
      id: ticket.id,
      at: escalatedAt,
      exception: { reason: REASON },
    });
    expect(escalated.escalation).toEqual({
      basis: 'exception',
      feeOre: 180_000,
      at: escalatedAt,
      by: expect.any(String),
      reason: REASON,
    });
    // The agreement promises 8 office hours; the exception gives the acute 2 hours on top.
    expect(escalated.acuteDueAt).toBe(at('2026-11-20T12:00:00+01:00'));

    // The reason is stored sealed under the ticket's key, never in the clear.
    const db = opened.backend.registryContext().db;
    const stored = await db
      .selectFrom('ticket_escalations')
      .selectAll()
      .where('ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(isSealed(stored.reason)).toBe(true);
    expect(stored.reason).not.toContain('Rektorn');

    // Audited with ids and the fee only.
    const events = await call.ok('audit.list', {});
    const event = events.find((e) => e.event === 'ticket.escalation_exception');
    expect(event).toMatchObject({
      subjectType: 'ticket',
      subjectId: ticket.id,
      details: { ticketId: ticket.id, customerId: customer.id, escalatedAt, feeOre: 180_000 },
    });
    expect(JSON.stringify(events)).not.toContain('Rektorn');

    // A later price change does not move what this escalation bills.
    await finance.ok('settings.savePriceList', { acuteEscalationOre: 300_000, rowVersion: 1 });
    clock.now = at('2026-12-01T09:00:00+01:00');
    const batch = await finance.ok('billing.approveMonth', { month: '2026-11', customerId: customer.id });
    expect(await feeLines(batch.id)).toEqual([
      {
        ticket_id: ticket.id,
        amount_ore: 180_000,
        note: 'Acute escalation at 2026-11-20T10:00:00+01:00, by exception (price list)',
      },
    ]);
  });

  test('every escalation under the option bills its fee line', async () => {
    const { call, finance, vaxjo, clock } = setup;
    for (const [ticket, iso] of [
      [vaxjo.standardTicket, '2026-11-05T15:00:00+01:00'],
      [vaxjo.specialTicket, '2026-11-14T02:00:00+01:00'],
    ] as const) {
      const escalated = await call.ok('tickets.escalate', { id: ticket.id, at: at(iso) });
      expect(escalated.escalation).toMatchObject({ basis: 'option', feeOre: 250_000, reason: null });
    }
    // The fee recorded is the one billed, whatever the agreement says later.
    await call.ok('agreements.save', {
      customerId: vaxjo.customer.id,
      id: vaxjo.agreement.id,
      rowVersion: await contractVersion(call, vaxjo.customer.id, vaxjo.agreement.id),
      agreement: {
        reference: vaxjo.agreement.reference,
        startsOn: '2026-01-01',
        acuteEscalation: { enabled: true, feeOre: 400_000 },
        services: vaxjo.agreement.services,
      },
    });
    clock.now = at('2026-12-01T09:00:00+01:00');
    const batch = await finance.ok('billing.approveMonth', {
      month: '2026-11',
      customerId: vaxjo.customer.id,
    });
    expect(await feeLines(batch.id)).toEqual([
      {
        ticket_id: vaxjo.standardTicket.id,
        amount_ore: 250_000,
        note: 'Acute escalation at 2026-11-05T15:00:00+01:00',
      },
      {
        ticket_id: vaxjo.specialTicket.id,
        amount_ore: 250_000,
        note: 'Acute escalation at 2026-11-14T02:00:00+01:00',
      },
    ]);
    expect(batch.amountOre).toBe(500_000);
  });

  test('a customer without an agreement gets no response-time promise, and no 02:00 Saturday acute deadline', async () => {
    const { call } = setup;
    const { customer, environment } = await createCustomerWithEnvironment(call, 'Ljungby kommun', 44);
    // Received and escalated at midnight Friday-Saturday: with an agreement, acute would be due 02:00 Saturday.
    const midnight = at('2026-11-21T00:00:00+01:00');
    const ticket = await call.ok('tickets.save', {
      ticket: {
        customerId: customer.id,
        requesterName: 'Åsa Öberg',
        requesterEmail: 'asa.oberg@vaxjo.se',
        subject: 'Ingen kan logga in',
        environmentId: environment.id,
        receivedAt: midnight,
      },
    });
    expect(ticket).toMatchObject({ responseHours: null, standardDueAt: null, acuteDueAt: null, dueAt: null });
    expect(await call.fails('tickets.escalate', { id: ticket.id, at: midnight })).toMatchObject({
      code: 'NOT_ELIGIBLE',
      details: { reason: 'NO_AGREEMENT' },
    });
    // Even an exception, billed at the list price, promises no time where no agreement is in force.
    const escalated = await call.ok('tickets.escalate', {
      id: ticket.id,
      at: midnight,
      exception: { reason: REASON },
    });
    expect(escalated).toMatchObject({
      escalatedAt: midnight,
      acuteDueAt: null,
      dueAt: null,
      escalation: { basis: 'exception', feeOre: 250_000 },
    });
    expect(escalated.acuteDueAt).not.toBe(at('2026-11-21T02:00:00+01:00'));

    // In the working list the promised tickets come first, the unpromised last.
    const list = await call.ok('tickets.list', { openOnly: true });
    expect(list.at(-1)!.id).toBe(ticket.id);
    expect(list.slice(0, -1).every((t) => t.dueAt !== null)).toBe(true);
  });
});

describe('acute escalation: what is not an exception, and bad input', () => {
  test('an exception asked for where the option covers the escalation is billed under the option', async () => {
    const { call, vaxjo } = setup;
    const escalated = await call.ok('tickets.escalate', {
      id: vaxjo.standardTicket.id,
      at: at('2026-11-05T15:00:00+01:00'),
      exception: { reason: REASON },
    });
    expect(escalated.escalation).toMatchObject({ basis: 'option', feeOre: 250_000, reason: null });
    expect(await call.ok('audit.list', { event: 'ticket.escalation_exception' })).toEqual([]);
  });

  test('bad input is refused with the field named, and the ticket and price list stay as they were', async () => {
    const { call, finance } = setup;
    const { ticket } = await ljungby('without option');
    const auditBefore = await call.ok('audit.list', {});
    const refusals = [
      await call.fails('tickets.escalate', { id: ticket.id, exception: { reason: 'x'.repeat(2_001) } }),
      await call.fails('tickets.escalate', { id: ticket.id, exception: {} }),
      await call.fails('tickets.escalate', { id: ticket.id, exception: { reason: REASON, feeOre: 0 } }),
      await call.fails('tickets.escalate', { id: ticket.id, exception: REASON }),
      await finance.fails('settings.savePriceList', { acuteEscalationOre: -1, rowVersion: 0 }),
      await finance.fails('settings.savePriceList', { acuteEscalationOre: 1.5, rowVersion: 0 }),
      await finance.fails('settings.savePriceList', { acuteEscalationOre: '2500', rowVersion: 0 }),
      await finance.fails('settings.savePriceList', {}),
    ];
    expect(refusals.map((r) => [r.code, r.details?.issues?.[0]?.path])).toEqual([
      ['VALIDATION', 'exception.reason'],
      ['VALIDATION', 'exception.reason'],
      ['VALIDATION', 'exception'],
      ['VALIDATION', 'exception'],
      ['VALIDATION', 'acuteEscalationOre'],
      ['VALIDATION', 'acuteEscalationOre'],
      ['VALIDATION', 'acuteEscalationOre'],
      ['VALIDATION', 'acuteEscalationOre'],
    ]);
    expect(refusals[0]!.details?.issues?.[0]?.message).toBe(
      'Reason for the exception is longer than 2000 characters',
    );
    expect(
      await call.fails('tickets.escalate', { id: crypto.randomUUID(), exception: { reason: REASON } }),
    ).toMatchObject({ code: 'NOT_FOUND' });

    expect(await call.ok('tickets.get', { id: ticket.id })).toMatchObject({
      escalatedAt: null,
      escalation: null,
      acuteDueAt: null,
    });
    expect(await call.ok('settings.priceList', {})).toEqual({ acuteEscalationOre: 250_000, rowVersion: 0 });
    expect(await call.ok('audit.list', {})).toEqual(auditBefore);
  });
});
