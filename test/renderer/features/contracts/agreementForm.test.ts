import { describe, expect, it } from 'vitest';
import {
  agreementFormSpec,
  agreementFormValues,
  servicesText,
} from '../../../../renderer/features/contracts/agreementForm.ts';

/*
 * Issue 15: an agreement saved with zero services once its only row, left empty, was dropped on saving. The form now
 * refuses both, beside the services, and keeps what was typed.
 */
describe('agreement form: its services', () => {
  const values = { ...agreementFormValues(undefined, ''), reference: 'FA-2026-07', startsOn: '2026-01-01' };

  it('a new agreement whose one service row is left empty is refused, the row named', () => {
    expect(agreementFormSpec.check!(values)).toEqual([
      { path: 'services', message: 'Service 1 has no name: name it, or remove its row' },
    ]);
  });

  it('an agreement with no services at all is refused', () => {
    expect(agreementFormSpec.check!({ ...values, services: servicesText([]) })).toEqual([
      {
        path: 'services',
        message: 'Add the service the agreement covers: an agreement without a service cannot be saved',
      },
    ]);
  });

  it('named services pass', () => {
    const services = servicesText([{ kind: 'sso', name: 'AD FS', environmentId: '' }]);
    expect(agreementFormSpec.check!({ ...values, services })).toEqual([]);
  });
});
