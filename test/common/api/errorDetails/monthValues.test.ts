import { describe, expect, test } from 'vitest';
import { isMonthValue, withEnglishMonths } from '../../../../common/api/errorDetails/monthValues.ts';
import { keyedError, keyedIssue } from '../../../../common/api/errors.ts';

describe('months in error details', () => {
  test('a value named month or …Month is an ISO month, named in English for main’s message', () => {
    expect(isMonthValue('month')).toBe(true);
    expect(isMonthValue('approvedMonth')).toBe(true);
    expect(isMonthValue('monthly')).toBe(false);
    expect(
      withEnglishMonths({ month: '2026-01', lastMonth: '2025-12', customer: '2026-11', count: 3 }),
    ).toEqual({
      month: 'January 2026',
      lastMonth: 'December 2025',
      customer: '2026-11',
      count: 3,
    });
    // Not a month after all: kept as it is, never a wrong name.
    expect(withEnglishMonths({ month: '2026-13' })).toEqual({ month: '2026-13' });
  });

  test('the error and the field issue say the month in English; their detail keeps the ISO month for the console', () => {
    const values = { month: '2026-11', batch: '3' };
    const locked = keyedError('LOCKED', 'records.entryLocked', values);
    expect(locked.message).toBe(
      'This time entry is locked: November 2026 was approved in billing batch 3. Correct it with an adjustment, ' +
        'which is billed in the next open month.',
    );
    expect(locked.detail).toEqual({ key: 'records.entryLocked', values });
    expect(keyedIssue('startedAt', 'records.entryLocked', values)).toEqual({
      path: 'startedAt',
      message: locked.message,
      detail: { key: 'records.entryLocked', values },
    });
  });
});
