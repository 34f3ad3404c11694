import type { ErrorDetailValues } from './index.ts';

/*
 * A detail value named `month` or `…Month` is an ISO month (`2026-11`), which each language names in its own words:
 * main's English as "November 2026" (here, before the template is filled in), the console in the reader's language
 * (renderer/store/recordDetailValues.ts).
 */

export const isMonthValue = (name: string): boolean => name === 'month' || name.endsWith('Month');

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-11` as "November 2026"; anything else as it is. */
function englishMonth(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  const name = match ? ENGLISH_MONTHS[Number(match[2]) - 1] : undefined;
  return match && name ? `${name} ${match[1]}` : value;
}

/** The values with each month named in English, for main's English message. */
export function withEnglishMonths(values: ErrorDetailValues): ErrorDetailValues {
  const named = Object.entries(values).map(([name, value]) => [
    name,
    typeof value === 'string' && isMonthValue(name) ? englishMonth(value) : value,
  ]);
  return Object.fromEntries(named) as ErrorDetailValues;
}
