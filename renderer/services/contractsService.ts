import type { MethodInput } from '../../common/api/contract.ts';
import type { ApiClient } from '../api/client.ts';

/** Agreements, data-processing agreements and eligibility, as the contracts and review stores call them. */
export function createContractsService(api: ApiClient) {
  return {
    list: (customerId: string) => api.call('agreements.list', { customerId }),
    saveAgreement: (input: MethodInput<'agreements.save'>) => api.call('agreements.save', input),
    deleteAgreement: (id: string) => api.call('agreements.delete', { id }),
    saveDpa: (input: MethodInput<'dpas.save'>) => api.call('dpas.save', input),
    deleteDpa: (id: string) => api.call('dpas.delete', { id }),
    check: (customerId: string) => api.call('eligibility.check', { customerId }),
    review: () => api.call('eligibility.review', {}),
    onChanged: (listener: (change: { customerId: string | null }) => void) =>
      api.subscribe('registry.changed', listener),
  };
}

export type ContractsService = ReturnType<typeof createContractsService>;
