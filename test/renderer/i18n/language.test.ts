import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/catalogues/en/index.ts';
import { formatDateTime, formatDuration, formatHours, formatSek } from '../../../renderer/i18n/format.ts';
import { chooseLanguage, currentLocale, t } from '../../../renderer/i18n/i18n.ts';
import { systemLanguage } from '../../../renderer/i18n/language.ts';
import { pseudoCatalogue, pseudoString } from '../../../renderer/i18n/pseudo.ts';

describe('the language the console speaks', () => {
  afterEach(() => chooseLanguage('en'));

  it('is Swedish when the system languages include Swedish, English otherwise', () => {
    expect(systemLanguage(['sv-SE', 'en-US'])).toBe('sv');
    expect(systemLanguage(['en-GB', 'sv'])).toBe('sv');
    expect(systemLanguage(['en-US'])).toBe('en');
    expect(systemLanguage(['svc'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });

  it('switches words, dates and money together', async () => {
    const friday = Date.UTC(2026, 11, 4, 7, 10); // 08:10 in Stockholm
    await chooseLanguage('sv');
    expect(t('common:actions.save')).toBe('Spara');
    expect(currentLocale()).toBe('sv-SE');
    expect(formatDateTime(friday)).toBe('2026-12-04 08:10');
    expect(formatSek(156_250).replace(/\s/g, ' ')).toBe('1 562,50 kr');
    expect(formatHours(75)).toBe('1,25 h');
    await chooseLanguage('en');
    expect(t('common:actions.save')).toBe('Save');
    expect(formatDateTime(friday)).toBe('04/12/2026, 08:10');
    expect(formatSek(156_250).replace(/\s/g, ' ')).toBe('SEK 1,562.50');
    expect(formatHours(75)).toBe('1.25 h');
    expect(formatDuration(3900)).toBe('1 h 05 min');
  });
});

describe('the pseudo-locale', () => {
  it('marks every string and keeps what i18next reads itself', () => {
    expect(pseudoString('Save')).toBe('⟦Šåvé⟧');
    expect(pseudoString('{{count}} servers, <b>now</b>')).toBe('⟦{{count}} šérvérš, <b>ñöw</b>⟧');
    expect(pseudoString('See $t(common:actions.save)')).toBe('⟦Šéé $t(common:actions.save)⟧');
  });

  it('covers the whole English catalogue', async () => {
    const pseudo = pseudoCatalogue(en);
    expect(pseudo.common.actions.cancel).toBe('⟦Çåñçél⟧');
    await chooseLanguage('pseudo');
    expect(t('common:actions.cancel')).toBe('⟦Çåñçél⟧');
    expect(t('common:units.minutes', { m: 5 })).toBe('⟦5 míñ⟧');
  });
});
