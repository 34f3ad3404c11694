import type { z } from 'zod';
import { formatCount } from '../../i18n/format.ts';
import { forms as englishForms } from '../../i18n/catalogues/en/forms.ts';
import { i18n, t } from '../../i18n/i18n.ts';

/**
 * Validation messages in the chosen language. The schemas are common/'s, shared with main and the CLI, so their
 * messages are English: zod's own ("Too small: expected string to have >=1 characters") where a schema says nothing,
 * and the schema's own sentence ("Name is required") where it does. A form checks with an error map that marks zod's
 * own messages, and words those here by the issue's code and values; a schema's own sentence is kept in English
 * (it says more than the code does) and worded by its code in any other language.
 */
const ZODS_OWN = '\u0000zod';

/**
 * What `schema.safeParse` takes to mark the issues whose message would be zod's own, keeping the input they were
 * about (a field left empty is worded as one to fill in, not as a wrong type). The input stays in the page.
 */
export const markZodsOwn = { error: () => ZODS_OWN, reportInput: true };

type Issue = z.core.$ZodIssue;

/** The message a form shows for an issue of a parse made with `markZodsOwn`. */
export function issueText(issue: Issue): string {
  if (issue.message !== ZODS_OWN) {
    const sentence = sentenceText(issue.message);
    if (sentence !== null) return sentence;
    if (i18n.language === 'en') return issue.message;
  }
  return wordIssue(issue);
}

type SentenceKey = keyof typeof englishForms.sentences;

/** `t` for a sentence whose values are read by name from its English (each key gets exactly those it names). */
const sentenceIn = t as unknown as (
  key: `forms:sentences.${SentenceKey}`,
  values: Record<string, string>,
) => string;

/** Each of the schemas' sentences the catalogue words, as a pattern over the English with its values captured. */
const sentencePatterns = Object.entries(englishForms.sentences).map(([key, english]) => {
  const names: string[] = [];
  const source = english
    .split(/(\{\{\w+\}\})/)
    .map((part) => {
      const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '(.+?)';
    })
    .join('');
  return { key: key as SentenceKey, names, pattern: new RegExp(`^${source}$`) };
});

/**
 * One of common/'s schema sentences (checked here or sent by main in a field issue) in the chosen language, with the
 * values it names; null for a sentence the catalogue does not word. A sentence made from a field's English name
 * (`Name is required`) names the field as the catalogue does (`forms:fieldNames`); one it does not know is not worded.
 */
export function sentenceText(message: string): string | null {
  for (const { key, names, pattern } of sentencePatterns) {
    const match = pattern.exec(message);
    if (!match) continue;
    const values = Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? '']));
    if (values.label !== undefined) {
      const field = `forms:fieldNames.${values.label}`;
      if (!i18n.exists(field)) return null;
      values.label = t(field as never);
    }
    return sentenceIn(`forms:sentences.${key}`, values);
  }
  return null;
}

function sizeOf(value: number | bigint): number {
  return typeof value === 'bigint' ? Number(value) : value;
}

/** The messages of a failed parse made with `markZodsOwn`, for a form that shows them together. */
export function issueTexts(error: z.ZodError): string[] {
  return error.issues.map(issueText);
}

/** An issue in words by its code and values, never by its message. */
export function wordIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      // A field not given at all reads as a field to fill in, not as a type. (A number field's text that is no number
      // arrives as NaN, empty or not, so NaN is said to be invalid: never "fill this in" under what was typed.)
      if (issue.input === undefined || issue.input === null || issue.input === '')
        return t('forms:issue.required');
      // `.int()` reports a fraction as the wrong type.
      return issue.expected === 'int' && typeof issue.input === 'number'
        ? t('forms:issue.whole')
        : t('forms:issue.invalid');
    case 'too_small': {
      const count = sizeOf(issue.minimum);
      if (issue.origin === 'string')
        return count <= 1 ? t('forms:issue.required') : t('forms:issue.tooShort', { count });
      if (issue.origin === 'array' || issue.origin === 'set') return t('forms:issue.tooFew', { count });
      return issue.inclusive === false
        ? t('forms:issue.above', { value: formatCount(count) })
        : t('forms:issue.atLeast', { value: formatCount(count) });
    }
    case 'too_big': {
      const count = sizeOf(issue.maximum);
      if (issue.origin === 'string') return t('forms:issue.tooLong', { count });
      if (issue.origin === 'array' || issue.origin === 'set') return t('forms:issue.tooMany', { count });
      return issue.inclusive === false
        ? t('forms:issue.below', { value: formatCount(count) })
        : t('forms:issue.atMost', { value: formatCount(count) });
    }
    case 'invalid_format':
      if (issue.format === 'email') return t('forms:issue.email');
      if (issue.format === 'url') return t('forms:issue.url');
      return t('forms:issue.format');
    case 'not_multiple_of':
      return Number(issue.divisor) === 1
        ? t('forms:issue.whole')
        : t('forms:issue.multipleOf', { step: formatCount(Number(issue.divisor)) });
    case 'invalid_value':
      return t('forms:issue.choose');
    case 'unrecognized_keys':
      return t('forms:issue.unknownField', { count: issue.keys.length });
    default:
      return t('forms:issue.invalid');
  }
}
