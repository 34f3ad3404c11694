import type { MethodInput } from '../../common/api/contract.ts';
import type { ApiClient } from '../api/client.ts';

export function createAuditService(api: ApiClient) {
  return {
    list: (filter: MethodInput<'audit.list'>) => api.call('audit.list', filter),
    actors: () => api.call('audit.actors', {}),
    verify: () => api.call('audit.verify', {}),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
