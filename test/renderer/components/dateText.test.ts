import { afterEach, describe, expect, it } from 'vitest';
import { datePattern, dayToText, textToDay } from '../../../renderer/components/form/dateText.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';

describe('dates typed and shown in the chosen language', () => {
  afterEach(() => chooseLanguage('en'));

  it('English shows and takes day/month/year, and takes ISO as pasted', async () => {
    await chooseLanguage('en');
    expect(datePattern()).toBe('DD/MM/YYYY');
    expect(dayToText('2026-12-04')).toBe('04/12/2026');
    expect(textToDay('04/12/2026')).toBe('2026-12-04');
    expect(textToDay('4/12/2026')).toBe('2026-12-04');
    expect(textToDay('2026-12-04')).toBe('2026-12-04');
    expect(textToDay('12/31/2026')).toBeNull(); // a US date is no British one
  });

  it('Swedish shows and takes ISO days only', async () => {
    await chooseLanguage('sv');
    expect(datePattern()).toBe('ÅÅÅÅ-MM-DD');
    expect(dayToText('2026-12-04')).toBe('2026-12-04');
    expect(textToDay(' 2026-12-04 ')).toBe('2026-12-04');
    expect(textToDay('04/12/2026')).toBeNull();
  });

  it('nothing is nothing, and a day that does not exist is no date', () => {
    expect(textToDay('')).toBe('');
    expect(dayToText('')).toBe('');
    expect(textToDay('31/04/2026')).toBeNull();
    expect(textToDay('2026-02-29')).toBeNull();
    expect(textToDay('2028-02-29')).toBe('2028-02-29');
    expect(textToDay('igår')).toBeNull();
  });
});
