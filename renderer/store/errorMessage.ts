import { codesWithDetail, type ErrorDetailValue } from '../../common/api/errorDetails/index.ts';
import { LotsenError, type ApiError } from '../../common/api/errors.ts';
import { recordValuesInWords } from './recordDetailValues.ts';
import { listInWords } from '../components/form/formSpec.ts';
import { dayToText } from '../components/form/dateText.ts';
import { formatCount, formatDateTime } from '../i18n/format.ts';
import { i18n, t } from '../i18n/i18n.ts';
import { codeValueInWords } from './errorDetailCodes.ts';

/** What to tell a person about a failed call, in the chosen language, by its code; never a stack trace. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof LotsenError)) return t('errors:unknown');
  const sentence = errorSentence(error);
  const detail = errorDetail(error);
  if (detail === null) return sentence;
  // Main's English is kept out of the catalogue's sentence in the pseudo-locale: inside it, it would read as the
  // catalogue's, and the tours could not see that it is not.
  if (!error.detail && i18n.language === 'pseudo') return `${sentence} ${detail}`;
  return t('errors:withDetail', { sentence, detail });
}

/** The code in words, without the backend's detail. */
export function errorSentence(error: LotsenError): string {
  if (error.code === 'TOO_MANY_ATTEMPTS') {
    const wait = error.details?.retryAfterMs;
    return typeof wait === 'number' && wait > 0
      ? t('errors:codes.TOO_MANY_ATTEMPTS', { seconds: Math.ceil(wait / 1000) })
      : t('errors:codes.TOO_MANY_ATTEMPTS_noWait');
  }
  return t(`errors:codes.${error.code}`);
}

/**
 * What the backend said beyond the code, in the chosen language, from its detail key; null where the sentence says
 * all. A message without a key (none is left in main; a test holds it there) is shown only in English and the
 * pseudo-locale, where the tours catch it: never as English inside a Swedish sentence.
 */
export function errorDetail(error: LotsenError): string | null {
  if (error.detail) return detailText(error.detail, error.details);
  const message = error.message.trim();
  if (!codesWithDetail.has(error.code) || message === '' || i18n.language === 'sv') return null;
  return message;
}

/**
 * The values as a sentence shows them: codes (a role) and lists, numbers and moments in the chosen language; names as
 * they are.
 */
function wordedValues(values: Readonly<Record<string, ErrorDetailValue>>): Record<string, string | number> {
  const worded: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    const code = codeValueInWords(name, value);
    if (code !== undefined) worded[name] = code;
    else if (Array.isArray(value)) worded[name] = listInWords(value);
    else if (typeof value === 'number') {
      // `count` stays a number: i18next chooses the plural form by it (and formats it through the sentence's value).
      worded[name] =
        name === 'count' ? value : name.endsWith('At') ? formatDateTime(value) : formatCount(value);
    } else worded[name] = name.endsWith('On') ? dayToText(value) : value;
  }
  return worded;
}

export function errorCode(error: unknown): string | null {
  return error instanceof LotsenError ? error.code : null;
}

/**
 * A detail (an error's, or a field issue's) in the chosen language. Keys are checked where main throws them
 * (ErrorDetailKey); an older main's unknown key gives null, so the sentence is shown alone.
 */
export function detailText(
  detail: NonNullable<ApiError['detail']>,
  details?: ApiError['details'],
): string | null {
  const { key, values } = detail;
  const worded = t(
    `errorDetails:${key}` as never,
    {
      ...wordedValues(values),
      ...recordValuesInWords(values, details),
    } as never,
  ) as unknown as string;
  return worded === key || worded === `errorDetails:${key}` ? null : worded;
}
