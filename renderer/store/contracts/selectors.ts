import type { AgreementView } from '../../../common/agreements/model.ts';
import type { ContractsState } from './initialState.ts';

/** Every service of the open customer's agreements, named with its agreement, for pickers. */
export function selectServiceOptions(
  state: Pick<ContractsState, 'agreements'>,
): { id: string; label: string }[] {
  return serviceOptions(state.agreements);
}

export function serviceOptions(agreements: readonly AgreementView[]): { id: string; label: string }[] {
  return agreements.flatMap((agreement) =>
    agreement.services.map((service) => ({
      id: service.id,
      label: `${service.name} (${agreement.reference})`,
    })),
  );
}
