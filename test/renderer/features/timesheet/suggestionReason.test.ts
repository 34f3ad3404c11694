import { afterEach, describe, expect, it } from 'vitest';
import { suggestFromWarnings, suggestOutsideAgreement } from '../../../../main/time/classification.ts';
import { suggestionReason } from '../../../../renderer/features/timesheet/timeLabels.ts';
import { chooseLanguage } from '../../../../renderer/i18n/i18n.ts';

describe('why Lotsen suggests a classification, worded from its basis', () => {
  afterEach(() => chooseLanguage('en'));

  it('in English, as main says it', async () => {
    await chooseLanguage('en');
    const included = suggestFromWarnings([]);
    expect(suggestionReason(included)).toBe(included.reason);
    const outside = suggestOutsideAgreement([
      { code: 'NO_AGREEMENT', message: 'x', sentence: { key: 'noAgreement', values: {} } },
    ])!;
    expect(suggestionReason(outside)).toBe(
      'There is no support agreement with this customer. Suggested as billable: only services an agreement in force covers are included.',
    );
  });

  it('in Swedish, the eligibility reason it rests on too', async () => {
    await chooseLanguage('sv');
    expect(suggestionReason(suggestFromWarnings([]))).toBe(
      'Felsökning och rådgivning om de avtalade tjänsterna ingår i supportavgiften.',
    );
    const outside = suggestOutsideAgreement([
      { code: 'NO_AGREEMENT', message: 'x', sentence: { key: 'noAgreement', values: {} } },
    ])!;
    expect(suggestionReason(outside)).toBe(
      'Det finns inget supportavtal med kunden. Föreslås som debiterbar: bara tjänster som ett gällande avtal omfattar ingår.',
    );
  });
});
