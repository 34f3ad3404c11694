import { z } from 'zod';
import type { ErrorDetailValue } from '../../common/api/errorDetails/index.ts';
import { isMonthValue } from '../../common/api/errorDetails/monthValues.ts';
import type { ApiError } from '../../common/api/errors.ts';
import { monthIssueSchema } from '../../common/billing/model.ts';
import { listInWords } from '../components/form/formSpec.ts';
import { monthIssueText } from '../features/billing/monthIssueText.ts';
import { formatMonthYear } from '../i18n/format.ts';

/**
 * The records' detail values that are not said as they are stored, in the chosen language: a `month`/`…Month` ISO
 * month by its name, and why a month cannot be approved (`problems`, main's English list) from the codes main sends
 * beside it (`details.monthIssues`). Only the values it words are returned.
 */
export function recordValuesInWords(
  values: Readonly<Record<string, ErrorDetailValue>>,
  details: ApiError['details'],
): Record<string, string> {
  const worded: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && isMonthValue(name)) worded[name] = monthText(value);
  }
  const monthIssues = z.array(monthIssueSchema).safeParse(details?.monthIssues);
  if ('problems' in values && monthIssues.success) {
    worded.problems = listInWords(monthIssues.data.map(monthIssueText));
  }
  return worded;
}

/** `2026-11` as `november 2026` / `November 2026`: mid-month, so no time zone moves it to another month. */
function monthText(isoMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(isoMonth);
  return match ? formatMonthYear(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15)) : isoMonth;
}
