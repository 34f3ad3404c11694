import { describe, expect, test } from 'vitest';
import { filterReview, reviewToCsv, type EligibilityReviewRow } from '../../../common/agreements/review.ts';
import type { Reason, VerdictStatus } from '../../../common/agreements/verdict.ts';

const AT = Date.parse('2026-11-22T12:00:00+01:00');
const row = (
  name: string,
  status: VerdictStatus,
  extra: { nextEndOn?: string | null; dpa?: boolean; blockers?: Reason[] } = {},
) =>
  ({
    customerId: crypto.randomUUID(),
    name,
    orgNumber: '212000-1355',
    kind: 'municipality',
    verdict: {
      customerId: crypto.randomUUID(),
      at: AT,
      status,
      blockers: extra.blockers ?? [],
      warnings: [],
      nextEndOn: extra.nextEndOn ?? null,
      hasValidDpa: extra.dpa ?? true,
    },
  }) satisfies EligibilityReviewRow;

const rows = [
  row('Örebro kommun', 'eligible', { nextEndOn: '2027-06-30' }),
  row('Ale kommun', 'blocked', {
    dpa: false,
    blockers: [{ code: 'NO_DPA', message: 'No signed data-processing agreement (PUB-avtal) is recorded.' }],
  }),
  row('Växjö kommun', 'warnings', { nextEndOn: '2026-12-10' }),
  row('Borås Stad', 'eligible', { nextEndOn: '2027-01-15' }),
];
const names = (list: EligibilityReviewRow[]) => list.map((r) => r.name);

describe('the eligibility review', () => {
  test('sorts blocked first, then warnings, then eligible; names in Swedish order within each', () => {
    expect(names(filterReview(rows, {}))).toEqual([
      'Ale kommun',
      'Växjö kommun',
      'Borås Stad',
      'Örebro kommun',
    ]);
    expect(names(filterReview(rows, {}, 'name'))).toEqual([
      'Ale kommun',
      'Borås Stad',
      'Växjö kommun',
      'Örebro kommun',
    ]);
    expect(names(filterReview(rows, {}, 'nextEnd'))).toEqual([
      'Växjö kommun',
      'Borås Stad',
      'Örebro kommun',
      'Ale kommun',
    ]);
  });

  test('filters by status, missing DPA, ending within N days and text', () => {
    expect(names(filterReview(rows, { status: 'eligible' }))).toEqual(['Borås Stad', 'Örebro kommun']);
    expect(names(filterReview(rows, { missingDpa: true }))).toEqual(['Ale kommun']);
    expect(names(filterReview(rows, { endingWithinDays: 30 }))).toEqual(['Växjö kommun']);
    expect(names(filterReview(rows, { endingWithinDays: 60 }))).toEqual(['Växjö kommun', 'Borås Stad']);
    expect(names(filterReview(rows, { query: 'växjö' }))).toEqual(['Växjö kommun']);
  });

  test('CSV quotes what needs quoting and neutralises cells a spreadsheet would run as formulas', () => {
    const csv = reviewToCsv([
      row('=HYPERLINK("x")', 'blocked', { blockers: [{ code: 'NO_DPA', message: 'Saknas, "PUB"' }] }),
      row('Ale kommun', 'eligible'),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Customer,Organisation number,Status,Blockers,Warnings,Next end date,Verdict at');
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""x"")",212000-1355,blocked,"NO_DPA: Saknas, ""PUB""",,,2026-11-22T11:00:00.000Z`,
    );
    expect(lines[2]).toBe('Ale kommun,212000-1355,eligible,,,,2026-11-22T11:00:00.000Z');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
