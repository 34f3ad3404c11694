import { afterEach, describe, expect, it } from 'vitest';
import { blockerCodes, reasonSentenceKeys, warningCodes } from '../../../common/agreements/verdict.ts';
import { errorCodes, LotsenError } from '../../../common/api/errors.ts';
import { auditEventCodes } from '../../../common/audit/auditEvents.ts';
import { en } from '../../../renderer/i18n/catalogues/en/index.ts';
import { sv } from '../../../renderer/i18n/catalogues/sv/index.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';
import { onPassphraseField } from '../../../renderer/features/setup/setupForm.ts';
import { errorCode, errorMessage } from '../../../renderer/store/errorMessage.ts';

const DBUS = 'Cannot autolaunch D-Bus without X11 $DISPLAY';

describe('codes from the backend, in words', () => {
  afterEach(() => chooseLanguage('en'));

  it('every error code, reason code and audit event has words in both languages', () => {
    for (const catalogue of [en, sv]) {
      expect(Object.keys(catalogue.errors.codes)).toEqual(expect.arrayContaining([...errorCodes]));
      expect(Object.keys(catalogue.reasons.codes).sort()).toEqual([...blockerCodes, ...warningCodes].sort());
      expect(Object.keys(catalogue.audit.events).sort()).toEqual([...auditEventCodes].sort());
    }
  });

  it('every reason sentence key main can give has its sentence in both languages (plain or with plurals)', () => {
    for (const catalogue of [en, sv]) {
      const sentences = Object.keys(catalogue.reasons.sentences);
      const worded = new Set(sentences.map((key) => key.replace(/_(one|other)$/, '')));
      expect([...worded].sort()).toEqual([...reasonSentenceKeys].sort());
      for (const key of sentences.filter((k) => k.endsWith('_one'))) {
        expect(sentences).toContain(key.replace(/_one$/, '_other'));
      }
    }
  });

  it('an error is said by its code in the chosen language, the backend’s message kept only where it carries data', async () => {
    const locked = new LotsenError('VAULT_LOCKED', 'vault locked (internal wording)');
    expect(errorMessage(locked)).toBe('Lotsen is locked; unlock it first.');
    const missing = new LotsenError('NOT_FOUND', 'No customer Växjö kommun.');
    expect(errorMessage(missing)).toBe(
      'It is no longer there; someone may have removed it. (No customer Växjö kommun.)',
    );
    await chooseLanguage('sv');
    expect(errorMessage(locked)).toBe('Lotsen är låst; lås upp den först.');
    expect(errorMessage(missing)).toBe(
      'Det finns inte längre; någon kan ha tagit bort det. (No customer Växjö kommun.)',
    );
    expect(errorMessage(new Error('TypeError: x is undefined'))).toBe(
      'Något gick fel; åtgärden genomfördes inte.',
    );
    expect(errorCode(missing)).toBe('NOT_FOUND');
  });

  it('the wait after too many passphrases is said in seconds', () => {
    const failure = new LotsenError('TOO_MANY_ATTEMPTS', 'Too many', { retryAfterMs: 4200 });
    expect(errorMessage(failure)).toBe('Too many wrong passphrases. Wait 5 s and try again.');
  });

  it('no keychain at set-up is a sentence on the passphrase field, never D-Bus’s own words', async () => {
    for (const code of ['NO_KEY_STORE', 'KEYCHAIN_UNAVAILABLE'] as const) {
      const failure = new LotsenError(code, `No OS keychain answered (${DBUS}) and no passphrase was given.`);
      expect(errorMessage(failure)).not.toContain('D-Bus');
      const onField = onPassphraseField(failure) as LotsenError;
      expect(onField.details?.issues).toEqual([
        {
          path: 'passphrase',
          message: expect.stringContaining('This computer has no OS keychain that answers'),
        },
      ]);
      expect(JSON.stringify(onField.toApiError())).not.toContain('D-Bus');
    }
    await chooseLanguage('sv');
    const onField = onPassphraseField(new LotsenError('NO_KEY_STORE', DBUS)) as LotsenError;
    expect(onField.message).toContain('Datorn har ingen nyckelring som svarar');
  });
});
