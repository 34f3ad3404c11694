import { afterEach, expect, it } from 'vitest';
import { keyedError, LotsenError } from '../../../common/api/errors.ts';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../../renderer/i18n/pseudo.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';
import { errorMessage } from '../../../renderer/store/errorMessage.ts';

afterEach(() => chooseLanguage('en'));

/** The text outside every ⟦…⟧ segment (innermost first): what the pseudo-locale tours see as not from the catalogue. */
function outsideCatalogue(text: string): string {
  const segment = new RegExp(`${PSEUDO_OPEN}[^${PSEUDO_OPEN}${PSEUDO_CLOSE}]*${PSEUDO_CLOSE}`, 'g');
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(segment, '');
  }
  return text.trim();
}

it('in the pseudo-locale main’s English detail stays outside the catalogue’s sentence, where the tours see it', async () => {
  await chooseLanguage('pseudo');
  const unkeyed = new LotsenError('NOT_FOUND', 'No such customer; it may have been deleted.');
  expect(outsideCatalogue(errorMessage(unkeyed))).toBe('No such customer; it may have been deleted.');
  // A keyed detail is the catalogue's own, however it is nested.
  const keyed = keyedError('ALREADY_INITIALIZED', 'storage.storeAlreadyThere', { folder: '/srv/lotsen' });
  expect(outsideCatalogue(errorMessage(keyed))).toBe('');
  expect(errorMessage(keyed)).toContain('/srv/lotsen');
});
