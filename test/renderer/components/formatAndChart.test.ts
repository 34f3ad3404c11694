import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';
import { niceScale, stackTotals } from '../../../renderer/components/barChartScale.ts';
import { formatDuration, formatElapsed, formatHours, formatSek } from '../../../renderer/i18n/format.ts';
import { exportFormatOf, formatBytes } from '../../../renderer/features/billing/exportChoices.ts';
import { exportFraction } from '../../../renderer/store/billing/slices/export/selectors.ts';

describe('Swedish figures', () => {
  beforeAll(() => chooseLanguage('sv'));
  afterAll(() => chooseLanguage('en'));

  it('writes kronor, hours and durations as Swedes read them', () => {
    // Intl writes a no-break space before "kr" and between thousands.
    expect(formatSek(123_456_75).replace(/\s/g, ' ')).toBe('123 456,75 kr');
    expect(formatSek(0).replace(/\s/g, ' ')).toBe('0,00 kr');
    expect(formatHours(45)).toBe('0,75 h');
    expect(formatHours(90)).toBe('1,50 h');
    expect(formatDuration(37 * 60)).toBe('37 min');
    expect(formatDuration(2 * 3600)).toBe('2 h');
    expect(formatDuration(3900)).toBe('1 h 05 min');
    expect(formatElapsed(65)).toBe('0:01:05');
    expect(formatElapsed(36_000)).toBe('10:00:00');
    expect(formatBytes(850)).toBe('850 B');
    expect(formatBytes(1_258)).toBe('1,2 kB');
  });
});

describe('the bar chart scale', () => {
  it('rounds the axis up to a readable step', () => {
    expect(niceScale(0.75)).toEqual({ max: 0.8, ticks: [0, 0.2, 0.4, 0.6, 0.8] });
    expect(niceScale(37)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceScale(100).max).toBe(100);
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('stacks series per category, ignoring negatives', () => {
    expect(stackTotals([{ values: [1, 2, -1] }, { values: [0.5, 0, 3] }], 3)).toEqual([1.5, 2, 3]);
  });
});

describe('the export dialog', () => {
  it('maps the three choices to format and dialect, and shows progress once the total is known', () => {
    expect(exportFormatOf('csv')).toEqual({ format: 'csv', excelSv: false });
    expect(exportFormatOf('csv_excel_sv')).toEqual({ format: 'csv', excelSv: true });
    expect(exportFormatOf('xlsx')).toEqual({ format: 'xlsx', excelSv: false });
    expect(exportFraction({ state: 'running', done: 0, total: 0 })).toBeNull();
    expect(exportFraction({ state: 'running', done: 500, total: 2_000 })).toBe(0.25);
    expect(exportFraction({ state: 'done', done: 3, total: 0 })).toBe(1);
  });
});
