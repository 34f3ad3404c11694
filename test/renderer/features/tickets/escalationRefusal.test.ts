import { afterEach, describe, expect, it } from 'vitest';
import { LotsenError } from '../../../../common/api/errors.ts';
import { escalationRefusal } from '../../../../renderer/features/tickets/escalationForm.ts';
import { chooseLanguage } from '../../../../renderer/i18n/i18n.ts';

// The refusals as main/tickets/ticketEscalation.ts throws them (its own test checks these details).
const noAgreement = new LotsenError(
  'NOT_ELIGIBLE',
  'Acute escalation refused: no agreement in force on 2026-11-20.',
  { reason: 'NO_AGREEMENT', on: '2026-11-20', exceptionPriceOre: 250_000 },
);
const noOption = new LotsenError(
  'NOT_ELIGIBLE',
  'Acute escalation refused: the agreement has no acute option (LJ-2026, LJ-2027).',
  { reason: 'NO_ACUTE_OPTION', agreements: ['LJ-2026', 'LJ-2027'], exceptionPriceOre: 250_000 },
);

describe('an escalation refused by main, worded by its reason code', () => {
  afterEach(() => chooseLanguage('en'));

  it('English: as main says it, the day as en-GB writes it', () => {
    expect(escalationRefusal(noAgreement)).toEqual({
      message: 'Acute escalation refused: no agreement in force on 20/11/2026.',
      exceptionPriceOre: 250_000,
    });
    expect(escalationRefusal(noOption).message).toBe(noOption.message);
  });

  it('Swedish: no English left', async () => {
    await chooseLanguage('sv');
    expect(escalationRefusal(noAgreement).message).toBe(
      'Akut eskalering nekad: inget avtal gäller 2026-11-20.',
    );
    expect(escalationRefusal(noOption).message).toBe(
      'Akut eskalering nekad: avtalet har inget akuttillval (LJ-2026, LJ-2027).',
    );
  });

  it('a refusal without a known reason keeps main’s sentence, and no price without one', () => {
    const other = new LotsenError('NOT_ELIGIBLE', 'Refused for a reason this console does not know.');
    expect(escalationRefusal(other)).toEqual({ message: other.message, exceptionPriceOre: null });
  });
});
