import { ZodError, type z } from 'zod';
import { issueText, markZodsOwn, sentenceText } from './issueText.ts';
import { issuesFromZod, LotsenError, type FieldIssue } from '../../../common/api/errors.ts';
import { i18n, t } from '../../i18n/i18n.ts';
import { detailText, errorDetail, errorMessage } from '../../store/errorMessage.ts';

export interface FieldErrors {
  /** Field name to the first message about it. */
  byField: Record<string, string>;
  /** Issues that belong to no field on the form; shown above the buttons. */
  general: string[];
}

export const noErrors: FieldErrors = { byField: {}, general: [] };

/**
 * Finds the form field an issue path is about. Server paths may carry the call's wrapper (`server.host` for the field
 * `host`) and array indexes (`access.supportedTools.2` for `access.supportedTools`), so the longest field name that
 * the path contains, from any segment on, wins.
 */
export function fieldForIssuePath(path: string, fields: readonly string[]): string | null {
  const segments = path.split('.').filter(Boolean);
  for (let start = 0; start < segments.length; start++) {
    for (let end = segments.length; end > start; end--) {
      const candidate = segments.slice(start, end).join('.');
      if (fields.includes(candidate)) return candidate;
    }
  }
  return null;
}

export function errorsFromIssues(issues: readonly FieldIssue[], fields: readonly string[]): FieldErrors {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const field = fieldForIssuePath(issue.path, fields);
    // A keyed issue from main, or a sentence of common/'s schemas, reads in the chosen language too.
    const message =
      (issue.detail ? detailText(issue.detail) : null) ?? sentenceText(issue.message) ?? issue.message;
    if (field === null) general.push(issue.path ? `${issue.path}: ${message}` : message);
    else byField[field] ??= message;
  }
  return { byField, general };
}

/**
 * A field issue main sent, in the chosen language: a sentence of common/'s schemas as the catalogue words it; one main
 * wrote itself ("Already used by Växjö kommun") as the refusal's detail says it when the refusal is about that one
 * field (`detail`), else in words by nothing more than that it is not valid. Main's English is shown only in English
 * and in the pseudo-locale (where the tours catch it), never in Swedish.
 */
function mainsIssueText(message: string, detail: string | null): string {
  const sentence = sentenceText(message);
  if (sentence !== null || i18n.language === 'en') return sentence ?? message;
  return detail ?? (i18n.language === 'sv' ? t('forms:issue.invalid') : message);
}

/**
 * Client-side check with the same schema main uses, so both check the same thing; its messages are in the chosen
 * language (issueText.ts).
 */
export function validate(schema: z.ZodType, input: unknown, fields: readonly string[]): FieldErrors {
  const result = schema.safeParse(input, markZodsOwn);
  if (result.success) return noErrors;
  const worded = result.error.issues.map((issue) => ({ ...issue, message: issueText(issue) }));
  return errorsFromIssues(issuesFromZod(new ZodError(worded)), fields);
}

/** A failed save: VALIDATION and CONFLICT errors name fields; anything else is a message for the whole form. */
export function errorsFromFailure(error: unknown, fields: readonly string[]): FieldErrors {
  if (error instanceof LotsenError) {
    const issues = error.details?.issues ?? [];
    if (issues.length > 0) {
      const detail = issues.length === 1 ? errorDetail(error) : null;
      const worded = issues.map((issue) => ({ ...issue, message: mainsIssueText(issue.message, detail) }));
      return errorsFromIssues(worded, fields);
    }
    // By its code in the chosen language, not main's English message.
    return { byField: {}, general: [errorMessage(error)] };
  }
  return { byField: {}, general: [t('forms:somethingWrong')] };
}

export function hasErrors(errors: FieldErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.byField).length > 0;
}

/** The field to put the cursor in: the first invalid one in the order the form shows them. */
export function firstInvalidField(errors: FieldErrors, fields: readonly string[]): string | null {
  return fields.find((field) => field in errors.byField) ?? null;
}
