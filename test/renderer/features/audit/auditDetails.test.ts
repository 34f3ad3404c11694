import { afterEach, describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../../../renderer/i18n/i18n.ts';
import { auditDetailsInWords } from '../../../../renderer/features/audit/auditDetails.ts';
import { subjectTypeLabel } from '../../../../renderer/features/audit/subjectTypes.ts';

describe('an audit event’s details, in words', () => {
  afterEach(() => chooseLanguage('en'));

  it('names each detail in the chosen language, with money as money and reason codes in words', async () => {
    const details = {
      amountOre: 156250,
      blockers: ['NO_DPA'],
      succeeded: true,
      purpose: 'ärende HD-4711',
      somethingNew: 3,
    };
    expect(auditDetailsInWords(details).replace(/\s/g, ' ')).toBe(
      'amount: SEK 1,562.50 · blockers: No data-processing agreement · succeeded: yes · purpose: ärende HD-4711 · somethingNew: 3',
    );
    await chooseLanguage('sv');
    expect(auditDetailsInWords(details).replace(/\s/g, ' ')).toBe(
      'belopp: 1 562,50 kr · hinder: Inget PUB-avtal · lyckades: ja · syfte: ärende HD-4711 · somethingNew: 3',
    );
    expect(subjectTypeLabel('support_account')).toBe('Supportkonto');
    expect(subjectTypeLabel('new_kind')).toBe('new_kind');
  });

  it('words the team vault’s events: its trees, why a key rotated, and the member a grant is for', async () => {
    const rotated = { tree: 'personal', from: 2, to: 3, dataKeys: 1, reason: 'code_reissued' };
    expect(auditDetailsInWords(rotated)).toBe(
      'key: personal data · from: 2 · to: 3 · data keys: 1 · ' +
        'reason: a member who held it got a new code (their keychain may be lost, or stolen)',
    );
    expect(auditDetailsInWords({ reason: 'rotation_begun' })).toBe(
      'reason: a rotation was begun and not finished',
    );
    await chooseLanguage('sv');
    expect(auditDetailsInWords({ trees: ['personal', 'secrets'] })).toBe(
      'nycklar: personuppgifter, kundernas hemligheter',
    );
    expect(auditDetailsInWords({ tree: 'secrets', reason: 'member_removed' })).toBe(
      'nyckel: kundernas hemligheter · skäl: en medlem som hade den togs bort',
    );
    expect(subjectTypeLabel('user')).toBe('Medlem');
  });
});
