import { errorCodes, type ErrorCode } from '../../../common/api/errors.ts';
import type { SessionView } from '../../../common/sessions/model.ts';
import { i18n, t } from '../../i18n/i18n.ts';
import { detailInWords } from '../../store/errorMessage.ts';

/**
 * Why an ended session ended, in the chosen language, from the detail main kept with it. A session ended before
 * details were kept has only main's English: Swedish then says its code's sentence rather than mix the languages.
 */
export function sessionEndText(
  session: Pick<SessionView, 'endMessage' | 'endCode' | 'endDetail'>,
): string | null {
  if (session.endDetail) {
    const worded = detailInWords(session.endDetail);
    if (worded !== null) return worded;
  }
  if (session.endMessage === null) return null;
  if (i18n.language !== 'sv') return session.endMessage;
  return isErrorCode(session.endCode) ? t(`errors:codes.${session.endCode}`) : null;
}

function isErrorCode(code: string | null): code is ErrorCode {
  return (errorCodes as readonly (string | null)[]).includes(code);
}
