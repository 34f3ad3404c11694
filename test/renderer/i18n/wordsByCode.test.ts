import { afterEach, describe, expect, it } from 'vitest';
import { blockerCodes, reasonSentenceKeys, warningCodes } from '../../../common/agreements/verdict.ts';
import { apiErrorSchema, errorCodes, keyedError, LotsenError } from '../../../common/api/errors.ts';
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

  it('an error is said by its code in the chosen language, its detail worded by key in the same language', async () => {
    const locked = new LotsenError('VAULT_LOCKED', 'vault locked (internal wording)');
    expect(errorMessage(locked)).toBe('Lotsen is locked; unlock it first.');
    const taken = keyedError('ALREADY_INITIALIZED', 'storage.storeAlreadyThere', {
      folder: '/srv/lotsen/växjö',
    });
    expect(taken.message).toBe('/srv/lotsen/växjö already holds a Lotsen store.');
    expect(errorMessage(taken)).toBe(
      'Lotsen is already set up. (/srv/lotsen/växjö already holds a Lotsen store.)',
    );
    const unkeyed = new LotsenError('NOT_FOUND', 'No customer Växjö kommun.');
    expect(errorMessage(unkeyed)).toBe(
      'It is no longer there; someone may have removed it. (No customer Växjö kommun.)',
    );
    await chooseLanguage('sv');
    expect(errorMessage(locked)).toBe('Lotsen är låst; lås upp den först.');
    expect(errorMessage(taken)).toBe(
      'Lotsen är redan konfigurerad. (/srv/lotsen/växjö innehåller redan en Lotsen-databas.)',
    );
    // A detail without a key is English: Swedish shows the sentence alone rather than mix the two languages.
    expect(errorMessage(unkeyed)).toBe('Det finns inte längre; någon kan ha tagit bort det.');
    expect(errorMessage(new Error('TypeError: x is undefined'))).toBe(
      'Något gick fel; åtgärden genomfördes inte.',
    );
    expect(errorCode(unkeyed)).toBe('NOT_FOUND');
  });

  it('a detail crosses the API boundary as its key and values, and an unknown key shows the sentence alone', () => {
    const taken = keyedError('ALREADY_INITIALIZED', 'storage.storeAlreadyThere', { folder: '/data' });
    const across = LotsenError.fromApiError(
      apiErrorSchema.parse(JSON.parse(JSON.stringify(taken.toApiError()))),
    );
    expect(across.detail).toEqual({ key: 'storage.storeAlreadyThere', values: { folder: '/data' } });
    expect(errorMessage(across)).toBe(errorMessage(taken));
    const fromNewerMain = new LotsenError('NOT_FOUND', 'x', undefined, {
      key: 'records.notYetKnown',
      values: {},
    });
    expect(errorMessage(fromNewerMain)).toBe('It is no longer there; someone may have removed it.');
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
