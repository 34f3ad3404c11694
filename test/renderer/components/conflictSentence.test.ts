import { afterEach, describe, expect, it } from 'vitest';
import { staleRecordKinds, type StaleSaveDetails } from '../../../common/api/staleSave.ts';
import { en } from '../../../renderer/i18n/catalogues/en/index.ts';
import { sv } from '../../../renderer/i18n/catalogues/sv/index.ts';
import { conflictSentence, staleRecordInWords } from '../../../renderer/components/conflictSentence.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';

const NOW = Date.parse('2026-12-07T15:00:00+01:00');
const details = (overrides: Partial<StaleSaveDetails>): StaleSaveDetails => ({
  record: 'customer',
  rowVersion: 3,
  current: {},
  changedFields: ['name'],
  changedBy: 'Ada Admin',
  changedAt: Date.parse('2026-12-07T14:02:00+01:00'),
  ...overrides,
});

describe('a stale save in the chosen language, from its details (main’s English is the CLI’s)', () => {
  afterEach(() => chooseLanguage('en'));

  it('every record a save can find stale has words in both languages', () => {
    for (const catalogue of [en, sv]) {
      expect(Object.keys(catalogue.forms.conflict.records).sort()).toEqual([...staleRecordKinds].sort());
    }
  });

  it('English: who, which record and when, as main says it', () => {
    expect(conflictSentence(details({}), NOW)).toBe(
      'Ada Admin changed this customer at 14:02 while you had it open. Nothing was saved: compare what is stored ' +
        'now with what you typed, choose, and save again.',
    );
    expect(
      conflictSentence(
        details({ record: 'support account', changedAt: Date.parse('2026-12-04T09:30:00+01:00') }),
        NOW,
      ),
    ).toMatch(/^Ada Admin changed this support account on 04\/12\/2026 at 09:30 while/);
    expect(conflictSentence(details({ byYou: true }), NOW)).toMatch(
      /^You changed this customer at 14:02 \(in another window or with the CLI\) while/,
    );
    expect(
      conflictSentence(details({ changedBy: null, changedAt: null, record: 'price list' }), NOW),
    ).toMatch(/^Someone changed this price list while you had it open\./);
  });

  it('Swedish: the record in its definite form, no English left', async () => {
    await chooseLanguage('sv');
    expect(conflictSentence(details({ record: 'data-processing agreement' }), NOW)).toBe(
      'Ada Admin ändrade PUB-avtalet kl. 14:02 medan du hade det öppet. Inget sparades: jämför det som är sparat nu ' +
        'med det du skrev, välj och spara igen.',
    );
    expect(
      conflictSentence(details({ byYou: true, changedAt: Date.parse('2026-12-04T09:30:00+01:00') }), NOW),
    ).toMatch(/^Du ändrade kunden 2026-12-04 kl\. 09:30 \(i ett annat fönster eller med CLI:t\)/);
    expect(staleRecordInWords('time entry')).toBe('tidrapporten');
  });
});
