import { describe, expect, it } from 'vitest';
import {
  countContactsMissingTraining,
  customerDeletionScope,
  missingTraining,
} from '../../../renderer/store/registry/slices/customerDetail/selectors.ts';

describe('customer detail selectors', () => {
  it('names the trainings a support contact still lacks', () => {
    expect(missingTraining({ adminTrainingDone: true, toolTrainingDone: true })).toEqual([]);
    expect(missingTraining({ adminTrainingDone: false, toolTrainingDone: true })).toEqual(['admin']);
    expect(missingTraining({ adminTrainingDone: false, toolTrainingDone: false })).toEqual(['admin', 'tool']);
    expect(
      countContactsMissingTraining({
        contacts: [
          { adminTrainingDone: true, toolTrainingDone: true },
          { adminTrainingDone: true, toolTrainingDone: false },
        ],
      }),
    ).toBe(1);
  });

  it('counts everything that goes with a customer when it is deleted', () => {
    const scope = customerDeletionScope({
      contacts: [{}, {}],
      environments: [
        { servers: [{}, {}], supportAccounts: [{}] },
        { servers: [{}], supportAccounts: [] },
      ],
    });
    expect(scope).toEqual({ environments: 2, servers: 3, supportAccounts: 1, contacts: 2 });
  });
});
