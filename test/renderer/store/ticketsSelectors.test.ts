import { expect, test } from 'vitest';
import type { TicketView } from '../../../common/tickets/model.ts';
import {
  selectBreachedCount,
  selectOpenCount,
  selectTicketRows,
} from '../../../renderer/store/tickets/selectors.ts';

const DUE = Date.parse('2026-11-23T13:00:00+01:00');
const ticket = { id: 't', dueAt: DUE, acuteDueAt: null, firstResponseAt: null } as TicketView;

test('rows carry the SLA state at the store clock, and stay the same array while nothing changes', () => {
  const tickets = [ticket];
  const before = selectTicketRows({ tickets, now: DUE - 3 * 3_600_000 });
  expect(before.map((r) => r.sla)).toEqual(['on_track']);
  expect(selectTicketRows({ tickets, now: DUE - 3 * 3_600_000 })).toBe(before);

  const after = selectTicketRows({ tickets, now: DUE + 1 });
  expect(after).not.toBe(before);
  expect(after.map((r) => r.sla)).toEqual(['breached']);
  expect(selectBreachedCount({ tickets, now: DUE + 1 })).toBe(1);
  expect(selectBreachedCount({ tickets: [{ ...ticket, firstResponseAt: DUE - 1 }], now: DUE + 1 })).toBe(0);
});

test('the open count leaves out resolved and closed tickets when the list shows them too', () => {
  const tickets = (['open', 'pending', 'resolved', 'closed'] as const).map((status) => ({
    ...ticket,
    status,
  }));
  expect(selectOpenCount({ tickets })).toBe(2);
});
