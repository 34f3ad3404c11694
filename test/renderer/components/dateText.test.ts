import { afterEach, describe, expect, it } from 'vitest';
import {
  datePattern,
  dayToText,
  monthPattern,
  monthToText,
  textToDay,
  textToMonth,
  textToTime,
  timePattern,
} from '../../../renderer/components/form/dateText.ts';
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

describe('months typed and shown in the chosen language (the billing month field)', () => {
  afterEach(() => chooseLanguage('en'));

  it('English shows and takes month/year, and takes ISO as pasted', async () => {
    await chooseLanguage('en');
    expect(monthPattern()).toBe('MM/YYYY');
    expect(monthToText('2026-11')).toBe('11/2026');
    expect(textToMonth('11/2026')).toBe('2026-11');
    expect(textToMonth('1/2027')).toBe('2027-01');
    expect(textToMonth('2026-11')).toBe('2026-11');
    expect(textToMonth('13/2026')).toBeNull();
  });

  it('Swedish shows and takes ISO months only', async () => {
    await chooseLanguage('sv');
    expect(monthPattern()).toBe('ÅÅÅÅ-MM');
    expect(monthToText('2026-11')).toBe('2026-11');
    expect(textToMonth(' 2026-11 ')).toBe('2026-11');
    expect(textToMonth('11/2026')).toBeNull();
    expect(textToMonth('')).toBe('');
    expect(textToMonth('november')).toBeNull();
  });
});

describe('times of day on the 24-hour clock in both languages (in place of the native time input)', () => {
  afterEach(() => chooseLanguage('en'));

  it('takes the ways people type a time and writes it HH:MM', async () => {
    await chooseLanguage('en');
    expect(timePattern()).toBe('HH:MM');
    expect(textToTime('9:05')).toBe('09:05');
    expect(textToTime('09.05')).toBe('09:05');
    expect(textToTime('0905')).toBe('09:05');
    expect(textToTime('23:59')).toBe('23:59');
    expect(textToTime('')).toBe('');
    await chooseLanguage('sv');
    expect(timePattern()).toBe('TT:MM');
  });

  it('refuses what is no time, a 12-hour one included', () => {
    expect(textToTime('24:00')).toBeNull();
    expect(textToTime('9:60')).toBeNull();
    expect(textToTime('9:05 PM')).toBeNull();
    expect(textToTime('sometime')).toBeNull();
  });
});
