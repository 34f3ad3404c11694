import { afterEach, describe, expect, it } from 'vitest';
import { monthIssueText } from '../../../../renderer/features/billing/monthIssueText.ts';
import { chooseLanguage } from '../../../../renderer/i18n/i18n.ts';

describe('why a month cannot be approved, worded from the codes main gives', () => {
  afterEach(() => chooseLanguage('en'));

  it('in English, as the CLI says it', async () => {
    await chooseLanguage('en');
    expect(monthIssueText({ code: 'unclassified', count: 1 })).toBe('1 entry is unclassified');
    expect(monthIssueText({ code: 'running', count: 2 })).toBe('2 entries are still running');
    expect(
      monthIssueText({
        code: 'missingRate',
        count: 3,
        reference: 'FA-2026-01',
        workType: 'configuration_change',
      }),
    ).toBe(
      '3 billable entries are “Configuration change”, which agreement FA-2026-01 has no hourly rate for',
    );
  });

  it('in Swedish, the work type too', async () => {
    await chooseLanguage('sv');
    expect(monthIssueText({ code: 'unclassified', count: 2 })).toBe('2 poster är inte klassificerade');
    expect(monthIssueText({ code: 'noAgreement', count: 1 })).toBe(
      '1 debiterbar post saknar avtal som gäller',
    );
    expect(
      monthIssueText({
        code: 'missingRate',
        count: 1,
        reference: 'FA-2026-01',
        workType: 'configuration_change',
      }),
    ).toBe('1 debiterbar post är ”Konfigurationsändring”, som avtal FA-2026-01 saknar timpris för');
  });
});
