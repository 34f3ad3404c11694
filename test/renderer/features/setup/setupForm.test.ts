import { describe, expect, it } from 'vitest';
import { errorsFromIssues, validate } from '../../../../renderer/components/form/fieldErrors.ts';
import { emptySetupValues, setupFormSpec } from '../../../../renderer/features/setup/setupForm.ts';

describe('set-up form', () => {
  it('sends the user, and the passphrase only when one is typed', () => {
    const values = { ...emptySetupValues, name: 'Tekla Tekniker', email: 'tekla@leverantor.se' };
    expect(setupFormSpec.toInput(values)).toEqual({
      user: { name: 'Tekla Tekniker', email: 'tekla@leverantor.se', role: 'technician' },
    });
    expect(setupFormSpec.toInput({ ...values, passphrase: 'åäö lösen', repeat: 'åäö lösen' })).toMatchObject({
      passphrase: 'åäö lösen',
    });
  });

  it('names the user fields the contract rejects, and a repeated passphrase that differs', () => {
    const errors = validate(
      setupFormSpec.schema,
      setupFormSpec.toInput({ ...emptySetupValues, email: 'tekla' }),
      setupFormSpec.fields,
    );
    expect(Object.keys(errors.byField).sort()).toEqual(['email', 'name']);
    const mismatch = setupFormSpec.check!({ ...emptySetupValues, passphrase: 'ett', repeat: 'två' });
    expect(errorsFromIssues(mismatch, setupFormSpec.fields).byField).toEqual({
      repeat: 'The two passphrases differ',
    });
    expect(setupFormSpec.check!({ ...emptySetupValues, passphrase: 'ett', repeat: 'ett' })).toEqual([]);
  });
});
