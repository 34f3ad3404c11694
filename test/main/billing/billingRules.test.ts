import { describe, expect, test } from 'vitest';
import {
  amountFor,
  billLines,
  roundBilledMinutes,
  type BillableEntry,
  type BillingRules,
} from '../../../main/billing/billingRules.ts';

/* Every expected figure below is worked out by hand beside it. */

const rules = (overrides: Partial<BillingRules> = {}): BillingRules => ({
  incrementMinutes: 60,
  scope: 'ticket_day',
  minimumMinutes: 0,
  hourlyRatesOre: { configuration_change: 120_000, project: 95_000 },
  ...overrides,
});

const entry = (entryId: string, minutes: number, overrides: Partial<BillableEntry> = {}): BillableEntry => ({
  entryId,
  ticketId: 'T1',
  day: '2026-11-20',
  workType: 'configuration_change',
  actualSeconds: minutes * 60,
  ...overrides,
});

const sameTicketSameDay = [entry('a', 45), entry('b', 45), entry('c', 5)];

describe('rounding billable time', () => {
  test('45 + 45 + 5 minutes on one ticket and day, 60-minute increment, per ticket and day: 95 min -> 2 h', () => {
    const lines = billLines(sameTicketSameDay, rules({ scope: 'ticket_day' }));
    expect(lines).toEqual([
      {
        entryIds: ['a', 'b', 'c'],
        ticketId: 'T1',
        day: '2026-11-20',
        workType: 'configuration_change',
        actualMinutes: 95,
        billedMinutes: 120,
        rateOre: 120_000,
        amountOre: 240_000, // 2 h x 1 200 kr
      },
    ]);
  });

  test('the same entries rounded per entry: 60 + 60 + 60 -> 3 h', () => {
    const lines = billLines(sameTicketSameDay, rules({ scope: 'entry' }));
    expect(lines.map((l) => [l.entryIds, l.actualMinutes, l.billedMinutes])).toEqual([
      [['a'], 45, 60],
      [['b'], 45, 60],
      [['c'], 5, 60],
    ]);
    expect(lines.reduce((sum, l) => sum + l.amountOre, 0)).toBe(360_000); // 3 h x 1 200 kr
  });

  test('per ticket and day keeps days, tickets and work types apart', () => {
    const lines = billLines(
      [
        entry('a', 30),
        entry('b', 30, { day: '2026-11-21' }),
        entry('c', 30, { ticketId: 'T2' }),
        entry('d', 30, { workType: 'project' }),
      ],
      rules(),
    );
    expect(lines.map((l) => [l.entryIds.join(), l.billedMinutes, l.amountOre])).toEqual([
      ['a', 60, 120_000],
      ['b', 60, 120_000],
      ['c', 60, 120_000],
      ['d', 60, 95_000],
    ]);
  });

  test('a minimum charge lifts short work; longer work rounds to the increment', () => {
    const r = { incrementMinutes: 15, minimumMinutes: 30 };
    expect(roundBilledMinutes(5 * 60, r)).toBe(30); // 5 min -> 15 -> minimum 30
    expect(roundBilledMinutes(31 * 60, r)).toBe(45); // 31 min -> 45
    expect(roundBilledMinutes(45 * 60, r)).toBe(45); // exactly on the increment stays
    expect(roundBilledMinutes(45 * 60 + 1, r)).toBe(60); // one second over goes up
    expect(roundBilledMinutes(0, r)).toBe(0); // no time, no charge, minimum or not
  });

  test('amounts are whole öre, halves rounded up, in integer arithmetic', () => {
    expect(amountFor(60, 120_000)).toBe(120_000);
    expect(amountFor(1, 100)).toBe(2); // 100/60 = 1.67 öre -> 2
    expect(amountFor(1, 90)).toBe(2); // 1.5 öre -> 2
    expect(amountFor(1, 89)).toBe(1); // 1.48 öre -> 1
    expect(amountFor(7, 133_333)).toBe(15_556); // 933 331 / 60 = 15 555.52 -> 15 556
  });

  test('a work type without a rate bills its minutes at zero (and says so by its rate)', () => {
    const [line] = billLines([entry('a', 50, { workType: 'customer_environment_change' })], rules());
    expect(line).toMatchObject({ billedMinutes: 60, rateOre: 0, amountOre: 0 });
  });

  test('a bad increment is refused', () => {
    expect(() => billLines(sameTicketSameDay, rules({ incrementMinutes: 0 }))).toThrow(RangeError);
  });
});
