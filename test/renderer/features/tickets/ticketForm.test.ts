import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../../../common/tickets/model.ts';
import { validate } from '../../../../renderer/components/form/fieldErrors.ts';
import {
  instantFromLocal,
  localFromInstant,
  ticketFormSpec,
  ticketFormValues,
  ticketSaveCall,
} from '../../../../renderer/features/tickets/ticketForm.ts';

const CUSTOMER = '0193c0de-0000-7000-8000-000000000001';
const SERVICE = '0193c0de-0000-7000-8000-000000000002';
const ENVIRONMENT = '0193c0de-0000-7000-8000-000000000003';

describe('received-at in Swedish time', () => {
  // Worked out by hand: CET is UTC+1, CEST (from 29 March 2026 02:00) is UTC+2.
  it.each([
    ['2026-11-20T14:00', '2026-11-20T13:00:00.000Z'],
    ['2026-03-28T09:30', '2026-03-28T08:30:00.000Z'],
    ['2026-03-30T09:30', '2026-03-30T07:30:00.000Z'],
  ])('%s is %s whatever the machine zone', (local, utc) => {
    expect(new Date(instantFromLocal(local)).toISOString()).toBe(utc);
    expect(localFromInstant(Date.parse(utc))).toBe(local);
  });

  it('is not a number when the text is not a time, and the form says so beside the field', () => {
    expect(instantFromLocal('mån 14:00')).toBeNaN();
    const values = {
      ...ticketFormValues(0, undefined, CUSTOMER),
      requesterName: 'Anna Lärare',
      requesterEmail: 'anna@vaxjo.se',
      subject: 'Inloggningen fungerar inte',
      receivedAt: 'i går',
    };
    expect(
      Object.keys(
        validate(ticketFormSpec.schema, ticketFormSpec.toInput(values), ticketFormSpec.fields).byField,
      ),
    ).toEqual(['receivedAt']);
  });
});

describe('ticket form', () => {
  const values = {
    ...ticketFormValues(Date.parse('2026-11-20T13:00:00Z'), undefined, CUSTOMER),
    requesterName: 'Anna Lärare',
    requesterEmail: 'anna@vaxjo.se',
    subject: 'Inloggningen fungerar inte',
  };

  it('starts open, normal priority, received when the form opened', () => {
    expect(values).toMatchObject({ status: 'open', priority: 'normal', receivedAt: '2026-11-20T14:00' });
  });

  it('sends "not stated" service and environment as null', () => {
    expect(ticketFormSpec.toInput(values)).toMatchObject({ serviceId: null, environmentId: null });
    const chosen = ticketFormSpec.toInput({ ...values, serviceId: SERVICE, environmentId: ENVIRONMENT });
    expect(chosen).toMatchObject({ serviceId: SERVICE, environmentId: ENVIRONMENT });
    expect(validate(ticketFormSpec.schema, chosen, ticketFormSpec.fields).byField).toEqual({});
  });

  it('creates without an id, and an edit names the version it opened and keeps the first response and escalation the buttons recorded', () => {
    const input = ticketFormSpec.toInput({ ...values, status: 'resolved' });
    expect(ticketSaveCall(input)).toEqual({ ticket: input });
    const saved = { id: 'x', rowVersion: 3, firstResponseAt: 1_000, escalatedAt: 2_000 } as TicketView;
    expect(ticketSaveCall(input, saved)).toEqual({
      id: 'x',
      rowVersion: 3,
      ticket: { ...(input as object), firstResponseAt: 1_000, escalatedAt: 2_000 },
    });
    // The version the form opened wins over the one a live update brought into `ticket` meanwhile.
    expect(ticketSaveCall(input, { ...saved, rowVersion: 4 }, 3).rowVersion).toBe(3);
  });
});
