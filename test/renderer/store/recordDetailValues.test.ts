import { afterEach, describe, expect, test } from 'vitest';
import { keyedError, keyedIssue } from '../../../common/api/errors.ts';
import { errorsFromFailure } from '../../../renderer/components/form/fieldErrors.ts';
import { chooseLanguage } from '../../../renderer/i18n/i18n.ts';
import { errorMessage } from '../../../renderer/store/errorMessage.ts';

describe('record details in the chosen language', () => {
  afterEach(() => chooseLanguage('en'));

  test('a month is named in the reader’s language, mid-month so no time zone moves it', async () => {
    const error = keyedError('CONFLICT', 'records.monthNotEnded', {
      month: '2026-12',
      customer: 'Växjö kommun',
    });
    expect(errorMessage(error)).toContain('(December 2026 for Växjö kommun cannot be approved yet');
    await chooseLanguage('sv');
    expect(errorMessage(error)).toContain('(Månaden december 2026 för Växjö kommun kan inte godkännas än');
  });

  test('why a month cannot be approved is worded from the codes beside main’s English list', async () => {
    const monthIssues = [
      { code: 'unclassified', count: 2 },
      { code: 'missingRate', count: 1, reference: 'AVT-7', workType: 'project' },
    ];
    const english =
      '2 entries are unclassified; 1 billable entry is "Project", which agreement AVT-7 has no hourly rate for';
    const refused = keyedError(
      'CONFLICT',
      'records.monthNotApprovable',
      { month: '2026-11', customer: 'Lunds kommun', problems: english },
      { monthIssues },
    );
    expect(refused.message).toContain(`November 2026 for Lunds kommun cannot be approved: ${english}.`);
    await chooseLanguage('sv');
    expect(errorMessage(refused)).toBe(
      'Det krockar med det som redan är registrerat. (Månaden november 2026 för Lunds kommun kan inte godkännas: ' +
        '2 poster är inte klassificerade och 1 debiterbar post är ”Projektarbete”, som avtal AVT-7 saknar timpris för. ' +
        'Klassa tiden, stoppa det som pågår och sätt pris på debiterbart arbete, och godkänn sedan igen.)',
    );
  });

  test('a keyed field issue is worded at its field; an unkeyed one is said to be not valid, never in English', async () => {
    await chooseLanguage('sv');
    const refused = keyedError(
      'VALIDATION',
      'records.privateKeyUnreadable',
      {},
      {
        issues: [
          keyedIssue('account.secret', 'records.privateKeyOneLine'),
          { path: 'account.username', message: 'Something main has not keyed' },
        ],
      },
    );
    expect(errorsFromFailure(refused, ['secret', 'username']).byField).toEqual({
      secret:
        'Den här privata nyckeln har tappat sina radbrytningar; klistra in den igen precis som den står i filen',
      username: 'Värdet är inte giltigt',
    });
  });
});
