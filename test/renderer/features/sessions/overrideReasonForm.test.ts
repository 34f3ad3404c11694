import { describe, expect, it } from 'vitest';
import { validate } from '../../../../renderer/components/form/fieldErrors.ts';
import {
  noOverrideReason,
  overrideReasonFormSpec,
} from '../../../../renderer/features/sessions/overrideReasonForm.ts';

const problems = (overrideReason: string) =>
  validate(
    overrideReasonFormSpec.schema,
    overrideReasonFormSpec.toInput({ overrideReason }),
    overrideReasonFormSpec.fields,
  );

describe('the override reason for a blocked reconnect', () => {
  it('needs at least 10 characters once trimmed, said beside the field as main says it', () => {
    const tooShort = {
      byField: { overrideReason: 'Explain the override in at least 10 characters' },
      general: [],
    };
    expect(problems(noOverrideReason.overrideReason)).toEqual(tooShort);
    expect(problems('Akut fel')).toEqual(tooShort);
    // Spaces around it do not count: main trims before it checks.
    expect(problems('   Akut fel.   ')).toEqual(tooShort);
    expect(problems('Akut fel!!')).toEqual({ byField: {}, general: [] });
    expect(problems('  Skolstart i morgon, rektor har godkänt.  ')).toEqual({ byField: {}, general: [] });
  });

  it('is at most 1,000 characters', () => {
    expect(problems('x'.repeat(1_000)).byField).toEqual({});
    expect(problems('x'.repeat(1_001)).byField.overrideReason).toBeTruthy();
  });

  it('goes to main as typed (main trims it)', () => {
    expect(overrideReasonFormSpec.toInput({ overrideReason: ' Skolstart i morgon ' })).toEqual({
      overrideReason: ' Skolstart i morgon ',
    });
  });
});
